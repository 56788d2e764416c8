import { contract } from '../contract';

/** Published by client-intake, keyed by account id. */
export const INTAKE_ACCOUNTS = 'intake.accounts';

export interface InvoiceV1 {
  number: string;
  issueDate: string;
  dueDate: string;
  originalAmount: number;
  currency: string;
}

export interface AccountPlacedV1 {
  accountId: string;
  clientId: string;
  clientReference: string;
  commercial: boolean;
  debtor: { kind: string; legalName: string; country: string; region?: string };
  invoices: InvoiceV1[];
  currency: string;
  placedAmount: number;
  commissionRateBp: number;
  placedAt: string;
}

export const AccountPlaced = contract<AccountPlacedV1>(INTAKE_ACCOUNTS, 'AccountPlaced.v1', {
  accountId: 'string',
  clientId: 'string',
  clientReference: 'string',
  commercial: 'boolean',
  debtor: { kind: 'string', legalName: 'string', country: 'string', region: 'string?' },
  invoices: { arrayOf: { number: 'string', issueDate: 'date', dueDate: 'date', originalAmount: 'int', currency: 'currency' } },
  currency: 'currency',
  placedAmount: 'int',
  commissionRateBp: 'int',
  placedAt: 'instant',
});

export interface AccountClosedV1 {
  accountId: string;
  clientId: string;
  closingCode: string;
  closedAt: string;
}

export const AccountClosed = contract<AccountClosedV1>(INTAKE_ACCOUNTS, 'AccountClosed.v1', {
  accountId: 'string',
  clientId: 'string',
  closingCode: 'string',
  closedAt: 'instant',
});

/**
 * A closed account is open again. Today only one thing reopens an account: a payment
 * reversed (bounced) after the account closed as paid in full, leaving a balance again.
 * Consumers put the account back where it was before its `AccountClosed`.
 */
export interface AccountReopenedV1 {
  accountId: string;
  clientId: string;
  /** The closing code of the closure this undoes, e.g. `paid-in-full`. */
  previousClosingCode: string;
  /** Why, e.g. `payment-reversed`. */
  reason: string;
  /** The payment whose reversal reopened the account, when a reversal did. */
  paymentId?: string;
  /** What the debtor owes again, minor units, as payments reported it. */
  balance: number;
  reopenedAt: string;
}

export const AccountReopened = contract<AccountReopenedV1>(INTAKE_ACCOUNTS, 'AccountReopened.v1', {
  accountId: 'string',
  clientId: 'string',
  previousClosingCode: 'string',
  reason: 'string',
  paymentId: 'string?',
  balance: 'int',
  reopenedAt: 'instant',
});

export interface LegalReferralAuthorizedV1 {
  accountId: string;
  clientId: string;
  authorizedAt: string;
  /** The client agrees to the suit fee and to advance court costs. */
  agreesToSuitFee: boolean;
  agreesToAdvanceCosts: boolean;
}

export const LegalReferralAuthorized = contract<LegalReferralAuthorizedV1>(INTAKE_ACCOUNTS, 'LegalReferralAuthorized.v1', {
  accountId: 'string',
  clientId: 'string',
  authorizedAt: 'instant',
  agreesToSuitFee: 'boolean',
  agreesToAdvanceCosts: 'boolean',
});
