import type { LedgerPreCollection } from './pre-collection-fee';
import type { AccountCategory, AgreementVersion, HalfFeeCase } from '../commission-plan/agreement';
import type { LedgerInvoice, PaymentMethod, ReversalReason } from './ledger.events';

export interface OpenLedger {
  type: 'OpenLedger';
  accountId: string;
  clientId: string;
  currency: string;
  invoices: LedgerInvoice[];
  commissionRateBp: number;
  /** What a rate plan's tiers look at; without them the ledger's payments keep the placement rate. */
  placedAt?: string;
  placedAmount?: number;
  category?: AccountCategory;
  preCollection?: LedgerPreCollection;
}

export interface ApplyLegalRate {
  type: 'ApplyLegalRate';
  accountId: string;
  rateBp: number;
  /** When legal forwarded the account (the message's `changedAt`); absent: now. */
  forwardedAt?: Date;
  /** The client's agreement versions: a payment to correct is recharged under the version its stamp names. */
  agreements?: readonly AgreementVersion[];
  now: Date;
}

/** The attorney closed its file (legal-referral's stage `closed`); the agreement in force then says whether the legal rate ends. */
export interface EndLegalRate {
  type: 'EndLegalRate';
  accountId: string;
  closedAt: Date;
  agreements: readonly AgreementVersion[];
  now: Date;
}

export interface PostPayment {
  type: 'PostPayment';
  paymentId: string;
  amount: number;
  currency: string;
  method: PaymentMethod;
  /** Invoices the debtor asked this payment to settle, in the order given. */
  designatedInvoices?: string[];
  /** A half-fee case, if the payment is one (the plan decides whether it halves the fee). */
  feeCase?: HalfFeeCase;
  /**
   * The client's agreement versions payments has heard (from its own store); the one in
   * force at `now` decides the commission. Absent: none (the placement rate applies).
   */
  agreements?: readonly AgreementVersion[];
  /** Reported by the client as paid to it directly: posted like any payment, its commission owed by the client. */
  direct?: boolean;
  now: Date;
}

/** Intake says the client recalled the account, owing this cancellation fee. */
export interface RecordCancellationFee {
  type: 'RecordCancellationFee';
  amount: number;
  currency: string;
  agreementVersion: number | null;
  recalledAt: string;
}

export interface ReversePayment {
  type: 'ReversePayment';
  paymentId: string;
  reason: ReversalReason;
  /**
   * The payments of the account's client already remitted, by payment id, with the
   * remittance that paid each out (from RemittanceIssued, see trust-ledger/remittance.ts).
   * Absent: none remitted.
   */
  remitted?: ReadonlyMap<string, string>;
  now: Date;
}

/** An accountant pays back (part of) the over-payment credit owed to the payer. */
export interface RefundCredit {
  type: 'RefundCredit';
  refundId: string;
  amount: number;
  currency: string;
  now: Date;
}

/** Intake says the client added an invoice to the account: one more open item. */
export interface AddLedgerInvoice {
  type: 'AddLedgerInvoice';
  invoice: LedgerInvoice;
  currency: string;
  now: Date;
}

/** Intake says the client adjusted the balance: `amount` is signed minor units (up: owed more). */
export interface AdjustOpenBalance {
  type: 'AdjustOpenBalance';
  adjustmentId: string;
  amount: number;
  currency: string;
  reason: string;
  /** `settlement-write-off`: what a paid settlement left, written off; `write-off`: a write-off a supervisor approved; absent: any other adjustment. */
  kind?: 'settlement-write-off' | 'write-off';
  now: Date;
}

export type LedgerCommand = OpenLedger | ApplyLegalRate | EndLegalRate | PostPayment | ReversePayment | RecordCancellationFee | RefundCredit | AddLedgerInvoice | AdjustOpenBalance;
