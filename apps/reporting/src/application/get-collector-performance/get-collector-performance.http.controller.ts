import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint } from '@lib/platform';
import { collectorPerformanceCsv } from './collector-performance.render';
import { CollectorPerformanceView } from './collector-performance.view';
import { GetCollectorPerformance } from './get-collector-performance.query';
import { GetCollectorPerformanceRequest } from './get-collector-performance.request.dto';

const READERS = ['supervisor', 'compliance', 'admin'] as const;
const PROBLEMS = { 400: 'A date that is not a calendar date YYYY-MM-DD, or `to` before `from`.' };

/** Collector performance over a period: contacts, right-party contacts, promises made and kept, collected. */
@Controller('reports/collectors')
export class GetCollectorPerformanceController {
  constructor(private readonly queries: QueryBus) {}

  @Get('performance')
  @QueryEndpoint({ roles: [...READERS], tag: 'reports', answer: CollectorPerformanceView, description: 'Per collector over [from, to] (days, UTC, by business dates): contacts, right-party contacts, promises made, kept and broken, and collected per currency (minor units).', problems: PROBLEMS })
  get(@Query() query: GetCollectorPerformanceRequest): Promise<CollectorPerformanceView> {
    return this.queries.execute(new GetCollectorPerformance(query.from, query.to));
  }

  @Get('performance.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @QueryEndpoint({ roles: [...READERS], tag: 'reports', produces: 'text/csv', answer: String, description: 'The same figures as CSV: one row per collector and currency, then the unattributed amounts.', problems: PROBLEMS })
  async csv(@Query() query: GetCollectorPerformanceRequest): Promise<string> {
    return collectorPerformanceCsv(await this.queries.execute(new GetCollectorPerformance(query.from, query.to)));
  }
}
