import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { statuteOfLimitationsView, StatuteOfLimitationsView } from '../statute-of-limitations.view';
import { EndSolTolling } from './end-sol-tolling.command';

@CommandHandler(EndSolTolling)
export class EndSolTollingHandler implements ICommandHandler<EndSolTolling> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, tollingId, request, context }: EndSolTolling): Promise<StatuteOfLimitationsView> {
    const { state } = await decideOrRefuse(this.deps.eventStore, referralDecider, referralStreamId(accountId), { type: 'EndSolTolling', tollingId, endsOn: request.endsOn, now: context.now }, context);
    return statuteOfLimitationsView(accountId, state, context.now);
  }
}
