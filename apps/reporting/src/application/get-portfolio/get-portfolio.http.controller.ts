import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { AsOfRequest, asOfInstant } from '../as-of.request.dto';
import { GetPortfolio } from './get-portfolio.query';
import { PortfolioView } from './portfolio.view';

/** A client's portfolio: placed, collected, recovery rate, active, closed by code. */
@Controller('reports/portfolio')
export class GetPortfolioController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':clientId')
  @QueryEndpoint({ roles: ['client', 'supervisor', 'accountant', 'compliance', 'admin'], tag: 'reports', uuidParams: ['clientId'], answer: PortfolioView, description: 'The portfolio; money in minor units of `currency`, every currency in `byCurrency`. With `asOf`, as it stood at that instant.', problems: { 404: 'Nothing reported of the client, or another client\'s portfolio (rule client-unknown). A client asking for itself before placing anything gets an empty portfolio.' } })
  get(@UuidParam('clientId') clientId: string, @Query() request: AsOfRequest, @CurrentPrincipal() principal: Principal): Promise<PortfolioView> {
    return this.queries.execute(new GetPortfolio(clientId, principal, asOfInstant(request.asOf)));
  }
}
