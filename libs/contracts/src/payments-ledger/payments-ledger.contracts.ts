import { contract } from '../contract';

/** Published by payments, keyed by account id. */
export const PAYMENTS_LEDGER = 'payments.ledger';

export interface PaymentPostedV1 {
  accountId: string;
  clientId: string;
  paymentId: string;
  amount: number;
  currency: string;
  allocations: Array<{ invoiceNumber: string; amount: number }>;
  commission: number;
  /** Over-payment owed back to the payer, minor units. */
  credit: number;
  balanceAfter: number;
  postedAt: string;
}

export const PaymentPosted = contract<PaymentPostedV1>(PAYMENTS_LEDGER, 'PaymentPosted.v1', {
  accountId: 'string',
  clientId: 'string',
  paymentId: 'string',
  amount: 'int',
  currency: 'currency',
  allocations: { arrayOf: { invoiceNumber: 'string', amount: 'int' } },
  commission: 'int',
  credit: 'int',
  balanceAfter: 'int',
  postedAt: 'instant',
});

export interface PaymentReversedV1 {
  accountId: string;
  clientId: string;
  paymentId: string;
  amount: number;
  currency: string;
  commission: number;
  reason: string;
  balanceAfter: number;
  reversedAt: string;
}

export const PaymentReversed = contract<PaymentReversedV1>(PAYMENTS_LEDGER, 'PaymentReversed.v1', {
  accountId: 'string',
  clientId: 'string',
  paymentId: 'string',
  amount: 'int',
  currency: 'currency',
  commission: 'int',
  reason: 'string',
  balanceAfter: 'int',
  reversedAt: 'instant',
});

export interface AccountPaidInFullV1 {
  accountId: string;
  clientId: string;
  paidAt: string;
}

export const AccountPaidInFull = contract<AccountPaidInFullV1>(PAYMENTS_LEDGER, 'AccountPaidInFull.v1', {
  accountId: 'string',
  clientId: 'string',
  paidAt: 'instant',
});
