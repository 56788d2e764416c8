import { Query } from '@nestjs/cqrs';
import type { SkipQueueEntryView } from './skip-queue.view';

/** Every open account in skip, longest in skip first. */
export class ListSkipQueue extends Query<SkipQueueEntryView[]> {}
