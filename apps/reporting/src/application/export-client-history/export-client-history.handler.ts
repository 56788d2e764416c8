import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { ReportingQueries } from '../../read-models/reporting.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { assertVisibleTo } from '../client-visibility';
import { HistoryExport, historyExport } from '../history-export/history-export';
import { ExportClientHistory } from './export-client-history.query';

/**
 * Every account of the client, in account id order, each account's events in history order.
 * Accounts are read one at a time while the export is written, so a client with many
 * accounts never has its whole history in memory. A client exports only itself; a client
 * with no account yet exports an empty history; staff asking for a client no report knows
 * of are refused (404), as the portfolio refuses them.
 */
@QueryHandler(ExportClientHistory)
export class ExportClientHistoryHandler implements IQueryHandler<ExportClientHistory> {
  private readonly reports: ReportingQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {
    this.reports = new ReportingQueries(deps.readModels);
  }

  async execute({ clientId, format, principal }: ExportClientHistory): Promise<HistoryExport> {
    const itself = principal.role === 'client' && principal.id === clientId;
    if (!itself) assertVisibleTo(principal, (await this.reports.portfolio(clientId))?.clientId, { rule: 'client-unknown', reason: `no report of client ${clientId}` });
    const reports = this.reports;
    async function* accounts() {
      for await (const accountId of reports.accountIdsOf(clientId)) yield await reports.accountExportEvents(accountId);
    }
    return historyExport(format, 'client', clientId, this.deps.clock.now(), accounts(), this.deps.signingKey);
  }
}
