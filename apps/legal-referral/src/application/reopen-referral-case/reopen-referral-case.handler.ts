import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { retakeAttorneyCase } from '../attorney-panel.ports';
import { handleReferralCommand } from '../review-for-legal/legal-review.runner';
import { retryUntilOpened } from '../retry-until-opened';
import { ReopenReferralCase } from './reopen-referral-case.command';

/**
 * The closure cancelled the case's reviews, so the legal review workflow books one 45 days
 * on, or the account could never reach legal again. A redelivery books the same work id
 * again, whose first booking stands. A case back at `forwarded` whose attorney still has
 * the file open takes its place on the attorney's caseload again (the closing gave it back).
 */
@CommandHandler(ReopenReferralCase)
export class ReopenReferralCaseHandler implements ICommandHandler<ReopenReferralCase> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ accountId, reopening, context }: ReopenReferralCase): Promise<void> {
    const { state } = await retryUntilOpened(accountId, () => handleReferralCommand(this.deps.eventStore, this.scheduler, accountId, { type: 'ReopenReferralCase', ...reopening }, context));
    if (state.stage === 'forwarded' && state.attorney && state.litigation?.step !== 'closed') await retakeAttorneyCase(this.deps.eventStore, accountId, state.attorney, context);
  }
}
