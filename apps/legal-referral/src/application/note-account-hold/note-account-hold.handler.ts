import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralHoldsDecider } from '../../domain/holds/note-account-hold.decide';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { retryUntilOpened } from '../retry-until-opened';
import { NoteAccountHold } from './note-account-hold.command';

/** The hold stands on the case until debtor contact lifts it: `not-disputed` and `not-bankrupt` read it. */
@CommandHandler(NoteAccountHold)
export class NoteAccountHoldHandler implements ICommandHandler<NoteAccountHold> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, hold, context }: NoteAccountHold): Promise<void> {
    await retryUntilOpened(accountId, () => decideOrRefuse(this.deps.eventStore, referralHoldsDecider, referralStreamId(accountId), { type: 'NoteAccountHold', hold }, context));
  }
}
