import type { DomainEvent } from '@lib/es-core';

/** Net deducts commission from what is paid out; gross pays everything and invoices it; combined is net on agency collections and invoices direct-payment commission. */
export type RemittanceType = 'net' | 'gross' | 'combined';
export const REMITTANCE_TYPES: readonly RemittanceType[] = ['net', 'gross', 'combined'];

/**
 * A remittance statement issued to a client, in the client's `remittances-<clientId>`
 * stream, written by the remittance run (`domain/remittance/`). It names what it lists;
 * the figures of each line are the payments' own events, so the statement is derived
 * from history and re-rendered from it byte for byte (docs/payments.md, "Remittance runs").
 *
 * Only `paymentIds` was there before the run existed: a statement without `remittanceType`
 * is read as a net statement that settles nothing else (the trust ledger's property test
 * still feeds that shape).
 */
export type RemittanceIssued = DomainEvent<
  'RemittanceIssued',
  {
    remittanceId: string;
    clientId: string;
    currency: string;
    /** The agency-collected payments whose money this statement paid out (the client's share) and took as fee. */
    paymentIds: string[];
    issuedAt: string;
    remittanceType?: RemittanceType;
    /** Direct payments whose commission this statement settles (netted or invoiced). */
    directPaymentIds?: string[];
    /**
     * Reversals after remittance this statement claws back, each traced to the remittance
     * that paid it out; `commission` is the commission as the client's statements settled
     * it, when that is not the posted one (absent: as posted).
     */
    clawbacks?: Array<{ paymentId: string; remittanceId: string; commission?: number }>;
    /**
     * The commission a listed payment (agency or direct) stood charged at when the statement
     * was issued, for each one a `CommissionCorrected` changed since its posting; the others
     * stand as posted. Recorded, so the statement re-renders the same whatever is corrected later.
     */
    commissions?: Array<{ paymentId: string; commission: number }>;
    /**
     * Commissions corrected after an earlier statement paid the payment out (agency) or
     * settled its commission (direct), each traced to that statement: settled here as the
     * type settles commission (docs/payments.md, "Remittance runs").
     */
    commissionCorrections?: CommissionCorrectionLine[];
    /** Per client, 1, 2, 3, ... in issue order. */
    statementNumber?: number;
    periodStart?: string;
    periodEnd?: string;
    /** The agreement version whose remittance type applied; null: the default agreement (net). */
    agreementVersion?: number | null;
    totals?: RemittanceTotals;
    /** SHA-256 (hex) of the statement's CSV and PDF renderings as issued. */
    csvSha256?: string;
    pdfSha256?: string;
  }
>;

/** A commission corrected after a statement settled the payment: from what that statement (or a later correction line) settled, to what it is now. */
export interface CommissionCorrectionLine {
  paymentId: string;
  /** The statement that paid the payment out or settled its commission. */
  remittanceId: string;
  direct: boolean;
  commissionBefore: number;
  commission: number;
  /**
   * The direct payment was reversed after the statement settled its commission: the line
   * takes that commission back (`commission` 0). Absent on every other line.
   */
  reversed?: true;
}

/** A statement's figures, minor units of its currency. */
export interface RemittanceTotals {
  /** Amounts applied by the agency payments listed (over-payment credit excluded). */
  agencyCollected: number;
  agencyCommission: number;
  /** The clients' share of them: collected − commission. */
  agencyClientShare: number;
  directCollected: number;
  directCommission: number;
  /** The client shares of claw-backs: money paid out for payments that later bounced. */
  clawedBack: number;
  /** Commission kept out of trust from the agency collections (0 in gross). */
  commissionDeducted: number;
  /** What the client owed (claw-backs, and direct commission in net) taken off this payout. */
  netted: number;
  /** What leaves trust for the client. */
  paidToClient: number;
  /** What the client is invoiced (commission invoiced by the type, and what the payout could not cover). */
  invoiced: number;
  /**
   * Commission corrected after an earlier statement, on agency and on direct payments
   * (signed). Present only on a statement that lists corrections, so a statement without
   * them renders as statements always have.
   */
  agencyCommissionCorrected?: number;
  directCommissionCorrected?: number;
}

/** The invoice a statement raises when the client owes the agency: gross or direct commission, or a negative net. */
export type ClientInvoiced = DomainEvent<
  'ClientInvoiced',
  {
    invoiceId: string;
    remittanceId: string;
    clientId: string;
    currency: string;
    amount: number;
    /** Commission invoiced by the remittance type, and the part of the claw-backs and netted commission the payout could not cover. */
    commissionInvoiced: number;
    shortfall: number;
    invoicedAt: string;
  }
>;

export type RemittancesEvent = RemittanceIssued | ClientInvoiced;

export const remittancesStreamId = (clientId: string) => `remittances-${clientId}`;

/** Payment id to the id of the remittance that paid it out, from a client's issued statements. */
export function remittedPayments(events: ReadonlyArray<{ type: string; data: unknown }>): Map<string, string> {
  const remitted = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'RemittanceIssued') continue;
    const { remittanceId, paymentIds } = (event as RemittanceIssued).data;
    for (const paymentId of paymentIds) if (!remitted.has(paymentId)) remitted.set(paymentId, remittanceId);
  }
  return remitted;
}

/**
 * How a statement's money moves, from the sums of what it lists (one place, used by the
 * statement and by the trust ledger's entry, so the two always agree). Claw-backs, and in
 * net the direct-payment commission, are taken off the payout; what it cannot cover is
 * invoiced with the commission the type invoices.
 */
export function remittanceMoney(
  type: RemittanceType,
  sums: { agencyClientShare: number; agencyCommission: number; directCommission: number; clawedBack: number; agencyCommissionCorrected?: number; directCommissionCorrected?: number },
) {
  const gross = type === 'gross';
  // A commission corrected after its statement is settled as that kind of commission is: taken off the payout, or invoiced.
  const agencyCorrected = sums.agencyCommissionCorrected ?? 0;
  const directCorrected = sums.directCommissionCorrected ?? 0;
  const commissionDeducted = gross ? 0 : sums.agencyCommission;
  const payoutBase = sums.agencyClientShare + (gross ? sums.agencyCommission : 0);
  const owed = sums.clawedBack + (type === 'net' ? sums.directCommission + directCorrected : 0) + (gross ? 0 : agencyCorrected);
  const netted = Math.min(payoutBase, owed);
  const paidToClient = payoutBase - netted;
  const shortfall = owed - netted;
  const commissionInvoiced = (gross ? sums.agencyCommission + agencyCorrected : 0) + (type === 'net' ? 0 : sums.directCommission + directCorrected);
  return { commissionDeducted, netted, paidToClient, shortfall, commissionInvoiced, invoiced: commissionInvoiced + shortfall };
}
