import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { emptyPortfolio } from '../../read-models/portfolio.projection';
import { AsOfQueries } from '../../read-models/as-of.queries';
import { ReportingQueries } from '../../read-models/reporting.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { assertVisibleTo } from '../client-visibility';
import { GetPortfolio } from './get-portfolio.query';
import type { PortfolioView } from './portfolio.view';

@QueryHandler(GetPortfolio)
export class GetPortfolioHandler implements IQueryHandler<GetPortfolio> {
  private readonly reports: ReportingQueries;
  private readonly asOf: AsOfQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) deps: ReportingDependencies) {
    this.reports = new ReportingQueries(deps.readModels);
    this.asOf = new AsOfQueries(deps.readModels);
  }

  async execute({ clientId, principal, asOf }: GetPortfolio): Promise<PortfolioView> {
    // A client no report knew of at the instant is unknown then, as now: the same rules apply.
    const portfolio = asOf === null ? await this.reports.portfolio(clientId) : await this.asOf.portfolio(clientId, asOf);
    // A client that has placed nothing yet has an empty portfolio, not a missing one.
    if (!portfolio && principal.role === 'client' && principal.id === clientId) return emptyPortfolio(clientId);
    assertVisibleTo(principal, portfolio?.clientId, { rule: 'client-unknown', reason: `no portfolio of client ${clientId}` });
    return portfolio!;
  }
}
