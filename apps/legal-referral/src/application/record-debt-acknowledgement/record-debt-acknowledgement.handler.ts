import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { statuteOfLimitationsView, StatuteOfLimitationsView } from '../statute-of-limitations.view';
import { RecordDebtAcknowledgement } from './record-debt-acknowledgement.command';

/** The acknowledgement is kept on the case; the answer is the period recomputed with it. */
@CommandHandler(RecordDebtAcknowledgement)
export class RecordDebtAcknowledgementHandler implements ICommandHandler<RecordDebtAcknowledgement> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, request, context }: RecordDebtAcknowledgement): Promise<StatuteOfLimitationsView> {
    const { state } = await decideOrRefuse(
      this.deps.eventStore,
      referralDecider,
      referralStreamId(accountId),
      { type: 'RecordDebtAcknowledgement', acknowledgementId: this.deps.newId(), acknowledgedOn: request.acknowledgedOn, description: request.description, now: context.now },
      context,
    );
    return statuteOfLimitationsView(accountId, state, context.now);
  }
}
