import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { referralView, ReferralView } from '../referral.view';
import { ApproveRecommendation } from './approve-recommendation.command';

/** The approval is recorded with the criteria and versions the review applied; publishing it (stage `recommended`) is what asks the client. */
@CommandHandler(ApproveRecommendation)
export class ApproveRecommendationHandler implements ICommandHandler<ApproveRecommendation> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, context }: ApproveRecommendation): Promise<ReferralView> {
    const { state } = await decideOrRefuse(this.deps.eventStore, referralDecider, referralStreamId(accountId), { type: 'ApproveRecommendation', supervisorId: context.principal.id, now: context.now }, context);
    return referralView(accountId, state);
  }
}
