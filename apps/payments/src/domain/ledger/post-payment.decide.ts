import { Decision, reject } from '@lib/es-core';
import { percentOf } from '@lib/money';
import { allocate } from './allocate';
import type { PostPayment } from './ledger.commands';
import type { AccountPaidInFull, LedgerEvent, PaymentPosted } from './ledger.events';
import { balanceOf, LedgerState } from './ledger.state';

/**
 * Posts a payment: allocation, commission at the rate in force now, credit for any
 * over-payment, and the paid-in-full announcement when the balance reaches zero (once, and
 * again only after a reversal reopened it).
 */
export function decidePostPayment(command: PostPayment, state: LedgerState): Decision<LedgerEvent> {
  if (state.status === 'none') return reject('ledger-unknown', 'no ledger for this account');
  if (!Number.isSafeInteger(command.amount) || command.amount < 1) {
    return reject('payment-amount-positive', `a payment is a whole, positive number of minor units, got ${command.amount}`);
  }
  if (command.currency !== state.currency) {
    return reject('currency-mismatch', `the account is kept in ${state.currency}, the payment is in ${command.currency}`);
  }
  if (state.payments.some((p) => p.paymentId === command.paymentId)) {
    return reject('payment-id-unique', `payment ${command.paymentId} is already posted`);
  }
  const balance = balanceOf(state);
  if (balance === 0) return reject('account-paid', 'the balance is already paid in full');
  const known = new Set(state.invoices.map((i) => i.number));
  const unknown = (command.designatedInvoices ?? []).filter((number) => !known.has(number));
  if (unknown.length > 0) {
    return reject('unknown-invoice', `no such invoice on this account: ${unknown.join(', ')}`, { details: { unknownInvoices: unknown } });
  }

  const { allocations, credit } = allocate(command.amount, state.invoices, command.designatedInvoices);
  const applied = command.amount - credit;
  const balanceAfter = balance - applied;
  const posted: PaymentPosted = {
    type: 'PaymentPosted.v2',
    data: {
      accountId: state.accountId,
      clientId: state.clientId,
      paymentId: command.paymentId,
      amount: command.amount,
      currency: command.currency,
      method: command.method,
      allocations,
      // "No recovery, no fee": the credit owed back is not a recovery.
      commission: percentOf(applied, state.rateBp),
      commissionRateBp: state.rateBp,
      credit,
      balanceAfter,
      postedAt: command.now.toISOString(),
    },
  };
  if (balanceAfter > 0 || state.paidInFullAnnounced) return [posted];
  const paid: AccountPaidInFull = { type: 'AccountPaidInFull', data: { accountId: state.accountId, clientId: state.clientId, paidAt: command.now.toISOString() } };
  return [posted, paid];
}
