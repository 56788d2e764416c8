import { Decision, reject } from '@lib/es-core';
import type { ReversePayment } from './ledger.commands';
import type { LedgerEvent, ReversalStage } from './ledger.events';
import { balanceOf, LedgerState } from './ledger.state';

/** The rules a reversal is judged by (an unknown payment is not found, not a rule): a recorded reversal passed them. */
export const REVERSE_PAYMENT_RULES = ['payment-already-reversed'] as const;

/**
 * A bounced payment comes off exactly as it went on: the same allocations, the same
 * commission and the same credit, whatever the rate is today. Where the money stood is
 * recorded: inside the hold the payment is undone before it could be remitted; once
 * remitted, the reversal is a claw-back traced to the remittance that paid it out.
 */
export function decideReversePayment(command: ReversePayment, state: LedgerState): Decision<LedgerEvent> {
  if (state.status === 'none') return reject('ledger-unknown', 'no ledger for this account');
  const payment = state.payments.find((p) => p.paymentId === command.paymentId);
  if (!payment) return reject('payment-unknown', `no payment ${command.paymentId} on this account`);
  if (payment.reversal) {
    return reject('payment-already-reversed', `payment ${command.paymentId} was reversed at ${payment.reversal.reversedAt} (${payment.reversal.reason})`);
  }
  const restored = payment.allocations.reduce((sum, a) => sum + a.amount, 0);
  const remittanceId = command.remitted?.get(payment.paymentId);
  const stage: ReversalStage = remittanceId !== undefined ? 'remitted' : payment.clearsAt !== undefined && command.now.getTime() < Date.parse(payment.clearsAt) ? 'in-hold' : 'cleared';
  return [
    {
      type: 'PaymentReversed',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        paymentId: payment.paymentId,
        amount: payment.amount,
        currency: state.currency,
        allocations: payment.allocations,
        commission: payment.commission,
        credit: payment.credit,
        reason: command.reason,
        balanceAfter: balanceOf(state) + restored,
        reversedAt: command.now.toISOString(),
        stage,
        ...(remittanceId !== undefined ? { remittanceId } : {}),
      },
    },
  ];
}
