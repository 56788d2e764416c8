import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { referralView, ReferralView } from '../referral.view';
import { DeclineRecommendation } from './decline-recommendation.command';

/** The decline is recorded with the criteria the review applied and the supervisor's reason; the case is not recommended. */
@CommandHandler(DeclineRecommendation)
export class DeclineRecommendationHandler implements ICommandHandler<DeclineRecommendation> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, reason, context }: DeclineRecommendation): Promise<ReferralView> {
    const { state } = await decideOrRefuse(this.deps.eventStore, referralDecider, referralStreamId(accountId), { type: 'DeclineRecommendation', supervisorId: context.principal.id, reason, now: context.now }, context);
    return referralView(accountId, state);
  }
}
