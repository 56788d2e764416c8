import { createHash } from 'node:crypto';
import { AccountClosed, AccountPlaced, AccountReopened, ConvertedToThirdParty, InvoiceAdded, PaymentPosted, PaymentReversed } from '@lib/contracts';
import type { ProjectedEvent, Projection } from '@lib/read-models';
import type { PaymentPostedV2, PaymentReversedV2 } from '@lib/contracts';
import { collectedBy, uncollectedBy } from './collected';
import { recoveryRateBp } from './recovery-rate';
import { TrustFigures, withTrustChange } from './trust-figures';

export const PORTFOLIO = 'portfolio';

/**
 * Bucket documents per client, at most. The store's version guard keeps an entry per
 * source stream and contract type in a document, so one document per client would hit
 * MongoDB's 16 MB limit at ~57 000 accounts; split 64 ways, at ~3.6 million.
 * Changing it moves accounts to other buckets: the read models must then be rebuilt.
 */
export const PORTFOLIO_BUCKETS = 64;

export interface CurrencyFigures {
  /** Minor units. */
  placedAmount: number;
  /** Allocated to the debt by payments, minus reversals, minor units (an over-payment's credit is not collected). */
  collected: number;
  recoveryRateBp: number;
}

/**
 * One client's portfolio, as the query answers it (summed over the client's buckets).
 * Counts are currency-free; money figures at the top level are in `currency`, the
 * currency of the client's earliest placement (see `earlierPlacement`), and `byCurrency`
 * holds every currency the client placed or was paid in, because amounts of two
 * currencies never add up.
 */
export interface Portfolio {
  clientId: string;
  currency: string | null;
  placedCount: number;
  placedAmount: number;
  collected: number;
  recoveryRateBp: number;
  /** Placed accounts not closed: a reopened account counts as active again. */
  active: number;
  /** Accounts closed now, by closing code; a code no account is closed with is left out. */
  closedByCode: Record<string, number>;
  byCurrency: Record<string, CurrencyFigures>;
  /** Accounts placed, by service (`third-party`, `pre-collection`); a service never placed is left out. */
  placedByService: Record<string, number>;
  /** Pre-collection accounts that converted to third-party collection at their window's end. */
  convertedToThirdParty: number;
}

/** A placement that can name the client's headline currency. */
export interface PlacementMark {
  placedAt: string;
  accountId: string;
  currency: string;
}

/**
 * The stored document: the figures of the accounts of one client that hash to one bucket
 * (`portfolioBucketOf`). Only sums, which add up across buckets; recovery rates and the
 * headline figures are the query's, computed from the sums of every bucket.
 */
export interface PortfolioBucket {
  clientId: string;
  bucket: number;
  placedCount: number;
  /** May be negative for a while: a closing can be applied before its placement. */
  active: number;
  /** As the portfolio's; a count may be negative for a while: a reopening can be applied before the closing it undoes. */
  closedByCode: Record<string, number>;
  byCurrency: Record<string, { placedAmount: number; collected: number }>;
  /** The earliest placement of this bucket's accounts; null until one is applied. */
  earliestPlacement: PlacementMark | null;
  /** As the portfolio's; absent on buckets stored before the pre-collection service (all third-party then). */
  placedByService?: Record<string, number>;
  convertedToThirdParty?: number;
  /**
   * The trust summary's figures of this bucket's accounts, per currency (`trust-figures.ts`):
   * kept here rather than in a document of their own, so a payment or a reversal replaces one
   * bucket document, not two. Absent on a bucket stored before they were kept here (then every
   * figure of it is in the retired `trust_summary` collection).
   */
  trustByCurrency?: Record<string, TrustFigures>;
  /**
   * Set when a payment or reversal reached a bucket stored before `trustByCurrency` was kept:
   * its figures from before are in the retired `trust_summary` collection, to be added to these.
   */
  trustBeforeInRetired?: true;
}

export function emptyPortfolio(clientId: string): Portfolio {
  return { clientId, currency: null, placedCount: 0, placedAmount: 0, collected: 0, recoveryRateBp: 0, active: 0, closedByCode: {}, byCurrency: {}, placedByService: {}, convertedToThirdParty: 0 };
}

/**
 * The bucket of an account: the first four bytes of the SHA-256 of its id (UTF-8), read as
 * an unsigned big-endian integer, modulo `buckets`. A function of the id alone, so every
 * event of an account (placement, payments, closings) lands in the same bucket, in every
 * process and after every rebuild.
 */
export function portfolioBucketOf(accountId: string, buckets = PORTFOLIO_BUCKETS): number {
  return hashPrefixOf(accountId) % buckets;
}

