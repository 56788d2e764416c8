import type { DomainEvent } from '@lib/es-core';

/**
 * A payment the debtor made before the agency took the account over from another system
 * (a migration import). Payments posts it as an imported payment, under `paymentId`, at
 * its business date `paidOn`: allocated and charged commission like any payment, by the
 * plan in force that day.
 */
export type EarlierPaymentImported = DomainEvent<
  'EarlierPaymentImported',
  {
    accountId: string;
    clientId: string;
    paymentId: string;
    /** Minor units of the account's currency. */
    amount: number;
    currency: string;
    /** One of account.events' PaymentMethod, written out: account.events imports this file. */
    method: 'ach' | 'card' | 'check' | 'wire' | 'cash';
    /** The day the debtor paid (YYYY-MM-DD), the payment's business date. */
    paidOn: string;
    /** When the import recorded it. */
    importedAt: string;
  }
>;
