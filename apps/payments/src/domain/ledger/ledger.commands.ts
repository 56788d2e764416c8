import type { LedgerInvoice, PaymentMethod, ReversalReason } from './ledger.events';

export interface OpenLedger {
  type: 'OpenLedger';
  accountId: string;
  clientId: string;
  currency: string;
  invoices: LedgerInvoice[];
  commissionRateBp: number;
}

export interface ApplyLegalRate {
  type: 'ApplyLegalRate';
  accountId: string;
  rateBp: number;
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
  now: Date;
}

export interface ReversePayment {
  type: 'ReversePayment';
  paymentId: string;
  reason: ReversalReason;
  now: Date;
}

export type LedgerCommand = OpenLedger | ApplyLegalRate | PostPayment | ReversePayment;
