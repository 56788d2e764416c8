import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { PaymentMethod } from '../../domain/ledger/ledger.events';

/** Intake imported a payment made before the agency took the account over; `paidOn` (YYYY-MM-DD) is its business date. */
export class RecordImportedPayment extends Command<unknown> {
  constructor(
    readonly accountId: string,
    readonly payment: { paymentId: string; amount: number; currency: string; method: PaymentMethod; paidOn: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
