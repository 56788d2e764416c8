import { AccountClosed, AccountPlaced, AccountReopened, InvoiceAdded, OpenBalanceChanged, PaymentPosted, PaymentReversed } from '@lib/contracts';
import type { ProjectedEvent } from '@lib/read-models';
import { AgingTally, agingBucketOf, openBalanceAt } from './aging';
import { LiquidationTally } from './liquidation';
import { Receivable, receivablesProjection } from './receivables.projection';
import { accountClosed, accountPlaced, accountReopened, foldProjection, paymentPosted, paymentReversed, projected } from './reporting.fixtures';

const CLIENT = 'client-1';

/** A placement with two invoices, as of `placedAt`. */
function placed(accountId: string, placedAt: string, invoices: Array<[string, string, number]>, currency = 'USD'): ProjectedEvent {
  const total = invoices.reduce((sum, [, , amount]) => sum + amount, 0);
  return projected(
    AccountPlaced,
    {
      ...accountPlaced(accountId, CLIENT, total, currency),
      invoices: invoices.map(([number, dueDate, originalAmount]) => ({ number, issueDate: '2025-01-01', dueDate, originalAmount, currency })),
      placedAt,
    },
    `account-${accountId}`,
    0,
  );
}

function paid(accountId: string, version: number, paymentId: string, postedAt: string, allocations: Array<[string, number]>, credit = 0): ProjectedEvent {
  const applied = allocations.reduce((sum, [, amount]) => sum + amount, 0);
  return projected(
    PaymentPosted,
    { ...paymentPosted(accountId, CLIENT, paymentId, applied + credit, 0), allocations: allocations.map(([invoiceNumber, amount]) => ({ invoiceNumber, amount })), credit, postedAt },
    `ledger-${accountId}`,
    version,
  );
}

const fold = (events: ProjectedEvent[], accountId = 'a1') => foldProjection(receivablesProjection, events, accountId)!;

