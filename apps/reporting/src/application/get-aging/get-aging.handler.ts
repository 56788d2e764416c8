import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { AnalyticsQueries } from '../../read-models/analytics.queries';
import { dayOf } from '../../read-models/business-calendar';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { assertClientReportVisible } from '../report-scope';
import type { AgingView } from './aging.view';
import { GetAging } from './get-aging.query';

/** Aging of open balances by business dates, as of the end of a day (today by the clock when none is asked). */
@QueryHandler(GetAging)
export class GetAgingHandler implements IQueryHandler<GetAging> {
  private readonly analytics: AnalyticsQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {
    this.analytics = new AnalyticsQueries(deps.readModels);
  }

  async execute({ clientId, asOf, principal }: GetAging): Promise<AgingView> {
    if (clientId !== null) await assertClientReportVisible(this.analytics, principal, clientId);
    return this.analytics.aging(clientId, asOf ?? dayOf(this.deps.clock.now()));
  }
}
