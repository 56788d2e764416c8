import type { DomainEvent } from '@lib/es-core';

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

export type PaymentMethod = 'ach' | 'card' | 'check' | 'wire' | 'cash';
export type ReversalReason = 'nsf' | 'chargeback' | 'error';

/** The placement's invoices become the opening balance of the account's ledger. */
export type LedgerOpened = DomainEvent<
  'LedgerOpened',
  {
    accountId: string;
    clientId: string;
    currency: string;
    invoices: LedgerInvoice[];
    /** The rate fixed at placement, basis points. */
    commissionRateBp: number;
  }
>;

/** The account went to an attorney: later collections earn the legal rate. */
export type LegalRateApplied = DomainEvent<'LegalRateApplied', { accountId: string; rateBp: number; appliedAt: string }>;

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
    /** The rate the commission was charged at, basis points. */
    commissionRateBp: number;
    /** Over-payment owed back to the payer. */
    credit: number;
    balanceAfter: number;
    postedAt: string;
  }
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
  }
>;

export type LedgerEvent = LedgerOpened | LegalRateApplied | PaymentPosted | AccountPaidInFull | PaymentReversed;
