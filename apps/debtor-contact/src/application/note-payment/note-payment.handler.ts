import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { readStreamOf } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId, plansStreamId, promisesStreamId, settlementsStreamId } from '../../debtor-contact.dependencies';
import { ContactCaseEvent } from '../../domain/contact-case/contact-case.events';
import { paymentPlanDecider } from '../../domain/payment-plans/payment-plan.decider';
import { promiseDecider } from '../../domain/promises/promise.decider';
import { settlementDecider } from '../../domain/settlements/settlement.decider';
import { NotePayment } from './note-payment.command';

/**
 * A payment goes to the account's promises, to its active plan and to its settlements
 * (which keep the balance it left, for the next offer), each its own stream,
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
    const { balanceAfter: _forSettlements, ...planPayment } = payment;
    await decideOrRefuse(store, paymentPlanDecider, plansStreamId(accountId), { type: 'NotePlanPayment', ...planPayment }, context);
    await decideOrRefuse(store, settlementDecider, settlementsStreamId(accountId), { type: 'NoteSettlementPayment', accountId, ...payment }, context);
  }
}
