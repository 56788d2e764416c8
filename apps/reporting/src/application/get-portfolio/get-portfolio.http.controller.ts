import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@lib/es-core';
import { ApiProblems, CurrentPrincipal, Roles } from '@lib/platform';
import { GetPortfolio } from './get-portfolio.query';
import { PortfolioView } from './portfolio.view';

/** A client's portfolio: placed, collected, recovery rate, active, closed by code. */
@ApiTags('reports')
@Controller('reports/portfolio')
export class GetPortfolioController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':clientId')
  @Roles('client', 'supervisor', 'accountant', 'compliance', 'admin')
  @ApiParam({ name: 'clientId', format: 'uuid' })
  @ApiProblems('query', { 404: 'Nothing reported of the client, or another client\'s portfolio (rule client-unknown). A client asking for itself before placing anything gets an empty portfolio.' })
  @ApiOkResponse({ type: PortfolioView, description: 'The portfolio; money in minor units of `currency`, every currency in `byCurrency`.' })
  get(@Param('clientId', new ParseUUIDPipe()) clientId: string, @CurrentPrincipal() principal: Principal): Promise<PortfolioView> {
    return this.queries.execute(new GetPortfolio(clientId, principal));
  }
}
