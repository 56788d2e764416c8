import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { AgreePaymentPlanRequest, PaymentPlanAnswer } from './agree-payment-plan.request.dto';

/** A collector or supervisor agrees a payment plan with the debtor of the account's case. */
export class AgreePaymentPlan extends Command<PaymentPlanAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: AgreePaymentPlanRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
