import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { AsOfQueries } from '../../read-models/as-of.queries';
import { ReportingQueries } from '../../read-models/reporting.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { accountUnknown, assertVisibleTo } from '../client-visibility';
import type { AccountSummaryView } from './account-summary.view';
import { GetAccountSummary } from './get-account-summary.query';

@QueryHandler(GetAccountSummary)
export class GetAccountSummaryHandler implements IQueryHandler<GetAccountSummary> {
  private readonly reports: ReportingQueries;
  private readonly asOf: AsOfQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) deps: ReportingDependencies) {
    this.reports = new ReportingQueries(deps.readModels);
    this.asOf = new AsOfQueries(deps.readModels);
  }

  async execute({ accountId, principal, asOf }: GetAccountSummary): Promise<AccountSummaryView> {
    const summary = await this.reports.accountSummary(accountId);
    assertVisibleTo(principal, summary?.clientId, accountUnknown(accountId));
    if (asOf === null) return summary!;
    // Whose it is, is asked of the summary now: an account seen at an instant before it was placed is unknown then.
    const then = await this.asOf.accountSummary(accountId, asOf);
    if (!then) throw new Refused({ rule: 'account-unknown', reason: `no report of account ${accountId} as of ${asOf}` });
    return then;
  }
}
