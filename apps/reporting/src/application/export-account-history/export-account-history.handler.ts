import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { ReportingQueries } from '../../read-models/reporting.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { accountUnknown, assertVisibleTo } from '../client-visibility';
import { HistoryExport, historyExport } from '../history-export/history-export';
import { ExportAccountHistory } from './export-account-history.query';

/**
 * A client exports only its own accounts (another's is refused as unknown, 404). For
 * compliance, as for the history, an account nothing is known of is an empty export, not
 * an error. Refusals happen here, before the first line is sent.
 */
@QueryHandler(ExportAccountHistory)
export class ExportAccountHistoryHandler implements IQueryHandler<ExportAccountHistory> {
  private readonly reports: ReportingQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {
    this.reports = new ReportingQueries(deps.readModels);
  }

  async execute({ accountId, format, principal }: ExportAccountHistory): Promise<HistoryExport> {
    if (principal.role === 'client') assertVisibleTo(principal, await this.reports.clientOf(accountId), accountUnknown(accountId));
    const reports = this.reports;
    async function* accounts() {
      yield await reports.accountExportEvents(accountId);
    }
    return historyExport(format, 'account', accountId, this.deps.clock.now(), accounts(), this.deps.signingKey);
  }
}
