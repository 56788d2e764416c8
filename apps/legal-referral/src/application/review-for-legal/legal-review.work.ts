import type { Principal } from '@lib/es-core';
import type { DurableScheduler, ScheduledWork, WorkHandler } from '@lib/scheduler';
import { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { reviewForLegal } from './review-for-legal';

const SCHEDULED_REVIEW: Principal = { role: 'system', id: 'legal-review-scheduler' };

/**
 * The legal review due 45 days after placement, or a follow-up one booked by a review that
 * a recent payment held back (the same kind of work, each with its own work id). The work
 * id is the causation and the command dedupes by it: a crash after the review but before
 * the scheduler marks the work fired re-runs this handler, which then finds its review
 * already recorded (and books its follow-up, if any, again: the first booking stands).
 * A refusal (the client already authorized suit) leaves nothing to do: the work is done.
 */
export const runScheduledLegalReview =
  (deps: LegalReferralDependencies, scheduler: DurableScheduler): WorkHandler =>
  async (work: ScheduledWork, firedAt: Date) => {
    await reviewForLegal(deps, scheduler, String(work.payload.accountId), {
      principal: SCHEDULED_REVIEW,
      correlationId: work.workId,
      causationId: work.workId,
      now: firedAt,
      newId: deps.newId,
      dedupeByCausation: true,
    });
  };
