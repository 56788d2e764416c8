import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { RemittanceSummaryView } from '../get-remittance/remittance.view';
import { ListRemittances } from './list-remittances.query';

/** A client's remittance history: every statement issued, with its totals and hashes. */
@Controller('clients/:clientId/remittances')
export class ListRemittancesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['accountant', 'admin', 'compliance', 'client'], tag: 'remittances', uuidParams: ['clientId'], answer: [RemittanceSummaryView], description: "The client's statements, oldest first.", problems: { 404: 'A client asking for another client (rule client-unknown).' } })
  list(@UuidParam('clientId') clientId: string, @CurrentPrincipal() principal: Principal): Promise<RemittanceSummaryView[]> {
    return this.queries.execute(new ListRemittances(clientId, principal));
  }
}
