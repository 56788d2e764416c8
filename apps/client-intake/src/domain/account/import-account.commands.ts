import type { AccountCategory, ClosingCode, Debtor, Invoice, PaymentMethod } from './account.events';

/** A payment made before the import, on the day `paidOn` (YYYY-MM-DD), in the account's currency. */
export interface EarlierPayment {
  paidOn: string;
  amount: number;
  method: PaymentMethod;
}

/** Where the account stands in the system it comes from; `closedOn` is YYYY-MM-DD. */
export type ImportedStatus = { state: 'open' } | { state: 'closed'; closingCode: ClosingCode; closedOn: string };

/**
 * An admin imports an account from the system the agency moves from: the placement as a
 * client would place it (the fields of PlaceAccount), the day it was originally placed,
 * the payments made since and where it stands now. `now` is when the import runs; the
 * business dates are the days given.
 */
export interface ImportAccount {
  type: 'ImportAccount';
  accountId: string;
  clientId: string;
  clientReference: string;
  commercial: boolean;
  debtor: Debtor;
  invoices: Invoice[];
  category?: AccountCategory;
  interest?: number;
  fees?: number;
  costs?: number;
  /** YYYY-MM-DD. */
  placedOn: string;
  payments: EarlierPayment[];
  status: ImportedStatus;
  now: Date;
}
