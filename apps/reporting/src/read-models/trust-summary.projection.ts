import { PaymentPosted, PaymentReversed } from '@lib/contracts';
import type { Projection } from '@lib/read-models';
import { PORTFOLIO_BUCKETS, portfolioBucketId, portfolioBucketOf } from './portfolio.projection';
import { plusTrust, TrustFigures, withTrustChange, ZERO_TRUST } from './trust-figures';

export type { TrustFigures } from './trust-figures';

export const TRUST_SUMMARY = 'trust_summary';

/**
 * One client's trust figures for the accounts of one bucket (the portfolio's buckets,
 * for the same reason: the version guard keeps an entry per source stream).
 */
export interface TrustSummaryBucket {
  clientId: string;
  bucket: number;
  byCurrency: Record<string, TrustFigures>;
}

export interface TrustSummary {
  /** Null: every client's. */
  clientId: string | null;
  byCurrency: Record<string, TrustFigures>;
}

/**
 * The trust summary folded on its own, bucket by bucket: what the as-of query folds from the
 * log of reported events. The live figures are kept in the portfolio's buckets instead
 * (`PortfolioBucket.trustByCurrency`, the same arithmetic), so a payment replaces one bucket
 * document, not two; this projection's collection (`TRUST_SUMMARY`) is no longer written and
 * is read only for what it held before (`ReportingQueries.trustSummary`).
 */
export const trustSummaryProjection: Projection<TrustSummaryBucket> = {
  name: TRUST_SUMMARY,
  handles: [PaymentPosted.type, PaymentReversed.type],
  documentIds: (event) => [portfolioBucketId(event.data.clientId, portfolioBucketOf(event.data.accountId))],
  evolve(document, event) {
    const bucket: TrustSummaryBucket = document ?? { clientId: event.data.clientId, bucket: portfolioBucketOf(event.data.accountId), byCurrency: {} };
    return { ...bucket, byCurrency: withTrustChange(bucket.byCurrency, event) };
  },
};

/** The ids of every bucket document a client can have. */
export function trustBucketIds(clientId: string): string[] {
  return Array.from({ length: PORTFOLIO_BUCKETS }, (_, bucket) => portfolioBucketId(clientId, bucket));
}

/** The buckets added up, currencies in code-unit order. */
export function trustSummaryOf(clientId: string | null, buckets: ReadonlyArray<Pick<TrustSummaryBucket, 'byCurrency'>>): TrustSummary {
  const sums = new Map<string, TrustFigures>();
  for (const bucket of buckets) for (const [currency, figures] of Object.entries(bucket.byCurrency)) sums.set(currency, plusTrust(sums.get(currency) ?? ZERO_TRUST, figures));
  const byCurrency: Record<string, TrustFigures> = {};
  for (const currency of [...sums.keys()].sort()) byCurrency[currency] = sums.get(currency)!;
  return { clientId, byCurrency };
}
