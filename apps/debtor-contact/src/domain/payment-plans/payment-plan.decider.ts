import { Decider, Decision, reject } from '@lib/es-core';
import { AgreePaymentPlan, CheckPlanInstallment, NotePlanPayment, NotePlanPaymentReversal, PaymentPlanCommand } from './payment-plan.commands';
import { PaymentPlanEvent } from './payment-plan.events';
import { activePlan, evolvePaymentPlans, initialPaymentPlansState, paidOn, PaymentPlansState } from './payment-plan.state';
import { planSchedule } from './schedule';

/** The rules a plan is judged by, in the order asked (an unknown case is not found, not a rule): an agreed plan passed them all. */
export const AGREE_PAYMENT_PLAN_RULES = ['case-closed', 'plan-already-active', 'plan-currency-mismatch', 'plan-too-many-installments', 'plan-installment-too-small', 'plan-total-too-large', 'plan-first-date-past'] as const;

function decideAgree(command: AgreePaymentPlan, state: PaymentPlansState): Decision<PaymentPlanEvent> {
  const { contactCase, terms } = command;
  if (contactCase.status === 'none') return reject('case-unknown', 'no contact case for this account');
  if (contactCase.status === 'closed') return reject('case-closed', 'the case is closed: no plan can be agreed on it');
  const active = activePlan(state);
  if (active) return reject('plan-already-active', `plan ${active.planId} is still active on this account`, { details: { planId: active.planId } });
  if (command.currency !== contactCase.currency) return reject('plan-currency-mismatch', `the account is in ${contactCase.currency}, the plan in ${command.currency}`);
  const amounts = command.installmentAmounts;
  if (amounts.length > terms.maxInstallments) return reject('plan-too-many-installments', `a plan has at most ${terms.maxInstallments} installments; this one has ${amounts.length}`);
  const small = amounts.findIndex((amount) => amount < terms.minInstallment);
  if (small >= 0) return reject('plan-installment-too-small', `an installment is at least ${terms.minInstallment} minor units; installment ${small + 1} is ${amounts[small]}`);
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (!Number.isSafeInteger(total)) return reject('plan-total-too-large', 'the installments together are beyond what an amount can hold');
  if (command.firstDueDate < contactCase.debtorToday) return reject('plan-first-date-past', `the first installment falls due ${command.firstDueDate}, before today (${contactCase.debtorToday}) in the debtor's time`);
  const installments = planSchedule(command.firstDueDate, command.frequency, amounts, terms.graceDays);
  return [
    {
      type: 'PaymentPlanAgreed',
      data: {
        accountId: command.accountId,
        clientId: contactCase.clientId,
        planId: command.planId,
        currency: command.currency,
        frequency: command.frequency,
        installments,
        total,
        graceDays: terms.graceDays,
        missedInstallmentsToDefault: terms.missedInstallmentsToDefault,
        agreedBy: command.agreedBy,
        agreedAt: command.now.toISOString(),
      },
    },
  ];
}

/** A payment posted while a plan is active counts toward it, whichever installment it pays; the one that pays it all completes it. */
function decideNotePayment(command: NotePlanPayment, state: PaymentPlansState): Decision<PaymentPlanEvent> {
  const plan = activePlan(state);
  if (!plan || Date.parse(command.postedAt) < Date.parse(plan.agreedAt)) return [];
  if (plan.payments.some((payment) => payment.paymentId === command.paymentId)) return [];
  const accountId = state.accountId!;
  const { planId, clientId, total } = plan;
  const noted: PaymentPlanEvent = { type: 'PlanPaymentNoted', data: { accountId, planId, paymentId: command.paymentId, amount: command.amount, postedAt: command.postedAt } };
  const paid = paidOn(plan) + command.amount;
  if (paid < total) return [noted];
  return [noted, { type: 'PaymentPlanCompleted', data: { accountId, clientId, planId, paid, total, completedAt: command.postedAt } }];
}

function decideNoteReversal(command: NotePlanPaymentReversal, state: PaymentPlansState): Decision<PaymentPlanEvent> {
  const plan = activePlan(state);
  const payment = plan?.payments.find((candidate) => candidate.paymentId === command.paymentId);
  if (!plan || !payment || payment.reversed) return [];
  return [{ type: 'PlanPaymentReversed', data: { accountId: state.accountId!, planId: plan.planId, paymentId: payment.paymentId, amount: payment.amount, reversedAt: command.reversedAt } }];
}

/**
 * At an installment's deadline, the plan's payments posted before it must cover every
 * installment up to this one (paying ahead covers later ones; paying late covers earlier
 * ones only from then on). Short of that, the installment is missed; the miss that reaches
 * the terms' number defaults the plan. Early, on a plan no longer active, or for an
 * installment already missed, nothing happens.
 */
function decideCheck(command: CheckPlanInstallment, state: PaymentPlansState): Decision<PaymentPlanEvent> {
  const plan = state.plans.find((candidate) => candidate.planId === command.planId);
  const installment = plan?.installments.find((candidate) => candidate.number === command.number);
  if (!plan || !installment || plan.status !== 'active' || plan.missed.includes(installment.number)) return [];
  if (command.now.getTime() < Date.parse(installment.deadline)) return [];
  const dueToDate = plan.installments.filter((candidate) => candidate.number <= installment.number).reduce((sum, candidate) => sum + candidate.amount, 0);
  const paidToDate = paidOn(plan, installment.deadline);
  if (paidToDate >= dueToDate) return [];
  const accountId = state.accountId!;
  const { planId, clientId } = plan;
  const at = command.now.toISOString();
  const missedInstallments = plan.missed.length + 1;
  const missed: PaymentPlanEvent = {
    type: 'PlanInstallmentMissed',
    data: { accountId, clientId, planId, number: installment.number, dueDate: installment.dueDate, dueToDate, paidToDate, missedInstallments, missedAt: at },
  };
  if (missedInstallments < plan.missedInstallmentsToDefault) return [missed];
  return [missed, { type: 'PaymentPlanDefaulted', data: { accountId, clientId, planId, missedInstallments, paid: paidOn(plan), total: plan.total, defaultedAt: at } }];
}

/** The payment plans of one account (stream `plans-<accountId>`), at most one active at a time. */
export const paymentPlanDecider: Decider<PaymentPlansState, PaymentPlanCommand, PaymentPlanEvent> = {
  initialState: initialPaymentPlansState,
  evolve: evolvePaymentPlans,
  decide(command, state) {
    switch (command.type) {
      case 'AgreePaymentPlan':
        return decideAgree(command, state);
      case 'NotePlanPayment':
        return decideNotePayment(command, state);
      case 'NotePlanPaymentReversal':
        return decideNoteReversal(command, state);
      case 'CheckPlanInstallment':
        return decideCheck(command, state);
    }
  },
};
