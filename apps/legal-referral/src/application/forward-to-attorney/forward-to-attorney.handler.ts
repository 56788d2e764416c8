import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { referralView, ReferralView } from '../referral.view';
import { ForwardToAttorney } from './forward-to-attorney.command';

/**
 * The account goes to the attorney if the client authorized suit and the account still
 * meets the standing legal criteria now; otherwise the first rule that fails refuses it
 * and nothing is stored. Forwarding books or cancels no review, so it needs no workflow run.
 */
@CommandHandler(ForwardToAttorney)
export class ForwardToAttorneyHandler implements ICommandHandler<ForwardToAttorney> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, request, context }: ForwardToAttorney): Promise<ReferralView> {
    const { attorneyId, attorneyName, jurisdiction } = request;
    const { state } = await decideOrRefuse(
      this.deps.eventStore,
      referralDecider,
      referralStreamId(accountId),
      { type: 'ForwardToAttorney', attorneyId, attorneyName, jurisdiction, now: context.now },
      context,
    );
    return referralView(accountId, state);
  }
}
