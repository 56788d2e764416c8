import type { AccountCategory, ClosingCode, Debtor, Invoice } from './account.events';

/** Commands on an account. Times arrive on them; the decider reads no clock. */
export interface PlaceAccount {
  type: 'PlaceAccount';
  accountId: string;
  clientId: string;
  clientReference: string;
  commercial: boolean;
  debtor: Debtor;
  invoices: Invoice[];
  /** Absent: `standard`. */
  category?: AccountCategory;
  /** Owed beside the invoices' principal, minor units; absent: none. */
  interest?: number;
  fees?: number;
  costs?: number;
  now: Date;
}

export interface CloseAccount {
  type: 'CloseAccount';
  closingCode: ClosingCode;
  now: Date;
}

/** Payments reversed a payment; `balanceAfter` is what the account owes after the reversal. */
export interface ReopenAfterReversal {
  type: 'ReopenAfterReversal';
  paymentId: string;
  balanceAfter: number;
  now: Date;
}

export interface AuthorizeLegalReferral {
  type: 'AuthorizeLegalReferral';
  clientId: string;
  agreesToSuitFee: boolean;
  agreesToAdvanceCosts: boolean;
  now: Date;
}

export type AccountCommand = PlaceAccount | CloseAccount | ReopenAfterReversal | AuthorizeLegalReferral;
