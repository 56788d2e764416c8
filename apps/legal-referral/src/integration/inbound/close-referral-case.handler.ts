import type { DurableScheduler } from '@lib/scheduler';
import { AccountClosed } from '@lib/contracts';
import { on } from '@lib/integration';
import { handleReferralCommand } from '../../application/review-for-legal/legal-review.runner';
import { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { retryUntilOpened } from './retry-until-opened';

/**
 * A closed account leaves the legal pipeline; the legal review workflow cancels the reviews
 * it still has booked (the day-45 one or the last reopening's, and the follow-ups booked
 * since). A redelivery cancels the same ones again, harmlessly, and never the review a later
 * reopening booked: the workflow decides on the state before this closure.
 */
export const closeReferralCase = (deps: LegalReferralDependencies, scheduler: DurableScheduler) =>
  on(AccountClosed, async (data, context) => {
    const outcome = await handleReferralCommand(deps, scheduler, data.accountId, { type: 'CloseReferralCase', closingCode: data.closingCode, closedAt: data.closedAt }, context);
    retryUntilOpened(data.accountId, outcome);
  });
