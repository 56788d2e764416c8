import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Payments reversed a payment (it bounced): it no longer keeps a promise, pays a plan nor counts toward a settlement; `balanceAfter` is what the account owes after it. */
export class NotePaymentReversal extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly paymentId: string,
    readonly reversedAt: string,
    readonly balanceAfter: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
