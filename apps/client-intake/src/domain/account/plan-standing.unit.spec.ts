import { fold } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import type { ClearPlan, NotePlan, RecallAccount, RecallTerms } from './account.commands';
import { accountDecider } from './account.decider';
import type { AccountEvent } from './account.events';
import { closedAs, NOW, placed, reopened } from './account.fixtures';

const agreedAt = '2026-02-20T10:00:00.000Z';
const endedAt = '2026-04-20T10:00:00.000Z';
const notePlan = (planId = 'plan-1'): NotePlan => ({ type: 'NotePlan', planId, agreedAt });
const clearPlan = (planId = 'plan-1', outcome: ClearPlan['outcome'] = 'defaulted'): ClearPlan => ({ type: 'ClearPlan', planId, outcome, endedAt });
const noted = (planId = 'plan-1'): AccountEvent => ({ type: 'PlanNoted', data: { accountId: 'acc-1', planId, agreedAt } });
const cleared = (planId = 'plan-1', outcome: ClearPlan['outcome'] = 'defaulted'): AccountEvent => ({ type: 'PlanCleared', data: { accountId: 'acc-1', planId, outcome, endedAt } });

const planActive = (history: AccountEvent[]) => {
  const state = fold(accountDecider, history);
  if (state.status === 'none') throw new Error('the history places no account');
  return state.standing.planActive;
};

const terms: RecallTerms = { agreementVersion: null, currency: 'USD', clearedFundsHoldDays: { ach: 5, card: 3, check: 10, wire: 1, cash: 0 }, cancellationFee: { flat: 0, rateOfBalanceBp: 0 } };
const recall: RecallAccount = { type: 'RecallAccount', requester: { role: 'client', id: 'client-1' }, force: null, terms, now: NOW };

describe('the payment-plan flag of an account', () => {
  it('a plan agreed on the account is noted and sets the flag', () => {
    given(accountDecider, [placed]).when(notePlan()).then([noted()]);
    expect(planActive([placed, noted()])).toBe(true);
  });

  it('a plan that defaulted clears the flag', () => {
    given(accountDecider, [placed, noted()]).when(clearPlan('plan-1', 'defaulted')).then([cleared('plan-1', 'defaulted')]);
    expect(planActive([placed, noted(), cleared('plan-1', 'defaulted')])).toBe(false);
  });

  it('a plan paid in full clears the flag too', () => {
    given(accountDecider, [placed, noted()]).when(clearPlan('plan-1', 'completed')).then([cleared('plan-1', 'completed')]);
    expect(planActive([placed, noted(), cleared('plan-1', 'completed')])).toBe(false);
  });

  it('the same plan agreed twice is noted once', () => given(accountDecider, [placed, noted()]).when(notePlan()).then([]));

  it('the same end heard twice is recorded once', () => given(accountDecider, [placed, noted(), cleared()]).when(clearPlan()).then([]));

  it('an end heard before its agreement is recorded, so the late agreement opens nothing', () => {
    given(accountDecider, [placed]).when(clearPlan()).then([cleared()]);
    given(accountDecider, [placed, cleared()]).when(notePlan()).then([]);
    expect(planActive([placed, cleared()])).toBe(false);
  });

  it('a new plan after a defaulted one sets the flag again', () => {
    given(accountDecider, [placed, noted('plan-1'), cleared('plan-1')]).when(notePlan('plan-2')).then([noted('plan-2')]);
    expect(planActive([placed, noted('plan-1'), cleared('plan-1'), noted('plan-2')])).toBe(true);
  });

  it('a closed account records plans, so a reopened account still knows one is running', () => {
    given(accountDecider, [placed, closedAs('paid-in-full')]).when(notePlan()).then([noted()]);
    expect(planActive([placed, closedAs('paid-in-full'), noted(), reopened()])).toBe(true);
  });

  it('an account intake never placed records nothing', () => {
    given(accountDecider).when(notePlan()).then([]);
    given(accountDecider).when(clearPlan()).then([]);
  });

  it('a recall is refused with recall-plan-active while a plan is running', () => given(accountDecider, [placed, noted()]).when(recall).thenRejects('recall-plan-active'));

  it('a supervisor may still force the recall while a plan is running', () => {
    const forced: RecallAccount = { ...recall, requester: { role: 'supervisor', id: 'sup-1' }, force: { reason: 'client insists' } };
    const { decision } = given(accountDecider, [placed, noted()]).when(forced);
    expect(decision).toMatchObject([{ type: 'AccountRecalled' }, { type: 'AccountClosed', data: { closingCode: 'recalled' } }]);
  });

  it('a recall goes through once the plan has ended', () => {
    const { decision } = given(accountDecider, [placed, noted(), cleared()]).when(recall);
    expect(decision).toMatchObject([{ type: 'AccountRecalled' }, { type: 'AccountClosed', data: { closingCode: 'recalled' } }]);
  });

  it('a time-barred closing is held while a plan is running', () =>
    given(accountDecider, [placed, noted()])
      .when({ type: 'CloseTimeBarredAccount', expiredOn: '2026-01-10', reason: 'three years', now: NOW })
      .thenRejects('time-barred-closing-held'));
});
