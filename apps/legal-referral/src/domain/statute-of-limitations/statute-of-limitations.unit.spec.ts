import { given } from '@lib/es-core/testing/given-when-then';
import type { ReviewForLegal } from '../referral/referral.commands';
import { referralDecider } from '../referral/referral.decider';
import type { ReferralEvent } from '../referral/referral.events';
import { caseAfter, opened, paymentNoted } from '../referral/referral.fixtures';
import { caseLimitations } from './case-limitations';
import { LimitationFacts, plusYears, statuteOfLimitations } from './statute-of-limitations';

const facts = (overrides: Partial<LimitationFacts> = {}): LimitationFacts => ({
  debtorCountry: 'US',
  debtorRegion: 'KS',
  claimType: 'open-account',
  delinquentSince: '2022-01-10',
  paymentDates: [],
  acknowledgementDates: [],
  tollings: [],
  ...overrides,
});

const acknowledged = (acknowledgedOn: string, acknowledgementId = 'ack-1'): ReferralEvent => ({
  type: 'DebtAcknowledged',
  data: { accountId: 'acc-1', acknowledgementId, acknowledgedOn, description: 'signed letter', recordedAt: `${acknowledgedOn}T12:00:00.000Z` },
});
const tolled = (startsOn: string, endsOn: string | null, tollingId = 'stay-1'): ReferralEvent => ({
  type: 'SolTolled',
  data: { accountId: 'acc-1', tollingId, reason: 'bankruptcy-stay', startsOn, endsOn, note: 'Chapter 11, Bankr. D. Kan.', recordedAt: `${startsOn}T12:00:00.000Z` },
});
const review = (on: string): ReviewForLegal => ({ type: 'ReviewForLegal', now: new Date(`${on}T09:00:00.000Z`) });
const ranOut = (expiresOn: string) => ({ type: 'StatuteOfLimitationsRanOut', data: { expiresOn } });

