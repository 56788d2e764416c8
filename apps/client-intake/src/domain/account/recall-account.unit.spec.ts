import { fold, isRejection } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import type { RecallAccount, RecallTerms } from './account.commands';
import { accountDecider } from './account.decider';
import type { AccountEvent } from './account.events';
import { closedAs, contactNoted, directReported, NOW, paymentNoted, placed } from './account.fixtures';
import type { ActiveAccount } from './account.state';
import { decideRecallAccount } from './recall-account.decide';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

const terms: RecallTerms = {
  agreementVersion: 2,
  currency: 'USD',
  clearedFundsHoldDays: { ach: 5, card: 3, check: 10, wire: 1, cash: 0 },
  cancellationFee: { flat: 5_000, rateOfBalanceBp: 1_000 },
};
const byClient = { role: 'client', id: 'client-1' };
const bySupervisor = { role: 'supervisor', id: 'sup-1' };
const recall = (overrides: Partial<RecallAccount> = {}): RecallAccount => ({ type: 'RecallAccount', requester: byClient, force: null, terms, now: NOW, ...overrides });

const recalled = (overrides: Partial<Extract<AccountEvent, { type: 'AccountRecalled' }>['data']> = {}): AccountEvent => ({
  type: 'AccountRecalled',
  data: {
    accountId: 'acc-1',
    clientId: 'client-1',
    workBegan: false,
    balanceRecalled: 500_000,
    currency: 'USD',
    cancellationFee: 0,
    agreementVersion: null,
    forced: null,
    recalledAt: NOW.toISOString(),
    ...overrides,
  },
});
const closedRecalled = (reason?: string): AccountEvent => ({
  type: 'AccountClosed',
  data: { accountId: 'acc-1', clientId: 'client-1', closingCode: 'recalled', closedAt: NOW.toISOString(), ...(reason ? { reason } : {}) },
});

/** An active account whose plan or dispute flag is set directly (the dispute events themselves: dispute-standing.unit.spec.ts). */
function activeWith(flags: { planActive?: boolean; disputeOpen?: boolean }): ActiveAccount {
  const state = fold(accountDecider, [placed]) as ActiveAccount;
  return { ...state, standing: { ...state.standing, ...flags } };
}

describe('recalling an account', () => {
  it('closes an account no one has worked as recalled, owing no cancellation fee', () =>
    given(accountDecider, [placed]).when(recall()).then([recalled(), closedRecalled()]));

  it('owes the agreement\'s cancellation fee once a contact attempt was recorded: the flat amount plus its share of the balance', () =>
    given(accountDecider, [placed, contactNoted])
      .when(recall())
      .then([recalled({ workBegan: true, cancellationFee: 5_000 + 50_000, agreementVersion: 2 }), closedRecalled()]));

  it('owes the fee on the balance left once the agency posted a payment (cleared), and the payment stays', () =>
    given(accountDecider, [placed, paymentNoted({ postedAt: daysAgo(10), balanceAfter: 400_000 })])
      .when(recall())
      .then([recalled({ workBegan: true, balanceRecalled: 400_000, cancellationFee: 5_000 + 40_000, agreementVersion: 2 }), closedRecalled()]));

  it('does not count a direct payment as work begun, nor hold it (it never reached the trust account)', () =>
    given(accountDecider, [placed, directReported('rep-1'), paymentNoted({ paymentId: 'rep-1', postedAt: NOW.toISOString(), balanceAfter: 400_000 })])
      .when(recall())
      .then([recalled({ balanceRecalled: 400_000 }), closedRecalled()]));

  it('owes no fee under an agreement in another currency than the account\'s', () =>
    given(accountDecider, [placed, contactNoted])
      .when(recall({ terms: { ...terms, currency: 'EUR' } }))
      .then([recalled({ workBegan: true }), closedRecalled()]));

  describe('refusals (unless a supervisor forces it)', () => {
    it('recall-payment-in-hold: a payment posted fewer days ago than its method\'s hold', () => {
      const { decision } = given(accountDecider, [placed, paymentNoted({ method: 'check', postedAt: daysAgo(9) })]).when(recall());
      expect(decision).toMatchObject({ kind: 'rejection', rule: 'recall-payment-in-hold', details: { paymentsInHold: ['pay-1'], refusals: ['recall-payment-in-hold'] } });
    });

    it('lets the recall through once the hold of that method is over', () =>
      given(accountDecider, [placed, paymentNoted({ method: 'card', postedAt: daysAgo(3) })])
        .when(recall())
        .then([recalled({ workBegan: true, balanceRecalled: 400_000, cancellationFee: 45_000, agreementVersion: 2 }), closedRecalled()]));

    it('holds a payment of unknown method for the longest hold of the agreement', () =>
      given(accountDecider, [placed, paymentNoted({ method: null, postedAt: daysAgo(9) })]).when(recall()).thenRejects('recall-payment-in-hold'));

    it('recall-plan-active: a payment plan is active (flag set directly)', () => {
      const decision = decideRecallAccount(recall(), activeWith({ planActive: true }));
      expect(isRejection(decision) && decision.rule).toBe('recall-plan-active');
    });

    it('recall-dispute-open: a dispute is open (flag set directly)', () => {
      const decision = decideRecallAccount(recall(), activeWith({ disputeOpen: true }));
      expect(isRejection(decision) && decision.rule).toBe('recall-dispute-open');
    });

    it('lists every refusal that holds, the first as the rule', () => {
      const decision = decideRecallAccount(recall(), activeWith({ planActive: true, disputeOpen: true }));
      expect(decision).toMatchObject({ rule: 'recall-plan-active', details: { refusals: ['recall-plan-active', 'recall-dispute-open'] } });
    });

    it('a supervisor forces it with a reason: recalled, the overrides and the reason on the record', () => {
      const events = decideRecallAccount(recall({ requester: bySupervisor, force: { reason: 'client insists' } }), activeWith({ planActive: true, disputeOpen: true }));
      expect(events).toEqual([
        recalled({ forced: { reason: 'client insists', overrides: ['recall-plan-active', 'recall-dispute-open'] } }),
        closedRecalled('client insists'),
      ]);
    });

    it('recall-force-supervisor-only: a client cannot force', () =>
      given(accountDecider, [placed, paymentNoted({ postedAt: daysAgo(1) })])
        .when(recall({ force: { reason: 'please' } }))
        .thenRejects('recall-force-supervisor-only'));
  });

  it('lets a supervisor recall for the client without forcing', () =>
    given(accountDecider, [placed]).when(recall({ requester: bySupervisor })).then([recalled(), closedRecalled()]));

  it('account-unknown: another client\'s account reads as unknown', () =>
    given(accountDecider, [placed]).when(recall({ requester: { role: 'client', id: 'client-2' } })).thenRejects('account-unknown'));

  it('account-unknown: an account never placed', () => given(accountDecider).when(recall()).thenRejects('account-unknown'));

  it('account-closed: a closed account cannot be recalled', () => given(accountDecider, [placed, closedAs('paid-in-full')]).when(recall()).thenRejects('account-closed'));
});
