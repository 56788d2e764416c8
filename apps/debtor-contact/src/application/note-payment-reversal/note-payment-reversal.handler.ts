import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, plansStreamId, promisesStreamId } from '../../debtor-contact.dependencies';
import { paymentPlanDecider } from '../../domain/payment-plans/payment-plan.decider';
import { promiseDecider } from '../../domain/promises/promise.decider';
import { NotePaymentReversal } from './note-payment-reversal.command';

/** A reversal of a payment neither stream counted changes nothing (and writes nothing). */
@CommandHandler(NotePaymentReversal)
export class NotePaymentReversalHandler implements ICommandHandler<NotePaymentReversal> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, paymentId, reversedAt, context }: NotePaymentReversal): Promise<void> {
    const store = this.deps.eventStore;
    await decideOrRefuse(store, promiseDecider, promisesStreamId(accountId), { type: 'NotePromisePaymentReversal', paymentId, reversedAt }, context);
    await decideOrRefuse(store, paymentPlanDecider, plansStreamId(accountId), { type: 'NotePlanPaymentReversal', paymentId, reversedAt }, context);
  }
}
