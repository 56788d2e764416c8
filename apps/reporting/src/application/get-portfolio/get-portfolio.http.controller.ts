import { Controller, Get, Inject, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@lib/platform';
import { emptyPortfolio, Portfolio } from '../../read-models/portfolio.projection';
import { ReportingQueries } from '../../read-models/reporting.queries';
import { REPORTING_QUERIES } from '../../reporting.dependencies';
import { assertVisibleTo, PrincipalRequest, principalOf } from '../request-context';

/** A client's portfolio: placed, collected, recovery rate, active, closed by code. */
@ApiTags('reports')
@Controller('reports/portfolio')
export class GetPortfolioController {
  constructor(@Inject(REPORTING_QUERIES) private readonly queries: ReportingQueries) {}

  @Get(':clientId')
  @Roles('client', 'supervisor', 'accountant', 'compliance', 'admin')
  @ApiOkResponse({ description: 'The portfolio; money in minor units of `currency`, every currency in `byCurrency`.' })
  async get(@Param('clientId', new ParseUUIDPipe()) clientId: string, @Req() request: PrincipalRequest): Promise<Portfolio> {
    const principal = principalOf(request);
    const portfolio = await this.queries.portfolio(clientId);
    // A client that has placed nothing yet has an empty portfolio, not a missing one.
    if (!portfolio && principal.role === 'client' && principal.id === clientId) return emptyPortfolio(clientId);
    assertVisibleTo(principal, portfolio?.clientId, `portfolio of client ${clientId}`);
    return portfolio!;
  }
}
