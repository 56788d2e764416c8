import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

export interface PaymentHeard {
  paymentId: string;
  amount: number;
  postedAt: string;
  /** What the account owes after it, as payments says: a settlement's write-off. */
  balanceAfter: number;
}

/** Payments posted a payment on the account: it may keep a promise, pay an installment, complete a plan. */
export class NotePayment extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly payment: PaymentHeard,
    readonly context: CommandContext,
  ) {
    super();
  }
}
