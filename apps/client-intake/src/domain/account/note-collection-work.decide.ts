import type { Decision } from '@lib/es-core';
import type { NoteContactAttempt, NotePayment } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';

/**
 * Payments posted a payment: intake notes it for the recall rules (cleared-funds hold,
 * whether work began, the balance recalled). A redelivered message, or one for an account
 * intake does not have, changes nothing.
 */
export function decideNotePayment(command: NotePayment, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none' || state.standing.payments.some((p) => p.paymentId === command.paymentId)) return [];
  const { paymentId, method, amount, balanceAfter, postedAt } = command;
  return [{ type: 'PaymentNoted', data: { accountId: state.placement.accountId, paymentId, method, amount, balanceAfter, postedAt } }];
}

/** Debtor contact recorded a contact attempt: work began. Only the first is kept; the rest change nothing the rules read. */
export function decideNoteContactAttempt(command: NoteContactAttempt, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none' || state.standing.workBegan) return [];
  const { attemptId, channel, occurredAt } = command;
  return [{ type: 'ContactAttemptNoted', data: { accountId: state.placement.accountId, attemptId, channel, occurredAt } }];
}
