import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { AgreePaymentPlan } from './agree-payment-plan.command';
import { AgreePaymentPlanRequest, PaymentPlanAnswer } from './agree-payment-plan.request.dto';

/** A collector or supervisor agrees a payment plan with the debtor. */
@Controller('cases/:accountId/plans')
export class AgreePaymentPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['collector', 'supervisor'], tag: 'contact cases', uuidParams: ['accountId'], answer: PaymentPlanAnswer, description: 'Agreed: the installments and the terms the plan is judged by.',
    problems: {
      404: 'No contact case for the account (rule case-unknown).',
      409: 'The case is closed (rule case-closed), or another plan is active (rule plan-already-active).',
      422: 'Rules plan-currency-mismatch, plan-first-date-past, plan-too-many-installments, plan-installment-too-small, plan-total-too-large.',
    },
  })
  agree(@UuidParam('accountId') accountId: string, @Body() body: AgreePaymentPlanRequest, @Ctx() context: CommandContext): Promise<PaymentPlanAnswer> {
    return this.commands.execute(new AgreePaymentPlan(accountId, body, context));
  }
}
