import { given } from '@lib/es-core/testing/given-when-then';
import { DEFAULT_ARRANGEMENT_TERMS } from '../promises/promise-terms';
import { AgreePaymentPlan, CheckPlanInstallment, NotePlanPayment } from './payment-plan.commands';
import { paymentPlanDecider } from './payment-plan.decider';
import { PaymentPlanAgreed, PaymentPlanEvent, PlanPaymentNoted } from './payment-plan.events';
import { installmentDueDate } from './schedule';

const AGREED_AT = '2026-01-05T15:00:00.000Z';
const agree: AgreePaymentPlan = {
  type: 'AgreePaymentPlan',
  accountId: 'acc-1',
  planId: 'plan-1',
  installmentAmounts: [25_000, 25_000, 25_000],
  currency: 'USD',
  frequency: 'monthly',
  firstDueDate: '2026-01-31',
  agreedBy: 'collector-7',
  contactCase: { status: 'open', clientId: 'client-1', currency: 'USD', debtorToday: '2026-01-05' },
  terms: DEFAULT_ARRANGEMENT_TERMS,
  now: new Date(AGREED_AT),
};
const agreed: PaymentPlanAgreed = {
  type: 'PaymentPlanAgreed',
  data: {
    accountId: 'acc-1',
    clientId: 'client-1',
    planId: 'plan-1',
    currency: 'USD',
    frequency: 'monthly',
    installments: [
      { number: 1, dueDate: '2026-01-31', amount: 25_000, deadline: '2026-02-04T12:00:00.000Z' },
      { number: 2, dueDate: '2026-02-28', amount: 25_000, deadline: '2026-03-04T12:00:00.000Z' },
      { number: 3, dueDate: '2026-03-31', amount: 25_000, deadline: '2026-04-04T12:00:00.000Z' },
    ],
    total: 75_000,
    graceDays: 3,
    missedInstallmentsToDefault: 2,
    agreedBy: 'collector-7',
    agreedAt: AGREED_AT,
  },
};
const pay = (paymentId: string, amount: number, postedAt: string): NotePlanPayment => ({ type: 'NotePlanPayment', paymentId, amount, postedAt });
const paid = (paymentId: string, amount: number, postedAt: string): PlanPaymentNoted => ({ type: 'PlanPaymentNoted', data: { accountId: 'acc-1', planId: 'plan-1', paymentId, amount, postedAt } });
const check = (number: number, now: string): CheckPlanInstallment => ({ type: 'CheckPlanInstallment', planId: 'plan-1', number, now: new Date(now) });
const missed = (number: number, dueDate: string, dueToDate: number, paidToDate: number, missedInstallments: number, missedAt: string): PaymentPlanEvent => ({
  type: 'PlanInstallmentMissed',
  data: { accountId: 'acc-1', clientId: 'client-1', planId: 'plan-1', number, dueDate, dueToDate, paidToDate, missedInstallments, missedAt },
});

