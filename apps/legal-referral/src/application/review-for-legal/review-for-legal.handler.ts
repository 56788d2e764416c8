import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { referralView, ReferralView } from '../referral.view';
import { handleReferralCommand } from './legal-review.runner';
import { ReviewForLegal } from './review-for-legal.command';

/**
 * The one way a legal review runs, whether the scheduler or a person asked for it. The
 * outcome, recommended or not, is recorded; a review that names a follow-up gets it booked
 * by the legal review workflow.
 */
@CommandHandler(ReviewForLegal)
export class ReviewForLegalHandler implements ICommandHandler<ReviewForLegal> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ accountId, context }: ReviewForLegal): Promise<ReferralView> {
    const { state } = await handleReferralCommand(this.deps.eventStore, this.scheduler, accountId, { type: 'ReviewForLegal', now: context.now }, context);
    return referralView(accountId, state);
  }
}
