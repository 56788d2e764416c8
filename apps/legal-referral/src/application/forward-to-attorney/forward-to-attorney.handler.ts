import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, recordingRefusals, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { referralView, ReferralView } from '../referral.view';
import { ForwardToAttorney } from './forward-to-attorney.command';

/**
 * The account goes to the attorney if the client authorized suit and the account still
 * meets the standing legal criteria now; otherwise the first rule that fails refuses it
 * and nothing is stored on the referral; the refusal is recorded on the account's compliance
 * stream (`CommandRefused`, published as CommandRefused.v1). Forwarding books or cancels no review, so it needs no workflow run.
 */
@CommandHandler(ForwardToAttorney)
export class ForwardToAttorneyHandler implements ICommandHandler<ForwardToAttorney> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  execute({ accountId, request, context }: ForwardToAttorney): Promise<ReferralView> {
    const target = { service: 'legal-referral', accountId, command: 'ForwardToAttorney' };
    return recordingRefusals(this.deps.eventStore, target, context, () => this.forward(accountId, request, context));
  }

  private async forward(accountId: string, request: ForwardToAttorney['request'], context: ForwardToAttorney['context']): Promise<ReferralView> {
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
