import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Payments reversed a payment on the account; `balanceAfter` is what the debtor owes after it. */
export class ReopenAfterReversal extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly paymentId: string,
    readonly balanceAfter: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
