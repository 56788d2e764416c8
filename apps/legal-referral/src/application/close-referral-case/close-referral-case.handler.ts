import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { releaseAttorneyCase } from '../attorney-panel.ports';
import { handleReferralCommand } from '../review-for-legal/legal-review.runner';
import { retryUntilOpened } from '../retry-until-opened';
import { CloseReferralCase } from './close-referral-case.command';

/**
 * The case closes; the legal review workflow cancels the reviews it still has booked (the
 * day-45 one or the last reopening's, and the follow-ups booked since). A redelivery cancels
 * the same ones again, harmlessly, and never the review a later reopening booked: the
 * workflow decides on the state before this closure. A forwarded case gives its place on the
 * attorney's caseload back: a closed account is no open case (a redelivery releases nothing more).
 */
@CommandHandler(CloseReferralCase)
export class CloseReferralCaseHandler implements ICommandHandler<CloseReferralCase> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ accountId, closing, context }: CloseReferralCase): Promise<void> {
    const { state } = await retryUntilOpened(accountId, () => handleReferralCommand(this.deps.eventStore, this.scheduler, accountId, { type: 'CloseReferralCase', ...closing }, context));
    if (state.stage === 'closed' && state.attorney) await releaseAttorneyCase(this.deps.eventStore, accountId, `the account closed (${state.closing.closingCode})`, context);
  }
}
