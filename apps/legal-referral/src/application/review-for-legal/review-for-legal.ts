import type { DurableScheduler } from '@lib/scheduler';
import { CommandContext, handleCommand } from '@lib/es-core';
import { referralDecider } from '../../domain/referral/referral.decider';
import { ReferralEvent } from '../../domain/referral/referral.events';
import { followUpReviewWorkId, LEGAL_REVIEW, LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';

/**
 * The one way a legal review runs, whether the scheduler or a person asked for it. A review
 * that names a follow-up gets it booked as durable work. The booking is read from the
 * outcome's events, which on a duplicate are the earlier review's: a crash between the
 * review and the booking is healed when the work (or the request) runs again, and booking
 * the same payment's follow-up twice keeps the first.
 */
export async function reviewForLegal(deps: LegalReferralDependencies, scheduler: DurableScheduler, accountId: string, context: CommandContext) {
  const outcome = await handleCommand(deps.eventStore, referralDecider, referralStreamId(accountId), { type: 'ReviewForLegal', now: context.now }, context);
  if (outcome.outcome === 'rejected') return outcome;
  for (const event of outcome.events as unknown as ReferralEvent[]) {
    if (event.type !== 'ReferralNotRecommended' || !event.data.followUpReview) continue;
    const { afterPaymentId, dueAt } = event.data.followUpReview;
    await scheduler.schedule(
      { workId: followUpReviewWorkId(accountId, afterPaymentId), kind: LEGAL_REVIEW, dueAt, payload: { accountId } },
      context.causationId,
      context.correlationId,
    );
  }
  return outcome;
}
