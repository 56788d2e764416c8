import { Controller, Get, Inject, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@lib/platform';
import { ReportingQueries, TimelineEntry } from '../../read-models/reporting.queries';
import { REPORTING_QUERIES } from '../../reporting.dependencies';
import { assertVisibleTo, PrincipalRequest, principalOf } from '../request-context';

/**
 * What happened on an account, when and by whom, without the events' data: the audit
 * history as the people working the account (and its client) may see it. A client sees
 * only its own accounts (others answer 404); staff get an empty timeline for an account
 * nothing is known of yet.
 */
@ApiTags('reports')
@Controller('reports/accounts/:accountId/timeline')
export class GetAccountTimelineController {
  constructor(@Inject(REPORTING_QUERIES) private readonly queries: ReportingQueries) {}

  @Get()
  @Roles('client', 'collector', 'supervisor', 'compliance', 'admin')
  @ApiOkResponse({ description: 'The account history, in order, without event data.' })
  async get(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Req() request: PrincipalRequest): Promise<TimelineEntry[]> {
    const principal = principalOf(request);
    if (principal.role === 'client') assertVisibleTo(principal, await this.queries.clientOf(accountId), `account ${accountId}`);
    return this.queries.accountTimeline(accountId);
  }
}
