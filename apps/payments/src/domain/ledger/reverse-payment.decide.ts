import { Decision, reject } from '@lib/es-core';
import type { ReversePayment } from './ledger.commands';
import type { LedgerEvent } from './ledger.events';
import { balanceOf, LedgerState } from './ledger.state';

/**
 * A bounced payment comes off exactly as it went on: the same allocations, the same
 * commission and the same credit, whatever the rate is today.
 */
export function decideReversePayment(command: ReversePayment, state: LedgerState): Decision<LedgerEvent> {
  if (state.status === 'none') return reject('ledger-unknown', 'no ledger for this account');
  const payment = state.payments.find((p) => p.paymentId === command.paymentId);
  if (!payment) return reject('payment-unknown', `no payment ${command.paymentId} on this account`);
  if (payment.reversal) {
    return reject('payment-already-reversed', `payment ${command.paymentId} was reversed at ${payment.reversal.reversedAt} (${payment.reversal.reason})`);
  }
  const restored = payment.allocations.reduce((sum, a) => sum + a.amount, 0);
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
      },
    },
  ];
}
