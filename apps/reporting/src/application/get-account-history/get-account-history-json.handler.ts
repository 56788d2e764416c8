import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { ReportingQueries } from '../../read-models/reporting.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { GetAccountHistoryJson } from './get-account-history-json.query';
import { RememberedHistories } from './remembered-histories';

/**
 * The history endpoint's answer, the same bytes as `JSON.stringify` of `GetAccountHistory`'s:
 * an account asked again while its audit trail has not changed is answered from the JSON
 * made the last time (`RememberedHistories`), after counting its entries in the store.
 */
@QueryHandler(GetAccountHistoryJson)
export class GetAccountHistoryJsonHandler implements IQueryHandler<GetAccountHistoryJson> {
  private readonly reports: ReportingQueries;
  private readonly remembered = new RememberedHistories();

  constructor(@Inject(SERVICE_DEPENDENCIES) deps: ReportingDependencies) {
    this.reports = new ReportingQueries(deps.readModels);
  }

  execute({ accountId }: GetAccountHistoryJson): Promise<Buffer> {
    return this.remembered.answer(
      accountId,
      () => this.reports.auditEntryCount(accountId),
      () => this.reports.accountHistory(accountId),
    );
  }
}
