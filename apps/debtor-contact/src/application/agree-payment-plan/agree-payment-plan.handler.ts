import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, recordingRefusals, SERVICE_DEPENDENCIES } from '@lib/platform';
import { contactRefusalTarget } from '../contact-refusals';
import { DurableScheduler } from '@lib/scheduler';
import { ContactDependencies, contactStreamId, plansStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { debtorTimeZones, debtorToday } from '../../domain/debtor-time/debtor-time';
import type { CaseForPlan } from '../../domain/payment-plans/payment-plan.commands';
import { AGREE_PAYMENT_PLAN_RULES, paymentPlanDecider } from '../../domain/payment-plans/payment-plan.decider';
import { DEFAULT_ARRANGEMENT_TERMS } from '../../domain/promises/promise-terms';
import { bookInstallmentChecks } from '../arrangement-work';
import { AgreePaymentPlan } from './agree-payment-plan.command';
import type { PaymentPlanAnswer } from './agree-payment-plan.request.dto';

/**
 * The plan is decided on its own stream from what the contact case says now (open, its
 * currency, the debtor's today); then every installment's check is booked. A retry whose
 * first answer was lost finds the plan it agreed and books again (the first booking stands).
 */
@CommandHandler(AgreePaymentPlan)
export class AgreePaymentPlanHandler implements ICommandHandler<AgreePaymentPlan> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  /** A refused plan leaves its record on the account's compliance stream. */
  execute({ accountId, request, context }: AgreePaymentPlan): Promise<PaymentPlanAnswer> {
    return recordingRefusals(this.deps.eventStore, contactRefusalTarget(accountId, 'AgreePaymentPlan', AGREE_PAYMENT_PLAN_RULES), context, () => this.agree(accountId, request, context));
  }

  private async agree(accountId: string, request: AgreePaymentPlan['request'], context: AgreePaymentPlan['context']): Promise<PaymentPlanAnswer> {
    const { state } = await aggregateStream(this.deps.eventStore, contactCaseDecider, contactStreamId(accountId));
    const contactCase: CaseForPlan =
      state.status === 'none'
        ? { status: 'none', clientId: '', currency: '', debtorToday: '' }
        : { status: state.status, clientId: state.clientId, currency: state.currency, debtorToday: debtorToday(debtorTimeZones(state.debtor.country, state.debtor.region), context.now) };
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      paymentPlanDecider,
      plansStreamId(accountId),
      {
        type: 'AgreePaymentPlan',
        accountId,
        planId: this.deps.newId(),
        installmentAmounts: request.installments.map((installment) => installment.amount),
        currency: request.currency,
        frequency: request.frequency,
        firstDueDate: request.firstDueDate,
        agreedBy: context.principal.id,
        contactCase,
        terms: DEFAULT_ARRANGEMENT_TERMS,
        now: context.now,
      },
      context,
    );
    await bookInstallmentChecks(this.scheduler, events, context);
    const agreed = events.find((event) => event.type === 'PaymentPlanAgreed');
    if (agreed?.type !== 'PaymentPlanAgreed') throw new Error(`the plan on account ${accountId} was accepted but not recorded`);
    const { planId, currency, frequency, total, installments, graceDays, missedInstallmentsToDefault, agreedAt } = agreed.data;
    return { accountId, planId, currency, frequency, total, installments, graceDays, missedInstallmentsToDefault, agreedAt };
  }
}
