import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { AdjustBalanceRequest, BalanceAdjustedAnswer } from './adjust-balance.request.dto';

/** The client (or staff for it) changes what the debtor owes, with a reason. */
export class AdjustBalance extends Command<BalanceAdjustedAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: AdjustBalanceRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
