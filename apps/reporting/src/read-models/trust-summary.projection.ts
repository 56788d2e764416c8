import { PaymentPosted, PaymentPostedV2, PaymentReversed, PaymentReversedV2 } from '@lib/contracts';
import type { Projection } from '@lib/read-models';
import { PORTFOLIO_BUCKETS, portfolioBucketId, portfolioBucketOf } from './portfolio.projection';

export const TRUST_SUMMARY = 'trust_summary';

/**
 * Money that entered trust for a client in one currency, as payments has published it
 * (minor units). `payableToClient` is the clients' share (applied minus commission),
 * `commission` the agency's fee, `creditsOwed` over-payments owed back to payers; each net
 * of reversals. `trustIn` = received − reversed = payable + commission + credits owed.
 */
export interface TrustFigures {
  received: number;
  reversed: number;
  trustIn: number;
  payableToClient: number;
  commission: number;
  creditsOwed: number;
  payments: number;
  reversals: number;
}

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

const ZERO: TrustFigures = { received: 0, reversed: 0, trustIn: 0, payableToClient: 0, commission: 0, creditsOwed: 0, payments: 0, reversals: 0 };

function plus(a: TrustFigures, b: TrustFigures): TrustFigures {
  return {
    received: a.received + b.received,
    reversed: a.reversed + b.reversed,
    trustIn: a.trustIn + b.trustIn,
    payableToClient: a.payableToClient + b.payableToClient,
    commission: a.commission + b.commission,
    creditsOwed: a.creditsOwed + b.creditsOwed,
    payments: a.payments + b.payments,
    reversals: a.reversals + b.reversals,
  };
}

/** The trust summary, fed by payments and reversals. */
export const trustSummaryProjection: Projection<TrustSummaryBucket> = {
  name: TRUST_SUMMARY,
  handles: [PaymentPosted.type, PaymentReversed.type],
  documentIds: (event) => [portfolioBucketId(event.data.clientId, portfolioBucketOf(event.data.accountId))],
  evolve(document, event) {
    const bucket: TrustSummaryBucket = document ?? { clientId: event.data.clientId, bucket: portfolioBucketOf(event.data.accountId), byCurrency: {} };
    let change: TrustFigures;
    if (event.type === PaymentPosted.type) {
      const payment = event.data as PaymentPostedV2;
      const share = payment.amount - payment.credit - payment.commission;
      change = { ...ZERO, received: payment.amount, trustIn: payment.amount, payableToClient: share, commission: payment.commission, creditsOwed: payment.credit, payments: 1 };
    } else {
      const reversal = event.data as PaymentReversedV2;
      // A v1 reversal does not say which part was credit: taken as none, the rest as the client's share.
      const credit = reversal.credit ?? 0;
      const share = reversal.amount - credit - reversal.commission;
      change = { ...ZERO, reversed: reversal.amount, trustIn: -reversal.amount, payableToClient: -share, commission: -reversal.commission, creditsOwed: -credit, reversals: 1 };
    }
    const currency = event.data.currency as string;
    return { ...bucket, byCurrency: { ...bucket.byCurrency, [currency]: plus(bucket.byCurrency[currency] ?? ZERO, change) } };
  },
};

/** The ids of every bucket document a client can have. */
export function trustBucketIds(clientId: string): string[] {
  return Array.from({ length: PORTFOLIO_BUCKETS }, (_, bucket) => portfolioBucketId(clientId, bucket));
}

/** The buckets added up, currencies in code-unit order. */
export function trustSummaryOf(clientId: string | null, buckets: readonly TrustSummaryBucket[]): TrustSummary {
  const sums = new Map<string, TrustFigures>();
  for (const bucket of buckets) for (const [currency, figures] of Object.entries(bucket.byCurrency)) sums.set(currency, plus(sums.get(currency) ?? ZERO, figures));
  const byCurrency: Record<string, TrustFigures> = {};
  for (const currency of [...sums.keys()].sort()) byCurrency[currency] = sums.get(currency)!;
  return { clientId, byCurrency };
}
