import type { Decision } from '@lib/es-core';
import type { NotePayment } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralCase } from './referral.state';

/** A payment lowers the balance and restarts the 45 quiet days; noted once however often it is reported. */
export function decideNotePayment(command: NotePayment, state: ReferralCase): Decision<ReferralEvent> {
  if (state.payments.some((p) => p.paymentId === command.paymentId)) return [];
  const { paymentId, amount, balanceAfter, paidAt } = command;
  return [{ type: 'PaymentNoted', data: { accountId: state.accountId, paymentId, amount, balanceAfter, paidAt } }];
}
