import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { BankruptcyDischargedAnswer, DischargeBankruptcyRequest } from './discharge-bankruptcy.request.dto';

/** The court discharged the debtor: the account is to close as bankrupt. */
export class DischargeBankruptcy extends Command<BankruptcyDischargedAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: DischargeBankruptcyRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
