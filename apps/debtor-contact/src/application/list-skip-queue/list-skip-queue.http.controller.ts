import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint } from '@lib/platform';
import { ListSkipQueue } from './list-skip-queue.query';
import { SkipQueueEntryView } from './skip-queue.view';

/** The skip-tracing queue: accounts whose debtor cannot be reached, longest waiting first. */
@Controller('skip-queue')
export class ListSkipQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['collector', 'supervisor'], tag: 'holds and disputes', answer: [SkipQueueEntryView], description: 'The accounts in skip.' })
  list(): Promise<SkipQueueEntryView[]> {
    return this.queries.execute(new ListSkipQueue());
  }
}
