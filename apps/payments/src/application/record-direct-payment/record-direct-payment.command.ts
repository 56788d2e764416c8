import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { PaymentMethod } from '../../domain/ledger/ledger.events';

/** The client reported (through intake) that the debtor paid it directly; `paymentId` is intake's report id. */
export class RecordDirectPayment extends Command<unknown> {
  constructor(
    readonly accountId: string,
    readonly payment: { paymentId: string; amount: number; currency: string; method: PaymentMethod },
    readonly context: CommandContext,
  ) {
    super();
  }
}
