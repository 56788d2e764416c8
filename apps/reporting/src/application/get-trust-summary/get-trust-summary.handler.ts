import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { AsOfQueries } from '../../read-models/as-of.queries';
import { ReportingQueries } from '../../read-models/reporting.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { GetTrustSummary } from './get-trust-summary.query';
import type { TrustSummaryView } from './trust-summary.view';

@QueryHandler(GetTrustSummary)
export class GetTrustSummaryHandler implements IQueryHandler<GetTrustSummary> {
  private readonly reports: ReportingQueries;
  private readonly asOf: AsOfQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) deps: ReportingDependencies) {
    this.reports = new ReportingQueries(deps.readModels);
    this.asOf = new AsOfQueries(deps.readModels);
  }

  execute({ clientId, asOf }: GetTrustSummary): Promise<TrustSummaryView> {
    return asOf === null ? this.reports.trustSummary(clientId) : this.asOf.trustSummary(clientId, asOf);
  }
}
