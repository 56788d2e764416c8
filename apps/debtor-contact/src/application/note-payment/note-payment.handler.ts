import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { readStreamOf } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId, plansStreamId, promisesStreamId } from '../../debtor-contact.dependencies';
import { ContactCaseEvent } from '../../domain/contact-case/contact-case.events';
import { paymentPlanDecider } from '../../domain/payment-plans/payment-plan.decider';
import { promiseDecider } from '../../domain/promises/promise.decider';
import { NotePayment } from './note-payment.command';

/**
 * A payment goes to the account's promises and to its active plan, each its own stream,
 * each deduplicating the message by its id. The promises hear only of payments on accounts
 * where a promise was ever taken (it is on the case before any payment it could count):
 * the rest would only fill a stream nobody reads. Heard there before its promise's own
 * message, a payment is kept aside for it.
 */
@CommandHandler(NotePayment)
export class NotePaymentHandler implements ICommandHandler<NotePayment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, payment, context }: NotePayment): Promise<void> {
    const store = this.deps.eventStore;
    const caseEvents = await readStreamOf<ContactCaseEvent>(store, contactStreamId(accountId));
    if (caseEvents.some((event) => event.type === 'PromiseToPayMade')) {
      await decideOrRefuse(store, promiseDecider, promisesStreamId(accountId), { type: 'NotePromisePayment', accountId, ...payment }, context);
    }
    await decideOrRefuse(store, paymentPlanDecider, plansStreamId(accountId), { type: 'NotePlanPayment', ...payment }, context);
  }
}
