import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { agreementsDecider } from '../../domain/commission-plan/agreements.decider';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { agreementsStreamId, ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { PostAttorneyCollection } from './post-attorney-collection.command';

/**
 * Posted like any payment (allocation, commission, paid in full, cleared-funds hold of the
 * `attorney` method); the account is with an attorney, so the legal rate charges it. The
 * message is deduplicated by its id, and the payment id is legal-referral's, so a
 * redelivery posts nothing twice.
 */
@CommandHandler(PostAttorneyCollection)
export class PostAttorneyCollectionHandler implements ICommandHandler<PostAttorneyCollection> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, collection, context }: PostAttorneyCollection): Promise<unknown> {
    const { state: ledger } = await aggregateStream(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId));
    const agreements = ledger.status === 'open' ? (await aggregateStream(this.deps.eventStore, agreementsDecider, agreementsStreamId(ledger.clientId))).state.versions : [];
    return decideOrRefuse(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId), { type: 'PostPayment', ...collection, method: 'attorney', agreements, now: context.now }, context);
  }
}