describe('the statute of limitations of an account', () => {
  it('runs the period of the debtor state and claim type from the day the oldest invoice fell due', () => {
    expect(statuteOfLimitations(facts())).toMatchObject({ jurisdiction: 'US-KS', runsFrom: { kind: 'delinquency', on: '2022-01-10' }, expiresOn: '2025-01-10', period: { years: 3, citation: 'Kan. Stat. Ann. § 60-512(1)' } });
    expect(statuteOfLimitations(facts({ claimType: 'written-contract' })).expiresOn).toBe('2027-01-10');
  });

  it('adds whole calendar years; a period started on 29 February ends on 1 March of a common year', () => {
    expect(plusYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(plusYears('2024-02-29', 3)).toBe('2027-03-01');
  });

  describe('revival, by the rule of the debtor state', () => {
    it('restarts a Kansas account from a later partial payment (Kan. Stat. Ann. § 60-520)', () => {
      expect(statuteOfLimitations(facts({ paymentDates: ['2023-06-01', '2022-11-15'] }))).toMatchObject({ runsFrom: { kind: 'payment', on: '2023-06-01' }, expiresOn: '2026-06-01' });
    });

    it('does not restart a Texas account from a payment: Texas asks for a signed writing (Tex. Civ. Prac. & Rem. Code § 16.065)', () => {
      const texas = facts({ debtorRegion: 'TX', paymentDates: ['2023-06-01'] });
      expect(statuteOfLimitations(texas)).toMatchObject({ runsFrom: { kind: 'delinquency', on: '2022-01-10' }, expiresOn: '2026-01-10' });
    });

    it('restarts a Texas account from a signed written acknowledgement', () => {
      const texas = facts({ debtorRegion: 'TX', paymentDates: ['2023-06-01'], acknowledgementDates: ['2024-03-05'] });
      expect(statuteOfLimitations(texas)).toMatchObject({ runsFrom: { kind: 'written-acknowledgement', on: '2024-03-05' }, expiresOn: '2028-03-05' });
    });

    it('takes whichever restart came last', () => {
      expect(statuteOfLimitations(facts({ paymentDates: ['2024-08-01'], acknowledgementDates: ['2023-01-01'] })).runsFrom).toEqual({ kind: 'payment', on: '2024-08-01' });
    });

    it('does not count a payment that bounced', () => {
      const referral = caseAfter([
        opened({ debtorRegion: 'KS', oldestDueDate: '2022-01-10' }),
        paymentNoted('p-1', 10_000, 740_050, new Date('2023-06-01T10:00:00.000Z')),
        { type: 'PaymentReversalNoted', data: { accountId: 'acc-1', paymentId: 'p-1', amount: 10_000, balanceAfter: 750_050, reversedAt: '2023-06-09T10:00:00.000Z' } },
      ]);
      expect(caseLimitations(referral)).toMatchObject({ runsFrom: { kind: 'delinquency' }, expiresOn: '2025-01-10' });
    });
  });

  describe('tolling', () => {
    it('pushes the end back by every day a bankruptcy stay held the clock', () => {
      const status = statuteOfLimitations(facts({ tollings: [{ tollingId: 's', reason: 'bankruptcy-stay', startsOn: '2023-01-01', endsOn: '2023-12-01' }] }));
      expect(status).toMatchObject({ tolledDays: 334, expiresOn: '2025-12-10' });
      expect(status.reason).toBe('3 years (Kan. Stat. Ann. § 60-512(1), open-account) from 2022-01-10 (the oldest due date), plus 334 days tolled: barred from 2025-12-10');
    });

    it('leaves at least 30 days to sue after a bankruptcy stay ends (11 U.S.C. § 108(c))', () => {
      const status = statuteOfLimitations(facts({ tollings: [{ tollingId: 's', reason: 'bankruptcy-stay', startsOn: '2025-01-09', endsOn: '2025-01-10' }] }));
      expect(status.expiresOn).toBe('2025-02-09');
    });

    it('has no end date while a stay still stands, and says since when', () => {
      const status = statuteOfLimitations(facts({ tollings: [{ tollingId: 's', reason: 'bankruptcy-stay', startsOn: '2023-01-01', endsOn: null }] }));
      expect(status).toMatchObject({ expiresOn: null, tolledSince: { startsOn: '2023-01-01' } });
    });

    it('does not revive a claim barred before the stay began', () => {
      expect(statuteOfLimitations(facts({ tollings: [{ tollingId: 's', reason: 'bankruptcy-stay', startsOn: '2025-03-01', endsOn: null }] })).expiresOn).toBe('2025-01-10');
    });

    it('counts overlapping tollings once', () => {
      const status = statuteOfLimitations(
        facts({
          tollings: [
            { tollingId: 'a', reason: 'other', startsOn: '2023-01-01', endsOn: '2023-03-01' },
            { tollingId: 'b', reason: 'other', startsOn: '2023-02-01', endsOn: '2023-04-01' },
          ],
        }),
      );
      expect(status.tolledDays).toBe(90);
    });

    it('ignores a tolling that ended before the clock last restarted', () => {
      const status = statuteOfLimitations(facts({ paymentDates: ['2024-01-01'], tollings: [{ tollingId: 's', reason: 'other', startsOn: '2023-01-01', endsOn: '2023-06-01' }] }));
      expect(status).toMatchObject({ tolledDays: 0, expiresOn: '2027-01-01' });
    });
  });
});

describe('a review under the statute of limitations', () => {
  const kansas = opened({ debtorRegion: 'KS', oldestDueDate: '2022-01-10', placedAt: '2024-10-01T09:00:00.000Z' });

  it('records that the period ran out, once, beside the review that did not recommend the account', () => {
    const { decision } = given(referralDecider, [kansas]).when(review('2025-02-01'));
    expect(decision).toMatchObject([{ type: 'ReferralNotRecommended', data: { failedRules: [{ rule: 'within-statute-of-limitations' }] } }, ranOut('2025-01-10')]);
    const again = given(referralDecider, [kansas, ...(decision as ReferralEvent[])]).when(review('2025-03-01')).decision;
    expect((again as ReferralEvent[]).map((e) => e.type)).toEqual(['ReferralNotRecommended']);
  });

  it('recommends a Kansas account a payment revived, and refuses a Texas one the same payment could not', () => {
    const payment = paymentNoted('p-1', 10_000, 740_050, new Date('2024-06-01T10:00:00.000Z'));
    const { decision } = given(referralDecider, [kansas, payment]).when(review('2025-02-01'));
    expect(decision).toMatchObject([{ type: 'ReferralRecommended' }]);
    const texas = opened({ debtorRegion: 'TX', oldestDueDate: '2021-01-10', placedAt: '2024-10-01T09:00:00.000Z' });
    expect(given(referralDecider, [texas, payment]).when(review('2025-02-01')).decision).toMatchObject([{ type: 'ReferralNotRecommended' }, ranOut('2025-01-10')]);
  });

  it('recommends a Texas account revived by a signed written acknowledgement', () => {
    const texas = opened({ debtorRegion: 'TX', oldestDueDate: '2021-01-10', placedAt: '2024-10-01T09:00:00.000Z' });
    expect(given(referralDecider, [texas, acknowledged('2024-11-20')]).when(review('2025-02-01')).decision).toMatchObject([{ type: 'ReferralRecommended' }]);
  });

  it('recommends an account whose period a bankruptcy stay held past the review', () => {
    expect(given(referralDecider, [kansas, tolled('2024-06-01', '2024-09-01')]).when(review('2025-02-01')).decision).toMatchObject([{ type: 'ReferralRecommended' }]);
  });

  it('records nothing about the period on a closed account', () => {
    const closed: ReferralEvent = { type: 'ReferralCaseClosed', data: { accountId: 'acc-1', closingCode: 'time-barred', closedAt: '2025-01-20T00:00:00.000Z' } };
    expect((given(referralDecider, [kansas, closed]).when(review('2025-02-01')).decision as ReferralEvent[]).map((e) => e.type)).toEqual(['ReferralNotRecommended']);
  });
});

describe('recording what moves the clock', () => {
  const kansas = opened({ debtorRegion: 'KS', oldestDueDate: '2022-01-10', placedAt: '2024-10-01T09:00:00.000Z' });
  const now = new Date('2025-02-01T09:00:00.000Z');

  it('records a written acknowledgement, and the same acknowledgement again changes nothing', () => {
    given(referralDecider, [kansas]).when({ type: 'RecordDebtAcknowledgement', acknowledgementId: 'ack-1', acknowledgedOn: '2025-01-30', description: 'signed letter', now }).then([
      { type: 'DebtAcknowledged', data: { accountId: 'acc-1', acknowledgementId: 'ack-1', acknowledgedOn: '2025-01-30', description: 'signed letter', recordedAt: now.toISOString() } },
    ]);
    given(referralDecider, [kansas, acknowledged('2025-01-30')]).when({ type: 'RecordDebtAcknowledgement', acknowledgementId: 'ack-1', acknowledgedOn: '2025-01-30', description: 'signed letter', now }).then([]);
  });

  it('refuses an acknowledgement dated after today', () => {
    given(referralDecider, [kansas]).when({ type: 'RecordDebtAcknowledgement', acknowledgementId: 'ack-1', acknowledgedOn: '2025-02-02', description: 'x', now }).thenRejects('acknowledgement-in-future');
  });

  it('records a tolling that still stands, then its end', () => {
    given(referralDecider, [kansas]).when({ type: 'RecordSolTolling', tollingId: 'stay-1', reason: 'bankruptcy-stay', startsOn: '2024-06-01', endsOn: null, note: 'Chapter 7', now }).then([
      { type: 'SolTolled', data: { accountId: 'acc-1', tollingId: 'stay-1', reason: 'bankruptcy-stay', startsOn: '2024-06-01', endsOn: null, note: 'Chapter 7', recordedAt: now.toISOString() } },
    ]);
    given(referralDecider, [kansas, tolled('2024-06-01', null)]).when({ type: 'EndSolTolling', tollingId: 'stay-1', endsOn: '2025-01-15', now }).then([
      { type: 'SolTollingEnded', data: { accountId: 'acc-1', tollingId: 'stay-1', endsOn: '2025-01-15', recordedAt: now.toISOString() } },
    ]);
  });

  it('refuses a tolling that ends before it starts or in the future, ending an unknown tolling, and ending one twice on different days', () => {
    given(referralDecider, [kansas]).when({ type: 'RecordSolTolling', tollingId: 's', reason: 'other', startsOn: '2024-06-01', endsOn: '2024-05-01', note: '', now }).thenRejects('tolling-ends-before-start');
    given(referralDecider, [kansas]).when({ type: 'RecordSolTolling', tollingId: 's', reason: 'other', startsOn: '2025-03-01', endsOn: null, note: '', now }).thenRejects('tolling-in-future');
    given(referralDecider, [kansas]).when({ type: 'EndSolTolling', tollingId: 'nope', endsOn: '2025-01-15', now }).thenRejects('tolling-unknown');
    given(referralDecider, [kansas, tolled('2024-06-01', '2024-07-01')]).when({ type: 'EndSolTolling', tollingId: 'stay-1', endsOn: '2025-01-15', now }).thenRejects('tolling-already-ended');
    given(referralDecider, [kansas, tolled('2024-06-01', '2024-07-01')]).when({ type: 'EndSolTolling', tollingId: 'stay-1', endsOn: '2024-07-01', now }).then([]);
  });
});
