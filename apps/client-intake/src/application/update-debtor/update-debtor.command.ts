import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { DebtorUpdatedAnswer, UpdateDebtorRequest } from './update-debtor.request.dto';

/** The client (or staff for it) updates the debtor's name, tax id, addresses, phones or emails. */
export class UpdateDebtor extends Command<DebtorUpdatedAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: UpdateDebtorRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
