import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ClosedAnswer } from '../cancel-account/cancel-account.request.dto';
import type { CloseAccountByStaffRequest } from './close-account-by-staff.request.dto';

/** Staff close an account with a closing code and a reason. */
export class CloseAccountByStaff extends Command<ClosedAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: CloseAccountByStaffRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
