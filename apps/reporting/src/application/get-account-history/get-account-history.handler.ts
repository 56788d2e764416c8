import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { ReportingQueries } from '../../read-models/reporting.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { GetAccountHistory } from './get-account-history.query';
import type { HistoryEntryView } from './history-entry.view';

/**
 * An account nothing is known of has an empty history: for compliance, "no events" is an
 * answer, not an error. Only compliance may ask, so there is no client to keep out.
 */
@QueryHandler(GetAccountHistory)
export class GetAccountHistoryHandler implements IQueryHandler<GetAccountHistory> {
  private readonly reports: ReportingQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) deps: ReportingDependencies) {
    this.reports = new ReportingQueries(deps.readModels);
  }

  execute({ accountId }: GetAccountHistory): Promise<HistoryEntryView[]> {
    return this.reports.accountHistory(accountId);
  }
}
