import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { costAdvancesStreamId } from '../../domain/cost-advances/cost-advance.events';
import { costAdvancesDecider } from '../../domain/cost-advances/cost-advances.decider';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { costAdvanceView, CostAdvanceView } from './cost-advance.view';
import { GetCostAdvances } from './get-cost-advances.query';

/** An account's cost advances, folded from their stream: an account with a ledger and none yet has an empty list. */
@QueryHandler(GetCostAdvances)
export class GetCostAdvancesHandler implements IQueryHandler<GetCostAdvances> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId }: GetCostAdvances): Promise<CostAdvanceView[]> {
    const { state: ledger } = await aggregateStream(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId));
    if (ledger.status !== 'open') throw new Refused({ rule: 'ledger-unknown', reason: `no ledger for account ${accountId}` });
    const { state } = await aggregateStream(this.deps.eventStore, costAdvancesDecider, costAdvancesStreamId(accountId));
    return state.advances.map(costAdvanceView);
  }
}
