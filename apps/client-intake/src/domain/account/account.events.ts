import type { DomainEvent } from '@lib/es-core';

export interface Invoice {
  number: string;
  issueDate: string;
  dueDate: string;
  /** Minor units. */
  originalAmount: number;
  currency: string;
}

export interface Debtor {
  kind: 'company' | 'person';
  legalName: string;
  taxId?: string;
  country: string;
  region?: string;
  email?: string;
  phone?: string;
}

export type AccountPlaced = DomainEvent<
  'AccountPlaced',
  {
    accountId: string;
    clientId: string;
    clientReference: string;
    commercial: boolean;
    debtor: Debtor;
    invoices: Invoice[];
    currency: string;
    /** Sum of the invoices' original amounts, minor units. */
    placedAmount: number;
    placedAt: string;
    /** Commission rate fixed at placement from the client's agreement, basis points. */
    commissionRateBp: number;
  }
>;

export type AccountClosed = DomainEvent<'AccountClosed', { accountId: string; clientId: string; closingCode: ClosingCode; closedAt: string }>;

/** A closure undone: today only a payment reversed after the account closed as paid in full. */
export type AccountReopened = DomainEvent<
  'AccountReopened',
  {
    accountId: string;
    clientId: string;
    previousClosingCode: ClosingCode;
    reason: ReopeningReason;
    paymentId?: string;
    /** What the debtor owes again, minor units, as payments reported it. */
    balance: number;
    reopenedAt: string;
  }
>;

export type ReopeningReason = 'payment-reversed';

export type LegalReferralAuthorized = DomainEvent<
  'LegalReferralAuthorized',
  { accountId: string; clientId: string; authorizedAt: string; agreesToSuitFee: boolean; agreesToAdvanceCosts: boolean }
>;

export type ClosingCode =
  | 'paid-in-full'
  | 'settled'
  | 'recalled'
  | 'cancelled'
  | 'uncollectible'
  | 'skip-failed'
  | 'bankrupt'
  | 'deceased'
  | 'time-barred'
  | 'disputed-upheld'
  | 'legal-closed';

export type AccountEvent = AccountPlaced | AccountClosed | AccountReopened | LegalReferralAuthorized;
