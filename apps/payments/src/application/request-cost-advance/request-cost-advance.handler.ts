import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { costAdvancesStreamId } from '../../domain/cost-advances/cost-advance.events';
import { costAdvancesDecider } from '../../domain/cost-advances/cost-advances.decider';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { costAdvanceView, CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import { RequestCostAdvance } from './request-cost-advance.command';

/** The advance belongs to the account's client and currency, as its ledger has them. */
@CommandHandler(RequestCostAdvance)
export class RequestCostAdvanceHandler implements ICommandHandler<RequestCostAdvance> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, request, context }: RequestCostAdvance): Promise<CostAdvanceView> {
    const { state: ledger } = await aggregateStream(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId));
    const account = ledger.status === 'open' ? { clientId: ledger.clientId, currency: ledger.currency } : undefined;
    const advanceId = this.deps.newId();
    const { state } = await decideOrRefuse(
      this.deps.eventStore,
      costAdvancesDecider,
      costAdvancesStreamId(accountId),
      { type: 'RequestCostAdvance', advanceId, accountId, account, kind: request.kind, amount: request.amount, currency: request.currency, description: request.description, now: context.now },
      context,
    );
    const advance = state.advances.find((a) => a.advanceId === advanceId);
    if (!advance) throw new Error(`the cost advance on account ${accountId} was accepted but not recorded`);
    return costAdvanceView(advance);
  }
}
