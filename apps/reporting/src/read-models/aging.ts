import { daysBetween, endOfDay } from './business-calendar';
import type { Receivable } from './receivables.projection';

/** The aging buckets, by days past due: 0-30 (not yet due counts as current), 31-60, 61-90, 91-180, 181-365, over 365. */
export const AGING_BUCKETS = [
  { bucket: '0-30', minDays: null, maxDays: 30 },
  { bucket: '31-60', minDays: 31, maxDays: 60 },
  { bucket: '61-90', minDays: 61, maxDays: 90 },
  { bucket: '91-180', minDays: 91, maxDays: 180 },
  { bucket: '181-365', minDays: 181, maxDays: 365 },
  { bucket: '365+', minDays: 366, maxDays: null },
] as const;
export type AgingBucketName = (typeof AGING_BUCKETS)[number]['bucket'];

export interface AgingBucket {
  bucket: AgingBucketName;
  /** Days past due, inclusive; null: open-ended (the first bucket includes items not yet due). */
  minDays: number | null;
  maxDays: number | null;
  /** Open amount of the items in the bucket, minor units. */
  amount: number;
  /** Accounts with an open item in the bucket (an account may count in several). */
  accounts: number;
}

export interface CurrencyAging {
  currency: string;
  /** Every bucket, in order, zero included. */
  buckets: AgingBucket[];
  total: number;
  /** Accounts with anything open. */
  accounts: number;
}

/** What an account had open at the end of a day, item by item. */
export interface OpenBalance {
  currency: string;
  items: Array<{ number: string; dueDate: string; open: number }>;
}

const byDueDate = (a: { dueDate: string; number: string }, b: { dueDate: string; number: string }) =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;

/**
 * The account's open items at the end of `asOf` (`YYYY-MM-DD`), by business dates: null
 * when it was not placed yet or was closed then (a closed account owes the agency nothing
 * to collect, whatever its code; a reopening opens it again). Payments and reversals move
 * the invoices they name; a downward adjustment, and a payment naming an item not known
 * here, come off the oldest open items first (due date, then number), as payments
 * allocates.
 */
export function openBalanceAt(receivable: Receivable, asOf: string): OpenBalance | null {
  const cutoff = endOfDay(asOf);
  const before = (at: string) => Date.parse(at) < cutoff;
  if (!receivable.placedAt || !receivable.currency || !before(receivable.placedAt)) return null;
  const status = receivable.statusChanges.filter((change) => before(change.at)).at(-1);
  if (status && !status.open) return null;
  const items = receivable.items
    .filter((item) => before(item.openedAt))
    .map((item) => ({ number: item.number, dueDate: item.dueDate, open: item.amount }))
    .sort(byDueDate);
  const takeOldestFirst = (amount: number) => {
    let left = amount;
    for (const item of items) {
      const taken = Math.min(left, Math.max(item.open, 0));
      item.open -= taken;
      left -= taken;
      if (left === 0) return;
    }
  };
  const movements = receivable.movements
    .map((movement, index) => ({ movement, index }))
    .filter(({ movement }) => before(movement.at))
    .sort((a, b) => Date.parse(a.movement.at) - Date.parse(b.movement.at) || a.index - b.index);
  for (const { movement } of movements) {
    if (!movement.allocations) {
      if (movement.amount > 0) takeOldestFirst(movement.amount);
      continue;
    }
    const sign = movement.kind === 'reversal' ? -1 : 1;
    for (const allocation of movement.allocations) {
      const item = items.find((candidate) => candidate.number === allocation.invoiceNumber);
      if (item) item.open -= sign * allocation.amount;
      else if (sign > 0) takeOldestFirst(allocation.amount);
    }
  }
  return { currency: receivable.currency, items: items.filter((item) => item.open > 0) };
}

export function agingBucketOf(daysPastDue: number): AgingBucketName {
  return AGING_BUCKETS.find((bucket) => bucket.maxDays === null || daysPastDue <= bucket.maxDays)!.bucket;
}

/** The aging of a set of accounts at the end of `asOf`, per currency (two currencies never add up), currencies in code order. */
export class AgingTally {
  private readonly currencies = new Map<string, { amounts: Map<AgingBucketName, number>; accounts: Map<AgingBucketName, number>; total: number; open: number }>();

  add(receivable: Receivable, asOf: string): void {
    const balance = openBalanceAt(receivable, asOf);
    if (!balance || balance.items.length === 0) return;
    const tally = this.currencies.get(balance.currency) ?? { amounts: new Map(), accounts: new Map(), total: 0, open: 0 };
    this.currencies.set(balance.currency, tally);
    const touched = new Set<AgingBucketName>();
    for (const item of balance.items) {
      const bucket = agingBucketOf(daysBetween(item.dueDate, asOf));
      tally.amounts.set(bucket, (tally.amounts.get(bucket) ?? 0) + item.open);
      tally.total += item.open;
      touched.add(bucket);
    }
    for (const bucket of touched) tally.accounts.set(bucket, (tally.accounts.get(bucket) ?? 0) + 1);
    tally.open += 1;
  }

  result(): CurrencyAging[] {
    return [...this.currencies.keys()].sort().map((currency) => {
      const tally = this.currencies.get(currency)!;
      return {
        currency,
        buckets: AGING_BUCKETS.map(({ bucket, minDays, maxDays }) => ({ bucket, minDays, maxDays, amount: tally.amounts.get(bucket) ?? 0, accounts: tally.accounts.get(bucket) ?? 0 })),
        total: tally.total,
        accounts: tally.open,
      };
    });
  }
}
