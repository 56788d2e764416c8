/**
 * The kinds of claim a placed account can be sued on; each has its own limitation period
 * in most jurisdictions (docs/domain.md, "Statute of limitations").
 */
export const CLAIM_TYPES = ['written-contract', 'open-account', 'sale-of-goods', 'promissory-note'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/**
 * What a commercial placement of invoices is sued on when the placement does not say:
 * an open (book) account, the running balance of the invoices (docs/legal-referral.md).
 */
export const DEFAULT_CLAIM_TYPE: ClaimType = 'open-account';

/**
 * How sure the table is of an entry: `high` for periods stated plainly by the cited
 * section; `medium` where the section is right but its reach over the claim type depends
 * on case law or the wording of the debt; `low` where the table could not settle the
 * period and legal staff must check before relying on it.
 */
export type Confidence = 'high' | 'medium' | 'low';

export interface LimitationPeriod {
  years: number;
  /** The statute section the period comes from, e.g. `Cal. Civ. Proc. Code § 337`. */
  citation: string;
  confidence: Confidence;
  note?: string;
}

/** Whether a partial payment and/or a signed written acknowledgement of the debt restarts the period. */
export interface RevivalRule {
  byPayment: boolean;
  byWrittenAcknowledgement: boolean;
  citation: string;
  confidence: Confidence;
  note?: string;
}

export interface JurisdictionLimitations {
  /** ISO 3166-2 style: `US-NY`, `US-DC`, `US-PR`. */
  jurisdiction: string;
  name: string;
  periods: Readonly<Record<ClaimType, LimitationPeriod>>;
  revival: RevivalRule;
}

/** The clock stops while a court or statute forbids suit (today: a bankruptcy stay). */
export type Tolling = {
  tollingId: string;
  reason: 'bankruptcy-stay' | 'other';
  /** `YYYY-MM-DD`, the first day the clock stood still. */
  startsOn: string;
  /** `YYYY-MM-DD`, the day it ran again; null while it still stands still. */
  endsOn: string | null;
};
