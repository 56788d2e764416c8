import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { IntakeDependencies } from '../../client-intake.dependencies';
import { BatchEvent, batchStreamId, ROWS_PER_CHUNK } from '../../domain/placement-batch/placement-batch.events';
import { BatchState } from '../../domain/placement-batch/placement-batch.state';
import { BatchStatusReader } from '../get-batch/batch-status.reader';
import { GetBatchResults } from './get-batch-results.query';
import { RowResultView } from './row-result.view';

/** Events read at a time: a 100,000-row batch's results are never all in memory. */
const EVENTS_PER_READ = 4;

/**
 * The rows with results, chunk by chunk as they were recorded (row order within a chunk),
 * then the rows still pending. Access is checked before the first line.
 */
@QueryHandler(GetBatchResults)
export class GetBatchResultsHandler implements IQueryHandler<GetBatchResults> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies,
    private readonly batches: BatchStatusReader,
  ) {}

  async execute({ batchId, principal }: GetBatchResults): Promise<AsyncIterable<RowResultView>> {
    const state = await this.batches.read(batchId, principal);
    return this.lines(batchId, state);
  }

  private async *lines(batchId: string, state: BatchState): AsyncIterable<RowResultView> {
    const seen = new Set<number>();
    for (let from = 0; ; from += EVENTS_PER_READ) {
      const events = (await this.deps.eventStore.readStream(batchStreamId(batchId), { fromVersion: from, toVersion: from + EVENTS_PER_READ - 1 })) as unknown as BatchEvent[];
      for (const event of events) {
        if (event.type !== 'RowsPlaced' || seen.has(event.data.chunk)) continue;
        seen.add(event.data.chunk);
        yield* event.data.results;
      }
      if (events.length < EVENTS_PER_READ) break;
    }
    for (let chunk = 0; chunk < state.chunks; chunk++) {
      if (seen.has(chunk)) continue;
      const last = Math.min((chunk + 1) * ROWS_PER_CHUNK, state.received);
      for (let row = chunk * ROWS_PER_CHUNK + 1; row <= last; row++) yield { row, outcome: 'pending' };
    }
  }
}
