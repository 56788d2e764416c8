import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidRequest, SERVICE_DEPENDENCIES } from '@lib/platform';
import { AnalyticsQueries } from '../../read-models/analytics.queries';
import { dayOf } from '../../read-models/business-calendar';
import type { ReportingDependencies } from '../../reporting.dependencies';
import type { CollectorPerformanceView } from './collector-performance.view';
import { GetCollectorPerformance } from './get-collector-performance.query';

/** Collector performance over a period of days; the month to date by the clock when none is asked. */
@QueryHandler(GetCollectorPerformance)
export class GetCollectorPerformanceHandler implements IQueryHandler<GetCollectorPerformance> {
  private readonly analytics: AnalyticsQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {
    this.analytics = new AnalyticsQueries(deps.readModels);
  }

  execute(query: GetCollectorPerformance): Promise<CollectorPerformanceView> {
    const today = dayOf(this.deps.clock.now());
    const to = query.to ?? today;
    const from = query.from ?? `${to.slice(0, 7)}-01`;
    if (to < from) throw invalidRequest([{ field: 'to', reason: `to (${to}) must not be before from (${from})` }]);
    return this.analytics.collectorPerformance(from, to);
  }
}
