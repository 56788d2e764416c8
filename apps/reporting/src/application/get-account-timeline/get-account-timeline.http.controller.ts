import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { TimelineEntryView } from '../get-account-history/history-entry.view';
import { GetAccountTimeline } from './get-account-timeline.query';

/**
 * What happened on an account, when and by whom, without the events' data: the audit
 * history as the people working the account (and its client) may see it.
 */
@Controller('reports/accounts/:accountId/timeline')
export class GetAccountTimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['client', 'collector', 'supervisor', 'compliance', 'admin'], tag: 'reports', uuidParams: ['accountId'], answer: [TimelineEntryView], description: 'The account history, in order, without event data.', problems: { 404: 'For a client: another client\'s account, or one nothing is known of (rule account-unknown). Staff get [] for the latter.' } })
  get(@UuidParam('accountId') accountId: string, @CurrentPrincipal() principal: Principal): Promise<TimelineEntryView[]> {
    return this.queries.execute(new GetAccountTimeline(accountId, principal));
  }
}
