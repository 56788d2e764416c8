import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralHoldsDecider } from '../../domain/holds/note-account-hold.decide';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { retryUntilOpened } from '../retry-until-opened';
import { NoteAccountHoldLift } from './note-account-hold-lift.command';

@CommandHandler(NoteAccountHoldLift)
export class NoteAccountHoldLiftHandler implements ICommandHandler<NoteAccountHoldLift> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, lift, context }: NoteAccountHoldLift): Promise<void> {
    await retryUntilOpened(accountId, () => decideOrRefuse(this.deps.eventStore, referralHoldsDecider, referralStreamId(accountId), { type: 'NoteAccountHoldLift', ...lift }, context));
  }
}
