import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { PaymentAnswer, PostPaymentRequest } from './post-payment.request.dto';

/** Post a payment the debtor made to the account's ledger. */
export class PostPayment extends Command<PaymentAnswer> {
  constructor(
    readonly request: PostPaymentRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
