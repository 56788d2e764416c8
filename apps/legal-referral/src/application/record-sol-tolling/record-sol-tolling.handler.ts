import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { statuteOfLimitationsView, StatuteOfLimitationsView } from '../statute-of-limitations.view';
import { RecordSolTolling } from './record-sol-tolling.command';

/** The tolling gets its id here; the answer lists it under `tollings`, with the period recomputed. */
@CommandHandler(RecordSolTolling)
export class RecordSolTollingHandler implements ICommandHandler<RecordSolTolling> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, request, context }: RecordSolTolling): Promise<StatuteOfLimitationsView> {
    const { state } = await decideOrRefuse(
      this.deps.eventStore,
      referralDecider,
      referralStreamId(accountId),
      { type: 'RecordSolTolling', tollingId: this.deps.newId(), reason: request.reason, startsOn: request.startsOn, endsOn: request.endsOn ?? null, note: request.note ?? '', now: context.now },
      context,
    );
    return statuteOfLimitationsView(accountId, state, context.now);
  }
}
