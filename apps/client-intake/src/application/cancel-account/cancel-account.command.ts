import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { CancelAccountRequest, ClosedAnswer } from './cancel-account.request.dto';

/** The agency cancels an account and returns it to the client. */
export class CancelAccount extends Command<ClosedAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: CancelAccountRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
