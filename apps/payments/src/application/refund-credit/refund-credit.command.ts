import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { CreditRefundAnswer, RefundCreditRequest } from './refund-credit.request.dto';

/** Pay back (part of) an over-payment credit owed to the payer, out of trust. */
export class RefundCredit extends Command<CreditRefundAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: RefundCreditRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
