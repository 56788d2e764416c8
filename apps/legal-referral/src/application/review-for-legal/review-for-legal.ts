import type { CommandContext } from '@lib/es-core';
import type { DurableScheduler } from '@lib/scheduler';
import type { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { handleReferralCommand } from './legal-review.runner';

/**
 * The one way a legal review runs, whether the scheduler or a person asked for it. A review
 * that names a follow-up gets it booked by the legal review workflow.
 */
export function reviewForLegal(deps: LegalReferralDependencies, scheduler: DurableScheduler, accountId: string, context: CommandContext) {
  return handleReferralCommand(deps, scheduler, accountId, { type: 'ReviewForLegal', now: context.now }, context);
}