describe('receivables: what an account owed, item by item, through business time', () => {
  const history = [
    placed('a1', '2026-01-10T00:00:00.000Z', [
      ['INV-1', '2025-11-01', 50_000],
      ['INV-2', '2025-12-20', 30_000],
    ]),
    paid('a1', 1, 'p1', '2026-02-05T10:00:00.000Z', [['INV-1', 20_000]]),
    paid('a1', 2, 'p2', '2026-03-15T10:00:00.000Z', [['INV-1', 30_000], ['INV-2', 5_000]], 1_000),
  ];

  it('keeps each invoice open by its own due date, less what payments allocated to it by that day', () => {
    const receivable = fold(history);
    expect(openBalanceAt(receivable, '2026-01-09')).toBeNull();
    expect(openBalanceAt(receivable, '2026-01-31')?.items).toEqual([
      { number: 'INV-1', dueDate: '2025-11-01', open: 50_000 },
      { number: 'INV-2', dueDate: '2025-12-20', open: 30_000 },
    ]);
    expect(openBalanceAt(receivable, '2026-02-05')?.items).toEqual([
      { number: 'INV-1', dueDate: '2025-11-01', open: 30_000 },
      { number: 'INV-2', dueDate: '2025-12-20', open: 30_000 },
    ]);
    // The over-payment credit (1 000) is owed back to the payer: it takes nothing more off.
    expect(openBalanceAt(receivable, '2026-03-31')?.items).toEqual([{ number: 'INV-2', dueDate: '2025-12-20', open: 25_000 }]);
  });

  it('ages by days past due into the six buckets, as of any day, per currency', () => {
    expect([0, 30, 31, 60, 61, 90, 91, 180, 181, 365, 366].map(agingBucketOf)).toEqual(['0-30', '0-30', '31-60', '31-60', '61-90', '61-90', '91-180', '91-180', '181-365', '181-365', '365+']);
    const tally = new AgingTally();
    tally.add(fold(history), '2026-02-05');
    tally.add(fold([placed('a2', '2026-01-20T00:00:00.000Z', [['X-1', '2024-12-01', 7_000]], 'EUR')], 'a2'), '2026-02-05');
    const [eur, usd] = tally.result();
    // 2026-02-05: INV-1 is 96 days past due, INV-2 47; X-1 431.
    expect(usd.currency).toBe('USD');
    expect(Object.fromEntries(usd.buckets.map((b) => [b.bucket, [b.amount, b.accounts]]))).toEqual({
      '0-30': [0, 0],
      '31-60': [30_000, 1],
      '61-90': [0, 0],
      '91-180': [30_000, 1],
      '181-365': [0, 0],
      '365+': [0, 0],
    });
    expect([usd.total, usd.accounts]).toEqual([60_000, 1]);
    expect(eur).toMatchObject({ currency: 'EUR', total: 7_000, accounts: 1 });
    expect(eur.buckets.find((b) => b.bucket === '365+')?.amount).toBe(7_000);
  });

  it('puts a reversed payment back on its invoices from the reversal day, and v1 reversals take back the payment’s allocation', () => {
    const reversed = projected(
      PaymentReversed,
      { ...paymentReversed('a1', CLIENT, 'p1', 20_000, 60_000), allocations: [{ invoiceNumber: 'INV-1', amount: 20_000 }], reversedAt: '2026-02-20T00:00:00.000Z' },
      `ledger-a1`,
      3,
    );
    const receivable = fold([...history.slice(0, 2), reversed]);
    expect(openBalanceAt(receivable, '2026-02-19')?.items[0].open).toBe(30_000);
    expect(openBalanceAt(receivable, '2026-02-20')?.items[0].open).toBe(50_000);
    const v1 = projected(PaymentReversed, { ...paymentReversed('a1', CLIENT, 'p1', 20_000, 60_000), allocations: null, credit: null, reversedAt: '2026-02-20T00:00:00.000Z' }, 'ledger-a1', 3);
    expect(openBalanceAt(fold([...history.slice(0, 2), v1]), '2026-02-20')?.items[0].open).toBe(50_000);
  });

  it('takes added invoices and upward adjustments as new items, downward adjustments off the oldest first, and an added invoice once', () => {
    const added = projected(
      InvoiceAdded,
      { accountId: 'a1', clientId: CLIENT, invoice: { number: 'INV-3', issueDate: '2026-01-01', dueDate: '2026-02-01', originalAmount: 10_000, currency: 'USD' }, addedBy: 'client', addedAt: '2026-02-10T09:00:00.000Z' },
      'account-a1',
      1,
    );
    const balance = (cause: 'invoice-added' | 'balance-adjusted', causeId: string, amount: number, changedAt: string, version: number) =>
      projected(OpenBalanceChanged, { accountId: 'a1', clientId: CLIENT, cause, causeId, amount, currency: 'USD', reason: cause === 'invoice-added' ? null : 'goodwill', balanceAfter: 0, changedAt }, 'ledger-a1', version);
    const receivable = fold([
      history[0],
      added,
      balance('invoice-added', 'INV-3', 10_000, '2026-02-10T09:00:00.000Z', 1),
      balance('balance-adjusted', 'adj-1', 4_000, '2026-02-12T09:00:00.000Z', 2),
      balance('balance-adjusted', 'adj-2', -55_000, '2026-02-15T09:00:00.000Z', 3),
    ]);
    expect(receivable.placedAmount).toBe(90_000);
    expect(openBalanceAt(receivable, '2026-02-14')?.items.map((i) => [i.number, i.open])).toEqual([
      ['INV-1', 50_000],
      ['INV-2', 30_000],
      ['INV-3', 10_000],
      ['adjustment-adj-1', 4_000],
    ]);
    expect(openBalanceAt(receivable, '2026-02-15')?.items.map((i) => [i.number, i.open])).toEqual([
      ['INV-2', 25_000],
      ['INV-3', 10_000],
      ['adjustment-adj-1', 4_000],
    ]);
  });

  it('has nothing open while the account is closed, and again from its reopening', () => {
    const receivable = fold([
      ...history.slice(0, 2),
      projected(AccountClosed, accountClosed('a1', CLIENT, 'recalled', '2026-04-01T00:00:00.000Z'), 'account-a1', 1),
      projected(AccountReopened, accountReopened('a1', CLIENT, 60_000, 'p1', '2026-05-01T00:00:00.000Z'), 'account-a1', 2),
    ]);
    expect(openBalanceAt(receivable, '2026-03-31')?.items).toHaveLength(2);
    expect(openBalanceAt(receivable, '2026-04-15')).toBeNull();
    expect(openBalanceAt(receivable, '2026-05-01')?.items).toHaveLength(2);
  });

  it('takes the message’s business date (effective-at) over the instant in its data', () => {
    const imported = { ...placed('a1', '2026-05-01T10:00:00.000Z', [['INV-1', '2025-11-01', 50_000]]), metadata: { effectiveAt: '2025-12-01T00:00:00.000Z' } };
    const receivable = fold([imported]);
    expect([receivable.placedAt, receivable.placedMonth]).toEqual(['2025-12-01T00:00:00.000Z', '2025-12']);
    expect(openBalanceAt(receivable, '2025-12-01')?.items).toHaveLength(1);
  });

  it('is the same whatever order a placement and its payments arrive in', () => {
    const inOrder = openBalanceAt(fold(history), '2026-03-31');
    const paymentsFirst = openBalanceAt(fold([history[2], history[1], history[0]]), '2026-03-31');
    expect(paymentsFirst).toEqual(inOrder);
  });
});

