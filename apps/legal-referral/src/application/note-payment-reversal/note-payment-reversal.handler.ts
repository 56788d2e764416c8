import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { retryUntilOpened } from '../retry-until-opened';
import { NotePaymentReversal } from './note-payment-reversal.command';

/** A bounced payment restores the balance and no longer counts as a payment. */
@CommandHandler(NotePaymentReversal)
export class NotePaymentReversalHandler implements ICommandHandler<NotePaymentReversal> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, reversal, context }: NotePaymentReversal): Promise<void> {
    await retryUntilOpened(accountId, () =>
      decideOrRefuse(this.deps.eventStore, referralDecider, referralStreamId(accountId), { type: 'NotePaymentReversal', ...reversal }, context),
    );
  }
}
