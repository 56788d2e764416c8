import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { retryUntilOpened } from '../retry-until-opened';
import { RecordClientAuthorization } from './record-client-authorization.command';

/** The authorization takes effect on a recommended case that still meets the standing criteria, and is recorded as ignored otherwise. */
@CommandHandler(RecordClientAuthorization)
export class RecordClientAuthorizationHandler implements ICommandHandler<RecordClientAuthorization> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, authorization, context }: RecordClientAuthorization): Promise<void> {
    await retryUntilOpened(accountId, () =>
      decideOrRefuse(this.deps.eventStore, referralDecider, referralStreamId(accountId), { type: 'RecordClientAuthorization', ...authorization }, context),
    );
  }
}