/**
 * Recently hashed account ids: each portfolio event names its bucket twice (document id,
 * then an empty bucket), and an account's events come close together in a replay. Bounded,
 * so the memory does not grow with the number of accounts.
 */
const recentHashPrefixes = new Map<string, number>();
const RECENT_HASH_PREFIXES = 4_096;

function hashPrefixOf(accountId: string): number {
  const known = recentHashPrefixes.get(accountId);
  if (known !== undefined) return known;
  const prefix = createHash('sha256').update(accountId, 'utf8').digest().readUInt32BE(0);
  if (recentHashPrefixes.size >= RECENT_HASH_PREFIXES) recentHashPrefixes.clear();
  recentHashPrefixes.set(accountId, prefix);
  return prefix;
}

export function portfolioBucketId(clientId: string, bucket: number): string {
  return `${clientId}:${bucket}`;
}

/** The id of every bucket document a client can have. */
export function portfolioBucketIds(clientId: string): string[] {
  return Array.from({ length: PORTFOLIO_BUCKETS }, (_, bucket) => portfolioBucketId(clientId, bucket));
}

function emptyBucket(clientId: string, bucket: number): PortfolioBucket {
  return { clientId, bucket, placedCount: 0, active: 0, closedByCode: {}, byCurrency: {}, earliestPlacement: null, trustByCurrency: {} };
}

function withMoney(bucket: PortfolioBucket, currency: string, change: { placed?: number; collected?: number }): PortfolioBucket {
  const before = bucket.byCurrency[currency] ?? { placedAmount: 0, collected: 0 };
  const after = { placedAmount: before.placedAmount + (change.placed ?? 0), collected: before.collected + (change.collected ?? 0) };
  return { ...bucket, byCurrency: { ...bucket.byCurrency, [currency]: after } };
}

/** `closedByCode` with `change` accounts more (or fewer) under `code`; a count of zero is dropped. */
function withClosed(closedByCode: Record<string, number>, code: string, change: 1 | -1): Record<string, number> {
  const { [code]: before = 0, ...others } = closedByCode;
  const count = before + change;
  return count === 0 ? others : { ...others, [code]: count };
}

/**
 * The earlier of two placements: by `placedAt` as an instant, then by account id (compared
 * by code unit, not by locale). Unlike "the first placement applied", this does not depend
 * on the order events arrive in, so a rebuild names the same headline currency.
 */
export function earlierPlacement(a: PlacementMark | null, b: PlacementMark | null): PlacementMark | null {
  if (!a || !b) return a ?? b;
  const byTime = Date.parse(a.placedAt) - Date.parse(b.placedAt);
  if (byTime !== 0) return byTime < 0 ? a : b;
  return b.accountId < a.accountId ? b : a;
}

/**
 * Placed, collected, active and closed-by-code per client and bucket of accounts. Payments
 * may reach reporting before their placement (they travel on another topic), so every
 * event starts from an empty bucket when there is none yet; the sums do not depend on order.
 *
 * A reopening undoes the closing before it (`previousClosingCode`): the account is active
 * again and no longer counted as closed; closing it again counts it once more. Each
 * closing and reopening is applied once (the store's version guard), so the counts are
 * sums too, right whatever order the two arrive in. An account's events all land in its
 * bucket, so a bucket nets out its own closings and reopenings.
 */
export const portfolioProjection: Projection<PortfolioBucket> = {
  name: PORTFOLIO,
  handles: [AccountPlaced.type, PaymentPosted.type, PaymentReversed.type, AccountClosed.type, AccountReopened.type, InvoiceAdded.type, ConvertedToThirdParty.type],
  documentIds: (event) => [portfolioBucketId(event.data.clientId, portfolioBucketOf(event.data.accountId))],
  evolve(document, event) {
    const bucket = document ?? emptyBucket(event.data.clientId, portfolioBucketOf(event.data.accountId));
    switch (event.type) {
      case AccountPlaced.type: {
        const placement: PlacementMark = { placedAt: event.data.placedAt, accountId: event.data.accountId, currency: event.data.currency };
        return withMoney(
          {
            ...bucket,
            placedCount: bucket.placedCount + 1,
            active: bucket.active + 1,
            earliestPlacement: earlierPlacement(bucket.earliestPlacement, placement),
            placedByService: withCount(servicesOf(bucket), event.data.service ?? 'third-party', 1),
          },
          event.data.currency,
          { placed: event.data.placedAmount },
        );
      }
      case PaymentPosted.type:
        return withTrust(withMoney(bucket, event.data.currency, { collected: collectedBy(event.data as PaymentPostedV2) }), event);
      case PaymentReversed.type:
        return withTrust(withMoney(bucket, event.data.currency, { collected: -uncollectedBy(event.data as PaymentReversedV2) }), event);
      case AccountClosed.type:
        return { ...bucket, active: bucket.active - 1, closedByCode: withClosed(bucket.closedByCode, event.data.closingCode, 1) };
      case AccountReopened.type:
        return { ...bucket, active: bucket.active + 1, closedByCode: withClosed(bucket.closedByCode, event.data.previousClosingCode, -1) };
      case InvoiceAdded.type:
        // Added after placement, placed all the same: recovery rates count it. A balance adjustment is no placement and leaves placed amounts alone.
        return withMoney(bucket, event.data.invoice.currency, { placed: event.data.invoice.originalAmount });
      case ConvertedToThirdParty.type:
        return { ...bucket, convertedToThirdParty: (bucket.convertedToThirdParty ?? 0) + 1 };
      default:
        return document;
    }
  },
};

