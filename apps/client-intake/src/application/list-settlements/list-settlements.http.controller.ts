import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { ClientSettlementView } from './client-settlement.view';
import { ListSettlements } from './list-settlements.query';

/** The settlements beyond its authority put to the client on one of its accounts, waiting or decided. */
@Controller('accounts/:accountId/settlements')
export class ListSettlementsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['client'], tag: 'accounts', uuidParams: ['accountId'], answer: [ClientSettlementView], description: 'Oldest first.', problems: { 404: 'No such account of this client (rule account-unknown).' } })
  list(@UuidParam('accountId') accountId: string, @CurrentPrincipal() principal: Principal): Promise<ClientSettlementView[]> {
    return this.queries.execute(new ListSettlements(accountId, principal.id));
  }
}
