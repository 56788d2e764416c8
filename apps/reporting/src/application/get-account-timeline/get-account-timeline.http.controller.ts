import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@lib/es-core';
import { ApiProblems, CurrentPrincipal, Roles } from '@lib/platform';
import { TimelineEntryView } from '../get-account-history/history-entry.view';
import { GetAccountTimeline } from './get-account-timeline.query';

/**
 * What happened on an account, when and by whom, without the events' data: the audit
 * history as the people working the account (and its client) may see it.
 */
@ApiTags('reports')
@Controller('reports/accounts/:accountId/timeline')
export class GetAccountTimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('client', 'collector', 'supervisor', 'compliance', 'admin')
  @ApiParam({ name: 'accountId', format: 'uuid' })
  @ApiProblems('query', { 404: 'For a client: another client\'s account, or one nothing is known of (rule account-unknown). Staff get [] for the latter.' })
  @ApiOkResponse({ type: [TimelineEntryView], description: 'The account history, in order, without event data.' })
  get(@Param('accountId', new ParseUUIDPipe()) accountId: string, @CurrentPrincipal() principal: Principal): Promise<TimelineEntryView[]> {
    return this.queries.execute(new GetAccountTimeline(accountId, principal));
  }
}
