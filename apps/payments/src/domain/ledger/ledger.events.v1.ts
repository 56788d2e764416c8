import type { DomainEvent } from '@lib/es-core';
import type { Allocation, PaymentMethod } from './ledger.events';

/**
 * Stored shapes the ledger no longer writes, exactly as the code before them wrote them.
 * They stay because the stores keep every event forever; `ledgerUpcasters` reads them as
 * today's shapes. Never change one: it is a record of what is on disk.
 */

/** `PaymentPosted` as stored until `PaymentPosted.v2`: the charged rate is called `rateBp`. */
export type PaymentPostedV1 = DomainEvent<
  'PaymentPosted',
  {
    accountId: string;
    clientId: string;
    paymentId: string;
    amount: number;
    currency: string;
    method: PaymentMethod;
    allocations: Allocation[];
    commission: number;
    rateBp: number;
    /** Over-payment owed back to the payer. */
    credit: number;
    balanceAfter: number;
    postedAt: string;
  }
>;
