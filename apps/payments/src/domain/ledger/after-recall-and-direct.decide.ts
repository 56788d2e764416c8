import { Decision, reject } from '@lib/es-core';
import type { PostPayment, RecordCancellationFee } from './ledger.commands';
import type { LedgerEvent } from './ledger.events';
import type { LedgerState } from './ledger.state';
import { decidePostPayment } from './post-payment.decide';

/**
 * A direct payment the client reported: posted like any payment (allocated, reducing the
 * balance, charged from the plan in force), marked direct with its commission owed by the
 * client. Its id is intake's report id, so a redelivered report changes nothing.
 */
export function decideRecordDirectPayment(command: PostPayment, state: LedgerState): Decision<LedgerEvent> {
  if (state.status === 'open' && state.payments.some((p) => p.paymentId === command.paymentId)) return [];
  return decidePostPayment({ ...command, direct: true }, state);
}

/**
 * The cancellation fee of a recall goes on the ledger as owed by the client. A recall
 * that owes none records nothing; the same recall heard twice is recorded once.
 */
export function decideRecordCancellationFee(command: RecordCancellationFee, state: LedgerState): Decision<LedgerEvent> {
  if (state.status === 'none') return reject('ledger-unknown', 'no ledger for this account');
  if (command.amount === 0) return [];
  if (command.currency !== state.currency) return reject('currency-mismatch', `the account is kept in ${state.currency}, the fee is in ${command.currency}`);
  // A recall closes the account for good: one fee per ledger.
  if (state.cancellationFeeOwed > 0) return [];
  const { amount, currency, agreementVersion, recalledAt } = command;
  return [{ type: 'CancellationFeeOwed', data: { accountId: state.accountId, clientId: state.clientId, amount, currency, agreementVersion, recalledAt } }];
}
