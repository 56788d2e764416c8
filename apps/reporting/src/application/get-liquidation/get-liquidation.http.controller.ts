import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { GetLiquidation } from './get-liquidation.query';
import { GetLiquidationRequest } from './get-liquidation.request.dto';
import { liquidationCsv, liquidationSvg } from './liquidation.render';
import { LiquidationView } from './liquidation.view';

const CLIENT_READERS = ['client', 'supervisor', 'accountant', 'compliance', 'admin'] as const;
const AGENCY_READERS = ['supervisor', 'accountant', 'compliance', 'admin'] as const;
const UNKNOWN_CLIENT = { 404: "Nothing reported of the client, or another client's (rule client-unknown). A client asking for itself before placing anything gets an empty report." };
const DESCRIPTION = 'For each placement month and currency, the placed amount and the share collected by the end of month 1 (the placement month), 2, 3 ... up to `asOf`, by business dates; minor units and basis points.';

/** Liquidation curves by placement month, of one client or the agency, as JSON, CSV or an SVG line chart. */
@Controller('reports')
export class GetLiquidationController {
  constructor(private readonly queries: QueryBus) {}

  @Get('clients/:clientId/liquidation')
  @QueryEndpoint({ roles: [...CLIENT_READERS], tag: 'reports', uuidParams: ['clientId'], answer: LiquidationView, description: DESCRIPTION, problems: UNKNOWN_CLIENT })
  client(@UuidParam('clientId') clientId: string, @Query() query: GetLiquidationRequest, @CurrentPrincipal() principal: Principal): Promise<LiquidationView> {
    return this.queries.execute(new GetLiquidation(clientId, query.asOf, principal));
  }

  @Get('clients/:clientId/liquidation.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @QueryEndpoint({ roles: [...CLIENT_READERS], tag: 'reports', uuidParams: ['clientId'], produces: 'text/csv', answer: String, description: 'The same curves as CSV: as_of, client_id, cohort, currency, accounts, placed_amount, months, collected, share_bp.', problems: UNKNOWN_CLIENT })
  async clientCsv(@UuidParam('clientId') clientId: string, @Query() query: GetLiquidationRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    return liquidationCsv(await this.queries.execute(new GetLiquidation(clientId, query.asOf, principal)));
  }

  @Get('clients/:clientId/liquidation.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @QueryEndpoint({ roles: [...CLIENT_READERS], tag: 'reports', uuidParams: ['clientId'], produces: 'image/svg+xml', answer: String, description: 'The same curves as an SVG line chart, one line per cohort.', problems: UNKNOWN_CLIENT })
  async clientSvg(@UuidParam('clientId') clientId: string, @Query() query: GetLiquidationRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    return liquidationSvg(await this.queries.execute(new GetLiquidation(clientId, query.asOf, principal)));
  }

  @Get('liquidation')
  @QueryEndpoint({ roles: [...AGENCY_READERS], tag: 'reports', answer: LiquidationView, description: `${DESCRIPTION} Every client's accounts together.` })
  agency(@Query() query: GetLiquidationRequest, @CurrentPrincipal() principal: Principal): Promise<LiquidationView> {
    return this.queries.execute(new GetLiquidation(null, query.asOf, principal));
  }

  @Get('liquidation.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @QueryEndpoint({ roles: [...AGENCY_READERS], tag: 'reports', produces: 'text/csv', answer: String, description: "The agency's curves as CSV (client_id empty)." })
  async agencyCsv(@Query() query: GetLiquidationRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    return liquidationCsv(await this.queries.execute(new GetLiquidation(null, query.asOf, principal)));
  }

  @Get('liquidation.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @QueryEndpoint({ roles: [...AGENCY_READERS], tag: 'reports', produces: 'image/svg+xml', answer: String, description: "The agency's curves as an SVG line chart." })
  async agencySvg(@Query() query: GetLiquidationRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    return liquidationSvg(await this.queries.execute(new GetLiquidation(null, query.asOf, principal)));
  }
}
