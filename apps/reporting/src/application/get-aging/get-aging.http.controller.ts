import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { agingCsv, agingSvg } from './aging.render';
import { AgingView } from './aging.view';
import { GetAging } from './get-aging.query';
import { GetAgingRequest } from './get-aging.request.dto';

const CLIENT_READERS = ['client', 'supervisor', 'accountant', 'compliance', 'admin'] as const;
const AGENCY_READERS = ['supervisor', 'accountant', 'compliance', 'admin'] as const;
const UNKNOWN_CLIENT = { 404: "Nothing reported of the client, or another client's (rule client-unknown). A client asking for itself before placing anything gets an empty report." };
const DESCRIPTION = 'Open balances by days past due (0-30, 31-60, 61-90, 91-180, 181-365, 365+) as of the end of `asOf`, by business dates, per currency; minor units.';

/** Aging of open balances, of one client or the agency, as JSON, CSV or an SVG bar chart. */
@Controller('reports')
export class GetAgingController {
  constructor(private readonly queries: QueryBus) {}

  @Get('clients/:clientId/aging')
  @QueryEndpoint({ roles: [...CLIENT_READERS], tag: 'reports', uuidParams: ['clientId'], answer: AgingView, description: DESCRIPTION, problems: UNKNOWN_CLIENT })
  client(@UuidParam('clientId') clientId: string, @Query() query: GetAgingRequest, @CurrentPrincipal() principal: Principal): Promise<AgingView> {
    return this.queries.execute(new GetAging(clientId, query.asOf, principal));
  }

  @Get('clients/:clientId/aging.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @QueryEndpoint({ roles: [...CLIENT_READERS], tag: 'reports', uuidParams: ['clientId'], produces: 'text/csv', answer: String, description: 'The same aging as CSV: as_of, client_id, currency, bucket, min_days, max_days, amount, accounts.', problems: UNKNOWN_CLIENT })
  async clientCsv(@UuidParam('clientId') clientId: string, @Query() query: GetAgingRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    return agingCsv(await this.queries.execute(new GetAging(clientId, query.asOf, principal)));
  }

  @Get('clients/:clientId/aging.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @QueryEndpoint({ roles: [...CLIENT_READERS], tag: 'reports', uuidParams: ['clientId'], produces: 'image/svg+xml', answer: String, description: 'The same aging as an SVG bar chart, one bar per currency in each bucket.', problems: UNKNOWN_CLIENT })
  async clientSvg(@UuidParam('clientId') clientId: string, @Query() query: GetAgingRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    return agingSvg(await this.queries.execute(new GetAging(clientId, query.asOf, principal)));
  }

  @Get('aging')
  @QueryEndpoint({ roles: [...AGENCY_READERS], tag: 'reports', answer: AgingView, description: `${DESCRIPTION} Every client, and each client's own figures in \`clients\`.` })
  agency(@Query() query: GetAgingRequest, @CurrentPrincipal() principal: Principal): Promise<AgingView> {
    return this.queries.execute(new GetAging(null, query.asOf, principal));
  }

  @Get('aging.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @QueryEndpoint({ roles: [...AGENCY_READERS], tag: 'reports', produces: 'text/csv', answer: String, description: "The agency's aging as CSV: each client's rows, then the agency's (client_id empty)." })
  async agencyCsv(@Query() query: GetAgingRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    return agingCsv(await this.queries.execute(new GetAging(null, query.asOf, principal)));
  }

  @Get('aging.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @QueryEndpoint({ roles: [...AGENCY_READERS], tag: 'reports', produces: 'image/svg+xml', answer: String, description: "The agency's aging as an SVG bar chart." })
  async agencySvg(@Query() query: GetAgingRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    return agingSvg(await this.queries.execute(new GetAging(null, query.asOf, principal)));
  }
}
