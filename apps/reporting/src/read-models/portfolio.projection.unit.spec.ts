import { AccountClosed, AccountPlaced, AccountReopened, ConvertedToThirdParty, PaymentPosted, PaymentReversed } from '@lib/contracts';
import type { ProjectedEvent } from '@lib/read-models';
import { keepsAllTrustFigures, Portfolio, PORTFOLIO_BUCKETS, PortfolioBucket, portfolioBucketOf, portfolioOf, portfolioProjection } from './portfolio.projection';
import { accountClosed, accountPlaced, accountReopened, convertedToThirdParty, foldProjection, paymentPosted, paymentReversed, projected } from './reporting.fixtures';

const CLIENT = 'client-1';
const placed = (accountId: string, amount: number, currency = 'USD', placedAt?: string) =>
  projected(AccountPlaced, { ...accountPlaced(accountId, CLIENT, amount, currency), ...(placedAt ? { placedAt } : {}) }, `account-${accountId}`, 0);
const paid = (accountId: string, paymentId: string, amount: number, version: number, currency = 'USD') =>
  projected(PaymentPosted, paymentPosted(accountId, CLIENT, paymentId, amount, 0, currency), `ledger-${accountId}`, version);
const reversed = (accountId: string, paymentId: string, amount: number, version: number) =>
  projected(PaymentReversed, paymentReversed(accountId, CLIENT, paymentId, amount, 0), `ledger-${accountId}`, version);
const closed = (accountId: string, code: string, version: number) => projected(AccountClosed, accountClosed(accountId, CLIENT, code), `account-${accountId}`, version);
const reopened = (accountId: string, version: number) => projected(AccountReopened, accountReopened(accountId, CLIENT, 100), `account-${accountId}`, version);

/** What the query answers after `events`: each of the client's bucket documents folded in order, then summed. */
function portfolioAfter(events: readonly ProjectedEvent[]): Portfolio | null {
  const ids = new Set(events.flatMap((event) => portfolioProjection.documentIds(event)));
  const buckets = [...ids].map((id) => foldProjection(portfolioProjection, events, id)).filter((bucket): bucket is PortfolioBucket => bucket !== null);
  return portfolioOf(CLIENT, buckets);
}

