import type { PaymentPostedV2, PaymentReversedV2 } from '@lib/contracts';

/**
 * What a payment collected toward the debt: the amount allocated to the invoices. An
 * over-payment's credit is owed back to the payer, not recovered, so a recovery rate
 * built on this never passes 100% of what was placed (docs/domain.md, "Money").
 */
export const collectedBy = (payment: Pick<PaymentPostedV2, 'amount' | 'credit'>): number => payment.amount - payment.credit;

/**
 * What a reversal takes back off `collected`: exactly what its payment counted. A
 * reversal upcast from v1 carries neither credit nor allocations: then its whole amount,
 * the only figure it has.
 */
export function uncollectedBy(reversal: Pick<PaymentReversedV2, 'amount' | 'credit' | 'allocations'>): number {
  if (reversal.credit !== null) return reversal.amount - reversal.credit;
  if (reversal.allocations !== null) return reversal.allocations.reduce((sum, allocation) => sum + allocation.amount, 0);
  return reversal.amount;
}
