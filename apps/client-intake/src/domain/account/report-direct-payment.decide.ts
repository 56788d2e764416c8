import { Decision, reject } from '@lib/es-core';
import type { ReportDirectPayment } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';

/**
 * The client reports that the debtor paid it directly. Accepted on a closed account too:
 * the agency earns its commission on a direct payment whenever the debtor made it while
 * the account was placed, and a client often learns of it late.
 */
export function decideReportDirectPayment(command: ReportDirectPayment, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none' || state.placement.clientId !== command.clientId) return reject('account-unknown', 'no such account');
  if (!Number.isSafeInteger(command.amount) || command.amount < 1) return reject('payment-amount-positive', `a payment is a whole, positive number of minor units, got ${command.amount}`);
  if (command.currency !== state.placement.currency) {
    return reject('currency-mismatch', `the account is kept in ${state.placement.currency}, the payment is in ${command.currency}`);
  }
  const today = command.now.toISOString().slice(0, 10);
  if (command.paidOn > today) return reject('direct-payment-in-future', `the debtor cannot have paid on ${command.paidOn}, after today (${today})`);
  if (command.paidOn < state.placement.placedAt.slice(0, 10)) {
    return reject('direct-payment-before-placement', `a payment on ${command.paidOn} was made before the account was placed; report it as a balance adjustment`);
  }
  const { accountId, clientId } = state.placement;
  const { reportId, amount, currency, method, paidOn } = command;
  return [{ type: 'DirectPaymentReported', data: { accountId, clientId, reportId, amount, currency, method, paidOn, reportedAt: command.now.toISOString() } }];
}
