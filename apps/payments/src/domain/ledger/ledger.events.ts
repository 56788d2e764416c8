import type { DomainEvent } from '@lib/es-core';
import type { AccountCategory, HalfFeeCase } from '../commission-plan/agreement';
import type { PlanStamp } from '../commission-plan/commission';
import type { LedgerPreCollection, PreCollectionFeeOwed } from './pre-collection-fee';
import type { CommissionCorrected } from './commission-corrected';

/** An invoice as the ledger opens it; `amount` is the original amount, minor units. */
export interface LedgerInvoice {
  number: string;
  dueDate: string;
  amount: number;
}

export interface Allocation {
  invoiceNumber: string;
  /** Minor units taken off this invoice's open amount. */
  amount: number;
}

/** `attorney`: collected by the receiving attorney and sent on from the attorney's trust account. */
export type PaymentMethod = 'ach' | 'card' | 'check' | 'wire' | 'cash' | 'attorney';
export type ReversalReason = 'nsf' | 'chargeback' | 'error';

/** The placement's invoices become the opening balance of the account's ledger. */
export type LedgerOpened = DomainEvent<
  'LedgerOpened',
  {
    accountId: string;
    clientId: string;
    currency: string;
    invoices: LedgerInvoice[];
    /** The rate fixed at placement, basis points: the commission of a payment no plan covers. */
    commissionRateBp: number;
    /**
     * What a rate plan's tiers look at, fixed at placement. Absent on ledgers opened
     * before plans existed: their payments keep the placement rate.
     */
    placedAt?: string;
    placedAmount?: number;
    /** `standard` when the placement named none. */
    category?: AccountCategory;
    /** Set when the account was placed as pre-collection (pre-collection-fee.ts). */
    preCollection?: LedgerPreCollection;
  }
>;

/** The account went to an attorney: later collections earn the legal rate. */
export type LegalRateApplied = DomainEvent<'LegalRateApplied', { accountId: string; rateBp: number; appliedAt: string }>;

/**
 * The attorney closed its file and the client's agreement (`agreementVersion`, in force at
 * the closing) ends the legal rate then: later collections earn the contingency rate again.
 * `rateBp`: the placement's rate, for payments no plan covers.
 */
export type LegalRateEnded = DomainEvent<'LegalRateEnded', { accountId: string; rateBp: number; endedAt: string; agreementVersion: number }>;

/**
 * A payment as posted. The rate and the commission are written down, not recomputed
 * on read, so history gives the same figures after a rate change. Version 2: the rate is
 * `commissionRateBp` (v1 called it `rateBp`; see ledger.events.v1.ts and ledger.upcasters.ts).
 */
export type PaymentPosted = DomainEvent<
  'PaymentPosted.v2',
  {
    accountId: string;
    clientId: string;
    paymentId: string;
    amount: number;
    currency: string;
    method: PaymentMethod;
    allocations: Allocation[];
    commission: number;
    /** The rate the commission was charged at, basis points (under a plan: the tier's, see commission.ts). */
    commissionRateBp: number;
    /**
     * The client's rate plan the commission came from: plan id, agreement version, tier.
     * Null when no plan covered the payment (the placement rate was charged); absent on
     * payments posted before plans existed, which means the same.
     */
    plan?: PlanStamp | null;
    /** A half-fee case the payment was posted as (returned merchandise, paid before placement); absent means none. */
    feeCase?: HalfFeeCase | null;
    /** Over-payment owed back to the payer. */
    credit: number;
    balanceAfter: number;
    postedAt: string;
    /** The debtor paid the client, who reported it: no money in the trust account. Absent: the agency collected it. */
    direct?: boolean;
    /**
     * Who pays the commission: `client` for a direct payment (invoiced to the client),
     * absent (or `collections`) when it is deducted from the money the agency collected.
     */
    commissionOwedBy?: CommissionOwedBy;
    /**
     * When the funds clear: `postedAt` plus the cleared-funds hold days of the agreement
     * in force for the method (docs/payments.md, "Cleared funds"). Absent on payments
     * posted before holds were kept: they count as cleared.
     */
    clearsAt?: string;
    /** Posted inside the pre-collection window: commission 0, the flat fee covers it. Absent: a third-party payment. */
    preCollection?: true;
  }
>;

export type CommissionOwedBy = 'collections' | 'client';

/** The client recalled the account after work began: the agreement's cancellation fee is owed by the client. */
export type CancellationFeeOwed = DomainEvent<
  'CancellationFeeOwed',
  { accountId: string; clientId: string; amount: number; currency: string; agreementVersion: number | null; recalledAt: string }
>;

export type AccountPaidInFull = DomainEvent<'AccountPaidInFull', { accountId: string; clientId: string; paidAt: string }>;

/** Mirrors a posted payment exactly: its allocations, commission and credit come off again. */
export type PaymentReversed = DomainEvent<
  'PaymentReversed',
  {
    accountId: string;
    clientId: string;
    paymentId: string;
    amount: number;
    currency: string;
    allocations: Allocation[];
    commission: number;
    credit: number;
    reason: ReversalReason;
    balanceAfter: number;
    reversedAt: string;
    /**
     * Where the money was when it bounced: `in-hold` (funds not yet cleared: undone before
     * it could ever be remitted), `cleared` (in trust, not yet remitted) or `remitted`
     * (already paid out: a claw-back on the next statement, traced by `remittanceId`).
     * Absent on reversals recorded before holds were kept.
     */
    stage?: ReversalStage;
    remittanceId?: string;
  }
>;

export type ReversalStage = 'in-hold' | 'cleared' | 'remitted';

/** An accountant refunded (part of) the over-payment credit owed back to the payer, out of trust. */
export type CreditRefunded = DomainEvent<
  'CreditRefunded',
  { accountId: string; clientId: string; refundId: string; amount: number; currency: string; creditOwedAfter: number; refundedAt: string }
>;

/** An invoice the client added after placement, opened as a new open item. */
export type LedgerInvoiceAdded = DomainEvent<'LedgerInvoiceAdded', { accountId: string; clientId: string; invoice: LedgerInvoice; currency: string; balanceAfter: number; addedAt: string }>;

/**
 * The client adjusted the balance, with its reason. Up: a new open item
 * (`openItem`, due the day of the adjustment, so payments reach it after the invoices
 * already due). Down: taken off the open items as a payment would be (`allocations`,
 * oldest first), never below zero: `applied` is what came off, at most the open balance.
 */
export type OpenBalanceAdjusted = DomainEvent<
  'OpenBalanceAdjusted',
  {
    accountId: string;
    clientId: string;
    adjustmentId: string;
    /** Signed, as the client asked. */
    amount: number;
    /** Signed, what changed the balance: `amount`, or less down when payments posted since intake decided. */
    applied: number;
    currency: string;
    reason: string;
    openItem: LedgerInvoice | null;
    allocations: Allocation[];
    balanceAfter: number;
    adjustedAt: string;
    /** `settlement-write-off`: the rest of a paid settlement written off; `write-off`: a write-off a supervisor approved. Absent on other adjustments (and on those stored before it existed). */
    kind?: 'settlement-write-off' | 'write-off';
  }
>;

export type LedgerEvent = LedgerOpened | LegalRateApplied | LegalRateEnded | PaymentPosted | AccountPaidInFull | PaymentReversed | CancellationFeeOwed | CreditRefunded | LedgerInvoiceAdded | OpenBalanceAdjusted | PreCollectionFeeOwed | CommissionCorrected;
