import type { DomainEvent } from '@lib/es-core';

/**
 * Pre-collection on the ledger (docs/payments.md, "Pre-collection"). The placement says the
 * window's end and the flat fee; a payment before the window's end earns no contingency
 * commission, one at or after it is charged as any third-party payment. The window's end
 * is the conversion's business date, so time alone decides, and recomputing history gives
 * the same figures whenever intake's conversion message arrives.
 */
export interface LedgerPreCollection {
  windowEndsAt: string;
  /** Minor units of the ledger's currency. */
  flatFee: number;
  agreementVersion: number;
}

/** The flat pre-collection fee is owed by the client once per account, recorded when the ledger opens (the service is bought at placement). */
export type PreCollectionFeeOwed = DomainEvent<
  'PreCollectionFeeOwed',
  { accountId: string; clientId: string; amount: number; currency: string; agreementVersion: number; owedAt: string }
>;

/** A payment at `at` falls inside the ledger's pre-collection window. */
export function inPreCollectionWindow(preCollection: LedgerPreCollection | undefined, at: Date): boolean {
  return preCollection !== undefined && at.getTime() < Date.parse(preCollection.windowEndsAt);
}
