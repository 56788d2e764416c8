import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ReversalAnswer, ReversePaymentRequest } from './reverse-payment.request.dto';

/** Reverse a payment that bounced (NSF, chargeback) or was posted in error. */
export class ReversePayment extends Command<ReversalAnswer> {
  constructor(
    readonly paymentId: string,
    readonly request: ReversePaymentRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
