import { Decision, reject } from '@lib/es-core';
import type { RefundCredit } from './ledger.commands';
import type { LedgerEvent } from './ledger.events';
import type { LedgerState } from './ledger.state';

/**
 * An over-payment is owed back to the payer; an accountant refunds it out of trust, in
 * one go or in parts, never more than is owed.
 */
export function decideRefundCredit(command: RefundCredit, state: LedgerState): Decision<LedgerEvent> {
  if (state.status === 'none') return reject('ledger-unknown', 'no ledger for this account');
  if (!Number.isSafeInteger(command.amount) || command.amount < 1) {
    return reject('payment-amount-positive', `a refund is a whole, positive number of minor units, got ${command.amount}`);
  }
  if (command.currency !== state.currency) {
    return reject('currency-mismatch', `the account is kept in ${state.currency}, the refund is in ${command.currency}`);
  }
  if (command.amount > state.creditOwed) {
    return reject('refund-exceeds-credit', `the payer is owed ${state.creditOwed}, the refund is ${command.amount}`, { details: { creditOwed: state.creditOwed } });
  }
  const { accountId, clientId, currency } = state;
  return [
    {
      type: 'CreditRefunded',
      data: { accountId, clientId, refundId: command.refundId, amount: command.amount, currency, creditOwedAfter: state.creditOwed - command.amount, refundedAt: command.now.toISOString() },
    },
  ];
}
