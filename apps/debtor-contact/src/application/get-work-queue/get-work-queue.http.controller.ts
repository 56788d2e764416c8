import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint } from '@lib/platform';
import { GetWorkQueue } from './get-work-queue.query';
import { DEFAULT_QUEUE_LIMIT, GetWorkQueueRequest } from './get-work-queue.request.dto';
import { WorkQueueView } from './work-queue.view';

/** A collector's next accounts, in the documented priority order, each saying why. */
@Controller('work-queue')
export class GetWorkQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['collector', 'supervisor'], tag: 'work queue', answer: WorkQueueView, description: "The caller's assigned accounts first, then unassigned ones, each group in priority order (docs/debtor-contact.md, \"The work queue\").", problems: { 400: '`limit` is not a whole number from 1 to 200.' } })
  get(@Query() query: GetWorkQueueRequest, @CurrentPrincipal() principal: Principal): Promise<WorkQueueView> {
    return this.queries.execute(new GetWorkQueue(principal.id, query.limit ?? DEFAULT_QUEUE_LIMIT));
  }
}
