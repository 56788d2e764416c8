import type { DurableScheduler } from '@lib/scheduler';
import { AccountClosed } from '@lib/contracts';
import { handleCommand } from '@lib/es-core';
import { on } from '@lib/integration';
import { referralDecider } from '../../domain/referral/referral.decider';
import { followUpReviewWorkId, legalReviewWorkId, LegalReferralDependencies, referralStreamId, reopenedReviewWorkId } from '../../legal-referral.dependencies';
import { retryUntilOpened } from './retry-until-opened';

/**
 * A closed account leaves the legal pipeline; its pending reviews (the day-45 one, every
 * follow-up a recent payment booked, and the one each reopening booked) have nothing left
 * to decide. Cancelling work that has already fired or been cancelled changes nothing, so
 * a redelivery cancels again safely. A redelivery that finds the case open again (a later
 * reopening was handled after this closure, so this closure's cancelling was done) cancels
 * nothing: the pending review is the reopening's.
 */
export const closeReferralCase = (deps: LegalReferralDependencies, scheduler: DurableScheduler) =>
  on(AccountClosed, async (data, context) => {
    const outcome = await handleCommand(
      deps.eventStore,
      referralDecider,
      referralStreamId(data.accountId),
      { type: 'CloseReferralCase', closingCode: data.closingCode, closedAt: data.closedAt },
      context,
    );
    retryUntilOpened(data.accountId, outcome);
    if (outcome.state.stage !== 'closed') return;
    await scheduler.cancel(legalReviewWorkId(data.accountId), context.causationId);
    for (const followUp of outcome.state.followUpReviews) {
      await scheduler.cancel(followUpReviewWorkId(data.accountId, followUp.afterPaymentId), context.causationId);
    }
    for (let reopening = 1; reopening <= outcome.state.reopenings.length; reopening++) {
      await scheduler.cancel(reopenedReviewWorkId(data.accountId, reopening), context.causationId);
    }
  });