describe('a payment plan', () => {
  it('is agreed with its schedule, its total and the terms it will be judged by', () => given(paymentPlanDecider).when(agree).then([agreed]));

  it('may end with an installment of another amount, so it can pay off the balance to the cent', () => {
    const { decision } = given(paymentPlanDecider).when({ ...agree, installmentAmounts: [25_000, 25_000, 25_050] });
    expect(decision).toMatchObject([{ data: { total: 75_050, installments: [{ amount: 25_000 }, { amount: 25_000 }, { number: 3, dueDate: '2026-03-31', amount: 25_050 }] } }]);
  });

  it('falls due on the same day each month, or the last day of a shorter month', () => {
    expect([0, 1, 2, 3].map((index) => installmentDueDate('2026-01-31', 'monthly', index))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect([0, 1, 2].map((index) => installmentDueDate('2026-12-29', 'weekly', index))).toEqual(['2026-12-29', '2027-01-05', '2027-01-12']);
    expect([0, 1].map((index) => installmentDueDate('2026-01-05', 'biweekly', index))).toEqual(['2026-01-05', '2026-01-19']);
  });

  it('is refused beyond the limits of the terms', () => {
    given(paymentPlanDecider).when({ ...agree, installmentAmounts: Array.from({ length: 37 }, () => 25_000) }).thenRejects('plan-too-many-installments');
    given(paymentPlanDecider).when({ ...agree, installmentAmounts: [25_000, 25_000, 2_499] }).thenRejects('plan-installment-too-small');
    given(paymentPlanDecider).when({ ...agree, installmentAmounts: [Number.MAX_SAFE_INTEGER, 25_000] }).thenRejects('plan-total-too-large');
  });

  it('is refused in another currency, from a past date, on a closed or unknown case, or while another plan is active', () => {
    given(paymentPlanDecider).when({ ...agree, currency: 'EUR' }).thenRejects('plan-currency-mismatch');
    given(paymentPlanDecider).when({ ...agree, firstDueDate: '2026-01-04' }).thenRejects('plan-first-date-past');
    given(paymentPlanDecider).when({ ...agree, contactCase: { ...agree.contactCase, status: 'closed' } }).thenRejects('case-closed');
    given(paymentPlanDecider).when({ ...agree, contactCase: { ...agree.contactCase, status: 'none' } }).thenRejects('case-unknown');
    given(paymentPlanDecider, [agreed]).when({ ...agree, planId: 'plan-2' }).thenRejects('plan-already-active');
  });

  it('counts the payments posted while it is active, once each', () => {
    given(paymentPlanDecider, [agreed]).when(pay('pay-1', 25_000, '2026-01-30T18:00:00.000Z')).then([paid('pay-1', 25_000, '2026-01-30T18:00:00.000Z')]);
    given(paymentPlanDecider, [agreed, paid('pay-1', 25_000, '2026-01-30T18:00:00.000Z')]).when(pay('pay-1', 25_000, '2026-01-30T18:00:00.000Z')).then([]);
    given(paymentPlanDecider, [agreed]).when(pay('pay-0', 25_000, '2026-01-05T14:00:00.000Z')).then([]);
    given(paymentPlanDecider).when(pay('pay-1', 25_000, '2026-01-30T18:00:00.000Z')).then([]);
  });

  it('is completed by the payment that brings its total', () =>
    given(paymentPlanDecider, [agreed, paid('pay-1', 25_000, '2026-01-30T18:00:00.000Z')])
      .when(pay('pay-2', 50_000, '2026-02-20T18:00:00.000Z'))
      .then([
        paid('pay-2', 50_000, '2026-02-20T18:00:00.000Z'),
        { type: 'PaymentPlanCompleted', data: { accountId: 'acc-1', clientId: 'client-1', planId: 'plan-1', paid: 75_000, total: 75_000, completedAt: '2026-02-20T18:00:00.000Z' } },
      ]));

  it('has an installment covered by the grace days, not missed', () =>
    given(paymentPlanDecider, [agreed, paid('pay-1', 25_000, '2026-02-03T18:00:00.000Z')]).when(check(1, '2026-02-04T12:00:00.000Z')).then([]));

  it('misses an installment not covered when its grace days are over, and does not miss it twice', () => {
    given(paymentPlanDecider, [agreed, paid('pay-1', 10_000, '2026-01-30T18:00:00.000Z')])
      .when(check(1, '2026-02-04T12:00:00.000Z'))
      .then([missed(1, '2026-01-31', 25_000, 10_000, 1, '2026-02-04T12:00:00.000Z')]);
    given(paymentPlanDecider, [agreed, missed(1, '2026-01-31', 25_000, 0, 1, '2026-02-04T12:00:00.000Z')]).when(check(1, '2026-02-05T12:00:00.000Z')).then([]);
    given(paymentPlanDecider, [agreed]).when(check(1, '2026-02-04T11:59:59.000Z')).then([]);
  });

  it('judges each installment on everything due up to it, so a payment ahead covers the next one', () =>
    given(paymentPlanDecider, [agreed, paid('pay-1', 50_000, '2026-01-30T18:00:00.000Z')]).when(check(2, '2026-03-04T12:00:00.000Z')).then([]));

  it('no longer counts a payment that bounced', () =>
    given(paymentPlanDecider, [
      agreed,
      paid('pay-1', 25_000, '2026-01-30T18:00:00.000Z'),
      { type: 'PlanPaymentReversed', data: { accountId: 'acc-1', planId: 'plan-1', paymentId: 'pay-1', amount: 25_000, reversedAt: '2026-02-02T10:00:00.000Z' } },
    ])
      .when(check(1, '2026-02-04T12:00:00.000Z'))
      .then([missed(1, '2026-01-31', 25_000, 0, 1, '2026-02-04T12:00:00.000Z')]));

  it('defaults when the number of missed installments the terms allow is reached', () =>
    given(paymentPlanDecider, [agreed, missed(1, '2026-01-31', 25_000, 0, 1, '2026-02-04T12:00:00.000Z')])
      .when(check(2, '2026-03-04T12:00:00.000Z'))
      .then([
        missed(2, '2026-02-28', 50_000, 0, 2, '2026-03-04T12:00:00.000Z'),
        { type: 'PaymentPlanDefaulted', data: { accountId: 'acc-1', clientId: 'client-1', planId: 'plan-1', missedInstallments: 2, paid: 0, total: 75_000, defaultedAt: '2026-03-04T12:00:00.000Z' } },
      ]));

  it('takes no more payments or checks once defaulted, and lets a new plan be agreed', () => {
    const defaulted: PaymentPlanEvent[] = [
      agreed,
      missed(1, '2026-01-31', 25_000, 0, 1, '2026-02-04T12:00:00.000Z'),
      missed(2, '2026-02-28', 50_000, 0, 2, '2026-03-04T12:00:00.000Z'),
      { type: 'PaymentPlanDefaulted', data: { accountId: 'acc-1', clientId: 'client-1', planId: 'plan-1', missedInstallments: 2, paid: 0, total: 75_000, defaultedAt: '2026-03-04T12:00:00.000Z' } },
    ];
    given(paymentPlanDecider, defaulted).when(check(3, '2026-04-04T12:00:00.000Z')).then([]);
    given(paymentPlanDecider, defaulted).when(pay('pay-9', 25_000, '2026-03-10T18:00:00.000Z')).then([]);
    const { decision } = given(paymentPlanDecider, defaulted).when({ ...agree, planId: 'plan-2', firstDueDate: '2026-03-31', contactCase: { ...agree.contactCase, debtorToday: '2026-03-05' }, now: new Date('2026-03-05T15:00:00.000Z') });
    expect(decision).toMatchObject([{ type: 'PaymentPlanAgreed', data: { planId: 'plan-2' } }]);
  });
});
