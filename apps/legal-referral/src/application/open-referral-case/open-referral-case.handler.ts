import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { handleReferralCommand } from '../review-for-legal/legal-review.runner';
import { OpenReferralCase } from './open-referral-case.command';

/**
 * The case opens and the legal review workflow books its review for day 45. A redelivery is
 * a duplicate of the first delivery, whose opening the workflow runs again, so a crash
 * between opening the case and booking the review is healed by it.
 */
@CommandHandler(OpenReferralCase)
export class OpenReferralCaseHandler implements ICommandHandler<OpenReferralCase> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ referral, context }: OpenReferralCase): Promise<void> {
    await handleReferralCommand(this.deps.eventStore, this.scheduler, referral.accountId, { type: 'OpenReferralCase', ...referral }, context);
  }
}
