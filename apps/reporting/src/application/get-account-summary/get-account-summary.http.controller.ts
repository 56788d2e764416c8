import { Controller, Get, Inject, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@lib/platform';
import { AccountSummaryView, ReportingQueries } from '../../read-models/reporting.queries';
import { REPORTING_QUERIES } from '../../reporting.dependencies';
import { assertVisibleTo, PrincipalRequest, principalOf } from '../request-context';

/** One account as every service has reported it: status, money, contact, promises, legal stage. */
@ApiTags('reports')
@Controller('reports/accounts')
export class GetAccountSummaryController {
  constructor(@Inject(REPORTING_QUERIES) private readonly queries: ReportingQueries) {}

  @Get(':accountId')
  @Roles('client', 'collector', 'supervisor', 'accountant', 'legal', 'compliance', 'admin')
  @ApiOkResponse({ description: 'The account summary; money in minor units of `currency`.' })
  async get(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Req() request: PrincipalRequest): Promise<AccountSummaryView> {
    const summary = await this.queries.accountSummary(accountId);
    assertVisibleTo(principalOf(request), summary?.clientId, `account ${accountId}`);
    return summary!;
  }
}
