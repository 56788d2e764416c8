import type { Decision } from '@lib/es-core';
import type { ReopenReferralCase } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralCase } from './referral.state';
import { reviewDueAfter } from './review-due';

/**
 * A reopening undoes the closure: the case goes back to the stage it had when it closed
 * (a recommendation, an authorization or a forwarding stands; the authorization and the
 * forwarding check the standing criteria again anyway) and is due a review 45 days on
 * (the legal review workflow books it), since the closure cancelled its reviews. Only a
 * closed case reopens, so a redelivery changes nothing; nor does a reopening older than the
 * closure: it undid an earlier one.
 */
export function decideReopenReferralCase(command: ReopenReferralCase, state: ReferralCase): Decision<ReferralEvent> {
  if (state.stage !== 'closed') return [];
  if (new Date(command.reopenedAt).getTime() < new Date(state.closing.closedAt).getTime()) return [];
  // Payments own the balance. Intake relays payments' figure; it stands in for the reversal
  // it names until that arrives (another topic), but never replaces what payments told us since.
  const reversalNoted = command.paymentId !== null && state.payments.some((p) => p.paymentId === command.paymentId && p.reversed);
  return [
    {
      type: 'ReferralCaseReopened',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        previousClosingCode: command.previousClosingCode,
        reason: command.reason,
        paymentId: command.paymentId,
        balance: reversalNoted ? state.balance : command.balance,
        reopenedAt: command.reopenedAt,
        stage: state.closing.stageBefore,
        reviewDueAt: reviewDueAfter(command.reopenedAt),
      },
    },
  ];
}
