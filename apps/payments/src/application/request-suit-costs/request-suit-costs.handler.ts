import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream, nameBasedId } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { costAdvancesStreamId } from '../../domain/cost-advances/cost-advance.events';
import { costAdvancesDecider } from '../../domain/cost-advances/cost-advances.decider';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { RequestSuitCosts } from './request-suit-costs.command';

/**
 * The advances' ids follow from the suit (account, kind, filing time), so the same suit
 * heard twice, whatever the message id, asks once; a later suit (after a recall, another
 * attorney) asks again.
 */
@CommandHandler(RequestSuitCosts)
export class RequestSuitCostsHandler implements ICommandHandler<RequestSuitCosts> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, suit, context }: RequestSuitCosts): Promise<void> {
    const { state: ledger } = await aggregateStream(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId));
    const account = ledger.status === 'open' ? { clientId: ledger.clientId, currency: ledger.currency } : undefined;
    const advanceIds = {
      suitFee: nameBasedId('suit-cost-advance', `${accountId}/suit-fee/${suit.filedAt}`),
      courtCosts: nameBasedId('suit-cost-advance', `${accountId}/court-costs/${suit.filedAt}`),
    };
    await decideOrRefuse(this.deps.eventStore, costAdvancesDecider, costAdvancesStreamId(accountId), { type: 'RequestSuitCosts', accountId, account, ...suit, advanceIds, now: context.now }, context);
  }
}
