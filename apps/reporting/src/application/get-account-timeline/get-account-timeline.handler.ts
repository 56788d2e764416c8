import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { ReportingQueries } from '../../read-models/reporting.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { accountUnknown, assertVisibleTo } from '../client-visibility';
import type { TimelineEntryView } from '../get-account-history/history-entry.view';
import { GetAccountTimeline } from './get-account-timeline.query';

/**
 * A client sees only its own accounts' timelines (others, and accounts nothing is known
 * of, are refused as unknown); staff get an empty timeline for an account nothing is
 * known of yet, as compliance gets an empty history.
 */
@QueryHandler(GetAccountTimeline)
export class GetAccountTimelineHandler implements IQueryHandler<GetAccountTimeline> {
  private readonly reports: ReportingQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) deps: ReportingDependencies) {
    this.reports = new ReportingQueries(deps.readModels);
  }

  async execute({ accountId, principal }: GetAccountTimeline): Promise<TimelineEntryView[]> {
    if (principal.role === 'client') assertVisibleTo(principal, await this.reports.clientOf(accountId), accountUnknown(accountId));
    return this.reports.accountTimeline(accountId);
  }
}
