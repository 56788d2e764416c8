import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, plansStreamId } from '../../debtor-contact.dependencies';
import { paymentPlanDecider } from '../../domain/payment-plans/payment-plan.decider';
import { CheckPlanInstallment } from './check-plan-installment.command';

@CommandHandler(CheckPlanInstallment)
export class CheckPlanInstallmentHandler implements ICommandHandler<CheckPlanInstallment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, planId, number, context }: CheckPlanInstallment): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, paymentPlanDecider, plansStreamId(accountId), { type: 'CheckPlanInstallment', planId, number, now: context.now }, context);
  }
}
