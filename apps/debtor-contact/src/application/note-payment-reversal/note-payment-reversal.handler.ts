import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, plansStreamId, promisesStreamId, settlementsStreamId } from '../../debtor-contact.dependencies';
import { paymentPlanDecider } from '../../domain/payment-plans/payment-plan.decider';
import { promiseDecider } from '../../domain/promises/promise.decider';
import { settlementDecider } from '../../domain/settlements/settlement.decider';
import { NotePaymentReversal } from './note-payment-reversal.command';

/** A reversal of a payment neither the promises nor the plans counted changes nothing there; the settlements stream always hears the balance it left. */
@CommandHandler(NotePaymentReversal)
export class NotePaymentReversalHandler implements ICommandHandler<NotePaymentReversal> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, paymentId, reversedAt, balanceAfter, context }: NotePaymentReversal): Promise<void> {
    const store = this.deps.eventStore;
    await decideOrRefuse(store, promiseDecider, promisesStreamId(accountId), { type: 'NotePromisePaymentReversal', paymentId, reversedAt }, context);
    await decideOrRefuse(store, paymentPlanDecider, plansStreamId(accountId), { type: 'NotePlanPaymentReversal', paymentId, reversedAt }, context);
    await decideOrRefuse(store, settlementDecider, settlementsStreamId(accountId), { type: 'NoteSettlementPaymentReversal', accountId, paymentId, balanceAfter, reversedAt }, context);
  }
}
