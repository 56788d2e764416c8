import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { ReportingQueries } from '../../read-models/reporting.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { accountUnknown, assertVisibleTo } from '../client-visibility';
import type { AccountSummaryView } from './account-summary.view';
import { GetAccountSummary } from './get-account-summary.query';

@QueryHandler(GetAccountSummary)
export class GetAccountSummaryHandler implements IQueryHandler<GetAccountSummary> {
  private readonly reports: ReportingQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) deps: ReportingDependencies) {
    this.reports = new ReportingQueries(deps.readModels);
  }

  async execute({ accountId, principal }: GetAccountSummary): Promise<AccountSummaryView> {
    const summary = await this.reports.accountSummary(accountId);
    assertVisibleTo(principal, summary?.clientId, accountUnknown(accountId));
    return summary!;
  }
}
