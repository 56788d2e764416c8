import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { retryUntilOpened } from '../retry-until-opened';
import { NotePayment } from './note-payment.command';

/** A payment lowers the balance and restarts the 45 quiet days the legal review requires. */
@CommandHandler(NotePayment)
export class NotePaymentHandler implements ICommandHandler<NotePayment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ accountId, payment, context }: NotePayment): Promise<void> {
    await retryUntilOpened(accountId, () => decideOrRefuse(this.deps.eventStore, referralDecider, referralStreamId(accountId), { type: 'NotePayment', ...payment }, context));
  }
}
