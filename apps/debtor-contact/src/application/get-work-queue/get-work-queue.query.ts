import { Query } from '@nestjs/cqrs';
import type { WorkQueueView } from './work-queue.view';

/** The next accounts for this collector to work: assigned to them first, then unassigned, each group in priority order. */
export class GetWorkQueue extends Query<WorkQueueView> {
  constructor(
    readonly collectorId: string,
    readonly limit: number,
  ) {
    super();
  }
}