describe('the portfolio read model', () => {
  it('counts a placed account as placed and active, in the currency of its placement', () => {
    expect(portfolioAfter([placed('a1', 300_000), placed('a2', 450_050)])).toMatchObject({
      clientId: CLIENT,
      currency: 'USD',
      placedCount: 2,
      placedAmount: 750_050,
      collected: 0,
      recoveryRateBp: 0,
      active: 2,
      closedByCode: {},
    });
  });

  it('collects payments minus reversals and rates the recovery half-up in basis points', () => {
    const portfolio = portfolioAfter([placed('a1', 300_000), paid('a1', 'p1', 100_000, 1), paid('a1', 'p2', 50_000, 2), reversed('a1', 'p2', 50_000, 3)]);
    expect(portfolio).toMatchObject({ collected: 100_000, recoveryRateBp: 3_333 });
  });

  it('counts closed accounts by closing code and no longer as active', () => {
    const portfolio = portfolioAfter([placed('a1', 100), placed('a2', 100), placed('a3', 100), closed('a1', 'paid-in-full', 2), closed('a2', 'recalled', 1)]);
    expect(portfolio).toMatchObject({ placedCount: 3, active: 1, closedByCode: { 'paid-in-full': 1, recalled: 1 } });
  });

  it('counts a reopened account as active and no longer closed, and once closed again, once', () => {
    const before = [placed('a1', 100), placed('a2', 100), closed('a2', 'recalled', 1), paid('a1', 'p1', 100, 1), closed('a1', 'paid-in-full', 1)];
    expect(portfolioAfter(before)).toMatchObject({ active: 0, closedByCode: { 'paid-in-full': 1, recalled: 1 } });
    const afterReopening = portfolioAfter([...before, reversed('a1', 'p1', 100, 2), reopened('a1', 2)]);
    expect(afterReopening).toMatchObject({ placedCount: 2, active: 1 });
    // No code is left behind with a count of zero: the portfolio reads as if a1 never closed.
    expect(afterReopening?.closedByCode).toEqual({ recalled: 1 });
    const closedAgain = portfolioAfter([...before, reversed('a1', 'p1', 100, 2), reopened('a1', 2), paid('a1', 'p2', 100, 3), closed('a1', 'paid-in-full', 3)]);
    expect(closedAgain).toMatchObject({ placedCount: 2, active: 0, closedByCode: { 'paid-in-full': 1, recalled: 1 } });
  });

  it('gives the same counts whichever of a closing and its reopening arrives first', () => {
    const inOrder = portfolioAfter([placed('a1', 100), closed('a1', 'paid-in-full', 1), reopened('a1', 2), closed('a1', 'paid-in-full', 3)]);
    const reopeningFirst = portfolioAfter([placed('a1', 100), reopened('a1', 2), closed('a1', 'paid-in-full', 3), closed('a1', 'paid-in-full', 1)]);
    expect(reopeningFirst).toEqual(inOrder);
    expect(inOrder).toMatchObject({ active: 0, closedByCode: { 'paid-in-full': 1 } });
  });

  it('rates the recovery right across a payment posted, reversed and posted again', () => {
    const events = [placed('a1', 300_000), paid('a1', 'p1', 300_000, 1)];
    expect(portfolioAfter(events)).toMatchObject({ collected: 300_000, recoveryRateBp: 10_000 });
    events.push(reversed('a1', 'p1', 300_000, 2));
    expect(portfolioAfter(events)).toMatchObject({ collected: 0, recoveryRateBp: 0 });
    events.push(paid('a1', 'p2', 300_000, 3));
    expect(portfolioAfter(events)).toMatchObject({
      collected: 300_000,
      recoveryRateBp: 10_000,
      byCurrency: { USD: { placedAmount: 300_000, collected: 300_000, recoveryRateBp: 10_000 } },
    });
  });

  it('keeps amounts of another currency out of the headline figures', () => {
    const portfolio = portfolioAfter([placed('a1', 100_000), placed('e1', 80_000, 'EUR'), paid('e1', 'p1', 20_000, 1, 'EUR')]);
    expect(portfolio).toMatchObject({
      currency: 'USD',
      placedCount: 2,
      placedAmount: 100_000,
      collected: 0,
      byCurrency: { USD: { placedAmount: 100_000, collected: 0, recoveryRateBp: 0 }, EUR: { placedAmount: 80_000, collected: 20_000, recoveryRateBp: 2_500 } },
    });
  });

  it('gives the same figures when a payment arrives before its placement', () => {
    const inOrder = portfolioAfter([placed('a1', 400_000), paid('a1', 'p1', 100_000, 1)]);
    const paymentFirst = portfolioAfter([paid('a1', 'p1', 100_000, 1), placed('a1', 400_000)]);
    expect(paymentFirst).toEqual(inOrder);
    expect(inOrder).toMatchObject({ collected: 100_000, recoveryRateBp: 2_500 });
  });

  it('leaves out a code whose counts net to zero across buckets: a reopening applied before its closing, another account closed', () => {
    // a1 and e1 hash to different buckets (pinned below): a1's bucket counts paid-in-full -1 for now, e1's +1.
    const portfolio = portfolioAfter([placed('a1', 100), placed('e1', 100), reopened('a1', 2), closed('e1', 'paid-in-full', 1)]);
    expect(portfolio).toMatchObject({ placedCount: 2, active: 2 });
    expect(portfolio?.closedByCode).toEqual({});
  });

  it('names the headline currency after the earliest placement, whatever order the placements arrive in', () => {
    const laterUsd = placed('a1', 100_000, 'USD', '2026-06-02T09:00:00.000Z');
    const earlierEur = placed('e1', 80_000, 'EUR', '2026-06-01T09:00:00.000Z');
    for (const events of [[laterUsd, earlierEur], [earlierEur, laterUsd]]) {
      expect(portfolioAfter(events)).toMatchObject({ currency: 'EUR', placedAmount: 80_000 });
    }
  });

  it('compares placement instants as instants, not as text', () => {
    // 10:00 at +02:00 is 08:00Z: earlier, though its text sorts after 09:00Z.
    const events = [placed('a1', 100_000, 'USD', '2026-06-01T09:00:00.000Z'), placed('e1', 80_000, 'EUR', '2026-06-01T10:00:00+02:00')];
    expect(portfolioAfter(events)).toMatchObject({ currency: 'EUR' });
  });

  it('breaks a tie between placements of one instant by account id, whatever order they arrive in', () => {
    for (const [a1Currency, e1Currency] of [['USD', 'EUR'], ['EUR', 'USD']]) {
      const events = [placed('e1', 80_000, e1Currency), placed('a1', 100_000, a1Currency)];
      expect(portfolioAfter(events)).toMatchObject({ currency: a1Currency });
      expect(portfolioAfter([...events].reverse())).toMatchObject({ currency: a1Currency });
    }
  });

  it('answers no portfolio for a client without buckets', () => {
    expect(portfolioOf(CLIENT, [])).toBeNull();
  });
});

