import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { GetRemittanceHistory } from './get-remittance-history.query';
import { remittanceHistoryCsv } from './remittance-history.render';
import { RemittanceHistoryView } from './remittance-history.view';

const READERS = ['client', 'accountant', 'compliance', 'admin'] as const;
const UNKNOWN_CLIENT = { 404: "Nothing reported of the client, or another client's (rule client-unknown). A client asking for itself before its first statement gets an empty list." };

/** A client's remittance history: every statement issued to it, oldest first, as JSON or CSV. */
@Controller('reports/clients')
export class GetRemittanceHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':clientId/remittances')
  @QueryEndpoint({ roles: [...READERS], tag: 'reports', uuidParams: ['clientId'], answer: RemittanceHistoryView, description: "The client's remittance statements, oldest first: period, type, totals in minor units and the hashes of the statement's renderings.", problems: UNKNOWN_CLIENT })
  get(@UuidParam('clientId') clientId: string, @CurrentPrincipal() principal: Principal): Promise<RemittanceHistoryView> {
    return this.queries.execute(new GetRemittanceHistory(clientId, principal));
  }

  @Get(':clientId/remittances.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @QueryEndpoint({ roles: [...READERS], tag: 'reports', uuidParams: ['clientId'], produces: 'text/csv', answer: String, description: 'The same history as CSV, one row per statement; amounts in minor units.', problems: UNKNOWN_CLIENT })
  async csv(@UuidParam('clientId') clientId: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return remittanceHistoryCsv(await this.queries.execute(new GetRemittanceHistory(clientId, principal)));
  }
}