/**
 * A client's portfolio from its bucket documents: counts and amounts summed, recovery
 * rates computed from the sums, codes that net to zero left out, the headline currency
 * the earliest placement's across buckets. Null when the client has no bucket. Currencies
 * and codes come out in code-unit order, whatever order the buckets are given in.
 */
export function portfolioOf(clientId: string, buckets: readonly PortfolioBucket[]): Portfolio | null {
  if (buckets.length === 0) return null;
  let placedCount = 0;
  let active = 0;
  let earliest: PlacementMark | null = null;
  let convertedToThirdParty = 0;
  const services = new Map<string, number>();
  const closed = new Map<string, number>();
  const money = new Map<string, { placedAmount: number; collected: number }>();
  for (const bucket of buckets) {
    placedCount += bucket.placedCount;
    active += bucket.active;
    earliest = earlierPlacement(earliest, bucket.earliestPlacement);
    convertedToThirdParty += bucket.convertedToThirdParty ?? 0;
    for (const [service, count] of Object.entries(servicesOf(bucket))) services.set(service, (services.get(service) ?? 0) + count);
    for (const [code, count] of Object.entries(bucket.closedByCode)) closed.set(code, (closed.get(code) ?? 0) + count);
    for (const [currency, figures] of Object.entries(bucket.byCurrency)) {
      const sum = money.get(currency) ?? { placedAmount: 0, collected: 0 };
      money.set(currency, { placedAmount: sum.placedAmount + figures.placedAmount, collected: sum.collected + figures.collected });
    }
  }
  const byCurrency: Record<string, CurrencyFigures> = {};
  for (const currency of [...money.keys()].sort()) {
    const { placedAmount, collected } = money.get(currency)!;
    byCurrency[currency] = { placedAmount, collected, recoveryRateBp: recoveryRateBp(collected, placedAmount) };
  }
  const closedByCode: Record<string, number> = {};
  for (const code of [...closed.keys()].sort()) if (closed.get(code) !== 0) closedByCode[code] = closed.get(code)!;
  const currency = earliest?.currency ?? null;
  const headline = currency ? byCurrency[currency] : undefined;
  return {
    clientId,
    currency,
    placedCount,
    placedAmount: headline?.placedAmount ?? 0,
    collected: headline?.collected ?? 0,
    recoveryRateBp: headline?.recoveryRateBp ?? 0,
    active,
    closedByCode,
    byCurrency,
    placedByService: Object.fromEntries([...services.keys()].sort().map((service) => [service, services.get(service)!])),
    convertedToThirdParty,
  };
}

/** The bucket with a payment's or a reversal's trust figures added (see `trustByCurrency`). */
function withTrust(bucket: PortfolioBucket, event: ProjectedEvent): PortfolioBucket {
  const retired = bucket.trustByCurrency === undefined ? { trustBeforeInRetired: true as const } : {};
  return { ...bucket, ...retired, trustByCurrency: withTrustChange(bucket.trustByCurrency ?? {}, event) };
}

/**
 * Whether the bucket holds every trust figure of its accounts: made since they were kept in
 * it, so the retired `trust_summary` document of the same id (if any) is not to be added.
 */
export function keepsAllTrustFigures(bucket: PortfolioBucket): boolean {
  return bucket.trustByCurrency !== undefined && bucket.trustBeforeInRetired !== true;
}

/** The same arithmetic as closing codes: a count that nets to zero is left out. */
const withCount = withClosed;

/** A bucket stored before the service existed placed third-party accounts only. */
function servicesOf(bucket: PortfolioBucket): Record<string, number> {
  return bucket.placedByService ?? (bucket.placedCount > 0 ? { 'third-party': bucket.placedCount } : {});
}