describe("the portfolio's buckets", () => {
  it('puts an account in a bucket fixed by its id alone (pinned: changing the hash moves accounts, which needs a rebuild)', () => {
    const pinned: Array<[string, number]> = [
      ['a1', 47],
      ['e1', 31],
      ['0b6f3c1e-5d2a-4c8e-9f1a-2b3c4d5e6f70', 48],
      ['ünïcode-1', 3],
    ];
    for (const [accountId, bucket] of pinned) {
      expect(portfolioBucketOf(accountId)).toBe(bucket);
      expect(portfolioBucketOf(accountId)).toBe(bucket);
    }
  });

  it('spreads many accounts over every bucket, none holding much more than its share', () => {
    const buckets = Array.from({ length: 6_400 }, (_, i) => portfolioBucketOf(`acct-${i}`));
    expect(buckets.filter((bucket) => !Number.isInteger(bucket) || bucket < 0 || bucket >= PORTFOLIO_BUCKETS)).toEqual([]);
    const counts = new Array<number>(PORTFOLIO_BUCKETS).fill(0);
    for (const bucket of buckets) counts[bucket] += 1;
    // 100 per bucket on average.
    expect(Math.min(...counts)).toBeGreaterThan(60);
    expect(Math.max(...counts)).toBeLessThan(140);
  });

  it("files every event of an account under its placement's bucket, whatever the event's type or stream", () => {
    const events = (accountId: string) => [
      placed(accountId, 100),
      paid(accountId, 'p1', 100, 1),
      reversed(accountId, 'p1', 100, 2),
      closed(accountId, 'paid-in-full', 1),
      reopened(accountId, 2),
    ];
    for (const event of events('a1')) expect(portfolioProjection.documentIds(event)).toEqual([`${CLIENT}:47`]);
    for (const event of events('e1')) expect(portfolioProjection.documentIds(event)).toEqual([`${CLIENT}:31`]);
  });

  it('starts a bucket from any event of its account, carrying the client and the bucket', () => {
    expect(portfolioProjection.evolve(null, paid('a1', 'p1', 500, 1))).toEqual({
      clientId: CLIENT,
      bucket: 47,
      placedCount: 0,
      active: 0,
      closedByCode: {},
      byCurrency: { USD: { placedAmount: 0, collected: 500 } },
      earliestPlacement: null,
      // The trust summary's figures, kept in the same bucket: one document per payment, not two.
      trustByCurrency: { USD: { received: 500, reversed: 0, trustIn: 500, payableToClient: 375, commission: 125, creditsOwed: 0, payments: 1, reversals: 0 } },
    });
  });

  it("holds only its own accounts' figures, and its earliest placement", () => {
    const events = [
      placed('a1', 300_000, 'USD', '2026-06-03T09:00:00.000Z'),
      placed('e1', 80_000, 'EUR', '2026-06-01T09:00:00.000Z'),
      paid('a1', 'p1', 100_000, 1),
      paid('e1', 'p2', 20_000, 1, 'EUR'),
      closed('e1', 'recalled', 1),
    ];
    expect(foldProjection(portfolioProjection, events, `${CLIENT}:47`)).toEqual({
      clientId: CLIENT,
      bucket: 47,
      placedCount: 1,
      active: 1,
      closedByCode: {},
      byCurrency: { USD: { placedAmount: 300_000, collected: 100_000 } },
      earliestPlacement: { placedAt: '2026-06-03T09:00:00.000Z', accountId: 'a1', currency: 'USD' },
      placedByService: { 'third-party': 1 },
      trustByCurrency: { USD: { received: 100_000, reversed: 0, trustIn: 100_000, payableToClient: 75_000, commission: 25_000, creditsOwed: 0, payments: 1, reversals: 0 } },
    });
  });

  it('marks a bucket stored before it kept trust figures, whose figures from before are in the retired trust summary', () => {
    const before: PortfolioBucket = { clientId: CLIENT, bucket: 47, placedCount: 1, active: 1, closedByCode: {}, byCurrency: { USD: { placedAmount: 300_000, collected: 0 } }, earliestPlacement: null };
    const paidSince = portfolioProjection.evolve(before, paid('a1', 'p1', 500, 1))!;
    expect(paidSince).toMatchObject({ trustBeforeInRetired: true, trustByCurrency: { USD: { received: 500, payments: 1 } } });
    expect(keepsAllTrustFigures(paidSince)).toBe(false);
    expect(keepsAllTrustFigures(before)).toBe(false);
    expect(keepsAllTrustFigures(portfolioProjection.evolve(null, paid('a1', 'p1', 500, 1))!)).toBe(true);
  });
});

describe('the portfolio by service', () => {
  const preCollection = (accountId: string) =>
    projected(
      AccountPlaced,
      { ...accountPlaced(accountId, CLIENT, 100_000), service: 'pre-collection', preCollection: { agreementVersion: 1, windowEndsAt: '2026-07-01T09:00:00.000Z', reminderDays: [0, 7], flatFee: 1_500 } },
      `account-${accountId}`,
      0,
    );
  const converted = (accountId: string) => projected(ConvertedToThirdParty, convertedToThirdParty(accountId, CLIENT), `account-${accountId}`, 3);

  it('counts placements per service and the pre-collection accounts that converted', () => {
    const portfolio = portfolioAfter([placed('a1', 300_000), preCollection('p1'), preCollection('p2'), converted('p2')]);
    expect(portfolio).toMatchObject({ placedCount: 3, placedByService: { 'pre-collection': 2, 'third-party': 1 }, convertedToThirdParty: 1 });
  });

  it('reads a bucket stored before the service existed as third-party placements', () => {
    const old: PortfolioBucket = { clientId: CLIENT, bucket: 1, placedCount: 4, active: 4, closedByCode: {}, byCurrency: {}, earliestPlacement: null };
    expect(portfolioOf(CLIENT, [old])).toMatchObject({ placedByService: { 'third-party': 4 }, convertedToThirdParty: 0 });
  });
});