describe('liquidation: the share of each placement month collected after 1, 2, 3 ... months', () => {
  it('sums allocations (never credit) less reversals by the end of each month, per cohort and currency, up to the as-of month', () => {
    const a1 = fold([
      placed('a1', '2026-01-10T00:00:00.000Z', [['INV-1', '2025-11-01', 80_000]]),
      paid('a1', 1, 'p1', '2026-01-20T00:00:00.000Z', [['INV-1', 10_000]], 500),
      paid('a1', 2, 'p2', '2026-03-02T00:00:00.000Z', [['INV-1', 30_000]]),
      projected(PaymentReversed, { ...paymentReversed('a1', CLIENT, 'p2', 30_000, 70_000), reversedAt: '2026-04-03T00:00:00.000Z' }, 'ledger-a1', 3),
    ]);
    const a2 = fold([placed('a2', '2026-01-31T23:00:00.000Z', [['INV-9', '2025-12-01', 20_000]]), paid('a2', 1, 'p9', '2026-02-01T00:00:00.000Z', [['INV-9', 20_000]])], 'a2');
    const a3 = fold([placed('a3', '2026-03-05T00:00:00.000Z', [['Z', '2026-01-01', 10_000]]), paid('a3', 1, 'pz', '2026-03-06T00:00:00.000Z', [['Z', 2_500]])], 'a3');
    const later = fold([placed('a4', '2026-05-01T00:00:00.000Z', [['Z', '2026-01-01', 10_000]])], 'a4');
    const tally = new LiquidationTally('2026-04-15');
    for (const receivable of [a1, a2, a3, later] as Receivable[]) tally.add(receivable);
    const [january, march] = tally.result();
    expect(tally.result()).toHaveLength(2);
    expect(january).toMatchObject({ month: '2026-01', currency: 'USD', accounts: 2, placedAmount: 100_000 });
    // end of Jan: 10 000; Feb: +20 000; Mar: +30 000; Apr (to date): the reversal takes 30 000 back.
    expect(january.points).toEqual([
      { months: 1, collected: 10_000, shareBp: 1_000 },
      { months: 2, collected: 30_000, shareBp: 3_000 },
      { months: 3, collected: 60_000, shareBp: 6_000 },
      { months: 4, collected: 30_000, shareBp: 3_000 },
    ]);
    expect(march).toMatchObject({ month: '2026-03', accounts: 1, placedAmount: 10_000, points: [{ months: 1, collected: 2_500, shareBp: 2_500 }, { months: 2, collected: 2_500, shareBp: 2_500 }] });
  });
});
