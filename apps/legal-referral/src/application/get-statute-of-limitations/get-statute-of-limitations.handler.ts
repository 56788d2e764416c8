import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { statuteOfLimitationsView, StatuteOfLimitationsView } from '../statute-of-limitations.view';
import { GetStatuteOfLimitations } from './get-statute-of-limitations.query';

/** Folded from the referral stream on each read, by the same fold and table the criterion uses; barred or not at the clock's now. */
@QueryHandler(GetStatuteOfLimitations)
export class GetStatuteOfLimitationsHandler implements IQueryHandler<GetStatuteOfLimitations> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId }: GetStatuteOfLimitations): Promise<StatuteOfLimitationsView> {
    const { state } = await aggregateStream(this.deps.eventStore, referralDecider, referralStreamId(accountId));
    return statuteOfLimitationsView(accountId, state, this.deps.clock.now());
  }
}
