import type { Decision } from '@lib/es-core';
import type { NotePaymentReversal } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralCase } from './referral.state';

/** A bounced payment restores the balance and no longer counts as a payment. */
export function decideNotePaymentReversal(command: NotePaymentReversal, state: ReferralCase): Decision<ReferralEvent> {
  if (state.payments.some((p) => p.paymentId === command.paymentId && p.reversed)) return [];
  // Payments owns the balance: its figure after the reversal is taken even for a payment this case never saw.
  const { paymentId, amount, balanceAfter, reversedAt } = command;
  return [{ type: 'PaymentReversalNoted', data: { accountId: state.accountId, paymentId, amount, balanceAfter, reversedAt } }];
}
