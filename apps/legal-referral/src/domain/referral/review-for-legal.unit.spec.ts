import { given } from '@lib/es-core/testing/given-when-then';
import { DEFAULT_LEGAL_CRITERIA } from '../criteria/default-legal-criteria';
import { decideReviewForLegal } from './review-for-legal.decide';
import { referralDecider } from './referral.decider';
import { ReferralEvent } from './referral.events';
import { authorized, caseAfter, closed, daysAfterPlacement, opened, paymentNoted, recommended } from './referral.fixtures';

const ALL_RULES = [
  'balance-at-least-5000',
  'no-payment-in-45-days',
  'within-statute-of-limitations',
  'not-disputed',
  'not-bankrupt',
  'not-closed',
  'debtor-in-business',
];

describe('reviewing an account for legal', () => {
  const review = (now: Date) => ({ type: 'ReviewForLegal' as const, now });

  it('recommends a 7,500.50 account with no payment in the 45 days since placement, naming every rule checked with its version, for a supervisor to approve', () => {
    given(referralDecider, [opened()])
      .when(review(daysAfterPlacement(45)))
      .then([
        {
          type: 'ReferralRecommended',
          data: {
            accountId: 'acc-1',
            clientId: 'client-1',
            balance: 750_050,
            currency: 'USD',
            rulesChecked: ALL_RULES,
            reviewedAt: '2026-04-15T09:00:00.000Z',
            awaitsApproval: true,
            criteria: ALL_RULES.map((rule) => ({ rule, version: 1 })),
          },
        },
      ]);
  });

  it('does not recommend an account that paid within 45 days, and lists every rule that failed', () => {
    const { decision } = given(referralDecider, [opened(), paymentNoted('p-1', 300_000, 450_050, daysAfterPlacement(30))]).when(review(daysAfterPlacement(45)));
    expect(decision).toEqual([
      {
        type: 'ReferralNotRecommended',
        data: {
          accountId: 'acc-1',
          clientId: 'client-1',
          balance: 450_050,
          currency: 'USD',
          rulesChecked: ALL_RULES,
          failedRules: [
            { rule: 'balance-at-least-5000', reason: 'balance 4,500.50 USD is below 5,000.00' },
            { rule: 'no-payment-in-45-days', reason: expect.stringContaining('a payment was received 15 days ago') },
          ],
          reviewedAt: '2026-04-15T09:00:00.000Z',
        },
      },
    ]);
  });

  it('never recommends a time-barred account', () => {
    const { decision } = given(referralDecider, [opened({ oldestDueDate: '2022-01-31', claimType: 'sale-of-goods' })]).when(review(daysAfterPlacement(45)));
    expect(decision).toMatchObject([{ type: 'ReferralNotRecommended', data: { failedRules: [{ rule: 'within-statute-of-limitations' }] } }, { type: 'StatuteOfLimitationsRanOut', data: { expiresOn: '2026-01-31' } }]);
  });

  it('checks the statute of limitations even under a list of criteria that leaves it out', () => {
    const barred = caseAfter([opened({ oldestDueDate: '2022-01-31', claimType: 'sale-of-goods' })]);
    const withoutSol = DEFAULT_LEGAL_CRITERIA.filter((c) => c.name !== 'within-statute-of-limitations');
    const decision = decideReviewForLegal(review(daysAfterPlacement(45)), barred, withoutSol);
    expect(decision).toMatchObject([{ type: 'ReferralNotRecommended', data: { failedRules: [{ rule: 'within-statute-of-limitations' }] } }, { type: 'StatuteOfLimitationsRanOut', data: { expiresOn: '2026-01-31' } }]);
  });

  it('records a review of a closed account as not recommended, and the case stays closed', () => {
    const { decision } = given(referralDecider, [opened(), closed()]).when(review(daysAfterPlacement(45)));
    expect(decision).toMatchObject([{ type: 'ReferralNotRecommended', data: { failedRules: [{ rule: 'not-closed', reason: 'the account is closed (recalled)' }] } }]);
    const after = referralDecider.evolve(caseAfter([opened(), closed()]), (decision as never[])[0]);
    expect(after.stage).toBe('closed');
  });

  it('may review again: a later review replaces the earlier verdict', () => {
    const stillQuiet = given(referralDecider, [opened(), recommended()]).when(review(daysAfterPlacement(50)));
    expect(stillQuiet.decision).toMatchObject([{ type: 'ReferralRecommended' }]);
  });

  it('refuses to review an account whose client already authorized suit', () => {
    given(referralDecider, [opened(), recommended(), authorized()]).when(review(daysAfterPlacement(60))).thenRejects('referral-already-authorized');
  });

  it('refuses to review an account it has no case for', () => {
    given(referralDecider).when(review(daysAfterPlacement(45))).thenRejects('referral-unknown');
  });

  describe('when the only thing in the way is a recent payment', () => {
    const paidOnDay44 = paymentNoted('p-1', 50_000, 700_050, daysAfterPlacement(44));

    it('books a follow-up review for 45 days after that payment, so the account does not silently leave the legal track', () => {
      const { decision } = given(referralDecider, [opened(), paidOnDay44]).when(review(daysAfterPlacement(45)));
      expect(decision).toEqual([
        {
          type: 'ReferralNotRecommended',
          data: {
            accountId: 'acc-1',
            clientId: 'client-1',
            balance: 700_050,
            currency: 'USD',
            rulesChecked: ALL_RULES,
            failedRules: [{ rule: 'no-payment-in-45-days', reason: expect.stringContaining('a payment was received 1 days ago') }],
            reviewedAt: '2026-04-15T09:00:00.000Z',
            followUpReview: { afterPaymentId: 'p-1', dueAt: daysAfterPlacement(89).toISOString() },
          },
        },
      ]);
    });

    it('books it after the latest payment that still stands', () => {
      const bounced: ReferralEvent = {
        type: 'PaymentReversalNoted',
        data: { accountId: 'acc-1', paymentId: 'p-2', amount: 10_000, balanceAfter: 700_050, reversedAt: daysAfterPlacement(44).toISOString() },
      };
      const history = [opened(), paymentNoted('p-1', 50_000, 700_050, daysAfterPlacement(30)), paymentNoted('p-2', 10_000, 690_050, daysAfterPlacement(40)), bounced];
      const { decision } = given(referralDecider, history).when(review(daysAfterPlacement(45)));
      expect(decision).toMatchObject([{ data: { followUpReview: { afterPaymentId: 'p-1', dueAt: daysAfterPlacement(75).toISOString() } } }]);
    });

    it('books none when another criterion fails too: waiting would not change that verdict', () => {
      const { decision } = given(referralDecider, [opened(), paymentNoted('p-1', 300_000, 450_050, daysAfterPlacement(44))]).when(review(daysAfterPlacement(45)));
      expect((decision as ReferralEvent[])[0].data).not.toHaveProperty('followUpReview');
    });

    it('books none when the 45 days still count from placement: the day-45 review is booked already', () => {
      const { decision } = given(referralDecider, [opened()]).when(review(daysAfterPlacement(30)));
      expect(decision).toMatchObject([{ type: 'ReferralNotRecommended', data: { failedRules: [{ rule: 'no-payment-in-45-days' }] } }]);
      expect((decision as ReferralEvent[])[0].data).not.toHaveProperty('followUpReview');
    });
  });
});
