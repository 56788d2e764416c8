import type { CreditRefunded, PaymentReversed } from '../ledger/ledger.events';
import type { CommissionCorrected } from '../ledger/commission-corrected';
import type { CostAdvanceTrustInput } from './cost-advances';
import type { RemittanceIssued } from './remittance';
import type { TrustPaymentPosted } from './trust-ledger';

const AT = '2026-06-01T09:00:00.000Z';

/** A payment as the trust ledger reads it: `applied` paid the balance, `credit` is over-payment. */
export function paid(paymentId: string, o: { clientId?: string; applied: number; commission: number; credit?: number; direct?: boolean; currency?: string; accountId?: string }): TrustPaymentPosted {
  const credit = o.credit ?? 0;
  return {
    type: 'PaymentPosted.v2',
    data: {
      accountId: o.accountId ?? `acc-${paymentId}`,
      clientId: o.clientId ?? 'client-1',
      paymentId,
      amount: o.applied + credit,
      currency: o.currency ?? 'USD',
      method: 'ach',
      allocations: o.applied > 0 ? [{ invoiceNumber: 'INV-1', amount: o.applied }] : [],
      commission: o.commission,
      commissionRateBp: 2_500,
      credit,
      balanceAfter: 0,
      postedAt: AT,
      clearsAt: AT,
      ...(o.direct ? { direct: true } : {}),
    },
  };
}

/** The reversal the ledger decider writes for `payment`: the same amounts. */
export function reversed(payment: TrustPaymentPosted, stage: 'in-hold' | 'cleared' | 'remitted' = 'cleared'): PaymentReversed {
  const { accountId, clientId, paymentId, amount, currency, allocations, commission, credit } = payment.data;
  return { type: 'PaymentReversed', data: { accountId, clientId, paymentId, amount, currency, allocations, commission, credit, reason: 'nsf', balanceAfter: 0, reversedAt: AT, stage } };
}

export function refunded(payment: TrustPaymentPosted, amount: number, refundId = `ref-${payment.data.paymentId}`): CreditRefunded {
  const { accountId, clientId, currency } = payment.data;
  return { type: 'CreditRefunded', data: { accountId, clientId, refundId, amount, currency, creditOwedAfter: 0, refundedAt: AT } };
}

export function remitted(remittanceId: string, clientId: string, paymentIds: string[], currency = 'USD'): RemittanceIssued {
  return { type: 'RemittanceIssued', data: { remittanceId, clientId, currency, paymentIds, issuedAt: AT } };
}

/** A cost advance's money moving in or out of trust for `clientId`. */
export function advanceMoved(step: 'received' | 'spent' | 'refunded', advanceId: string, clientId: string, amount: number, currency = 'USD'): CostAdvanceTrustInput {
  const ref = { advanceId, accountId: `acc-${advanceId}`, clientId, currency, amount, heldAfter: 0 };
  if (step === 'received') return { type: 'CostAdvanceReceived', data: { ...ref, receivedAt: AT } };
  if (step === 'spent') return { type: 'CostAdvanceSpent', data: { ...ref, paidTo: 'Clerk of Court', spentAt: AT } };
  return { type: 'CostAdvanceRefunded', data: { ...ref, refundedAt: AT } };
}

/** The correction the ledger decider writes when `payment`'s commission becomes `commission`. */
export function corrected(payment: TrustPaymentPosted, commissionBefore: number, commission: number): CommissionCorrected {
  const { accountId, clientId, paymentId, currency, direct } = payment.data;
  return {
    type: 'CommissionCorrected',
    data: { accountId, clientId, paymentId, currency, commissionBefore, commission, difference: commission - commissionBefore, commissionRateBp: 4_000, plan: null, cause: 'legal-rate-from-forwarding', effectiveFrom: AT, correctedAt: AT, ...(direct ? { direct: true as const } : {}) },
  };
}
