import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { AnalyticsQueries } from '../../read-models/analytics.queries';
import { dayOf } from '../../read-models/business-calendar';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { assertClientReportVisible } from '../report-scope';
import { GetLiquidation } from './get-liquidation.query';
import type { LiquidationView } from './liquidation.view';

/** Liquidation by placement month, by business dates, up to the end of a day (today by the clock when none is asked). */
@QueryHandler(GetLiquidation)
export class GetLiquidationHandler implements IQueryHandler<GetLiquidation> {
  private readonly analytics: AnalyticsQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {
    this.analytics = new AnalyticsQueries(deps.readModels);
  }

  async execute({ clientId, asOf, principal }: GetLiquidation): Promise<LiquidationView> {
    if (clientId !== null) await assertClientReportVisible(this.analytics, principal, clientId);
    return this.analytics.liquidation(clientId, asOf ?? dayOf(this.deps.clock.now()));
  }
}
