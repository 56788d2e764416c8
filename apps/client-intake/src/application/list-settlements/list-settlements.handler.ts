import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies, settlementsStreamId } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { clientSettlementsDecider } from '../../domain/settlement/client-settlements.decider';
import type { ClientSettlementView } from './client-settlement.view';
import { ListSettlements } from './list-settlements.query';

/** Another client's account reads as unknown (404), so its existence does not leak. */
@QueryHandler(ListSettlements)
export class ListSettlementsHandler implements IQueryHandler<ListSettlements> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, clientId }: ListSettlements): Promise<ClientSettlementView[]> {
    const account = await aggregateStream(this.deps.eventStore, accountDecider, accountStreamId(accountId));
    if (account.state.status === 'none' || account.state.placement.clientId !== clientId) throw new Refused({ rule: 'account-unknown', reason: 'no such account' });
    const { state } = await aggregateStream(this.deps.eventStore, clientSettlementsDecider, settlementsStreamId(accountId));
    return state.settlements.map(({ settlementId, amount, currency, balance, shareBp, authorityBp, status, requestedAt, decidedAt }) => ({ settlementId, amount, currency, balance, shareBp, authorityBp, status, requestedAt, decidedAt }));
  }
}
