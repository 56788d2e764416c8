import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { referralView, ReferralView } from '../referral.view';
import { GetReferral } from './get-referral.query';

/** A referral case folded from its stream on each read, by the same fold that decides, so the view cannot disagree with the rules. */
@QueryHandler(GetReferral)
export class GetReferralHandler implements IQueryHandler<GetReferral> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, principal }: GetReferral): Promise<ReferralView> {
    const { state } = await aggregateStream(this.deps.eventStore, referralDecider, referralStreamId(accountId));
    // Another attorney's case, or one not forwarded, answers as a missing one would.
    if (principal.role === 'attorney' && (state.stage === 'none' || state.attorney?.attorneyId !== principal.id)) return referralView(accountId, { stage: 'none' });
    return referralView(accountId, state);
  }
}
