import { HttpException, Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { nameBasedId } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { IntakeDependencies } from '../../client-intake.dependencies';
import { BATCH_QUEUE_STREAM, BatchEvent, batchRowsStreamId, batchStreamId, ReceivedRow, ROWS_PER_CHUNK } from '../../domain/placement-batch/placement-batch.events';
import { BatchState, evolveBatch } from '../../domain/placement-batch/placement-batch.state';
import { BatchWorker } from '../process-batch/batch-worker';
import { BatchRow, openBatchFile } from './batch-file';
import { PlaceBatch } from './place-batch.command';
import { stamped } from './stamped-event';
import { BatchAccepted } from './place-batch.request.dto';

/**
 * Stores the file as events before answering: `BatchReceived`, then the rows in chunks
 * (`RowsReceived`, in `batch-rows-<id>`), then `BatchSealed`, and the batch goes on the
 * work list. Only then the 202: an accepted batch is durable, and the worker places it
 * (now, or after a restart). With an `Idempotency-Key` the batch id follows from the
 * client and the key, so a retry meets the same batch: one already sealed is answered
 * again, one cut off while it was being stored goes on after the rows already kept.
 */
@CommandHandler(PlaceBatch)
export class PlaceBatchHandler implements ICommandHandler<PlaceBatch> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies,
    private readonly worker: BatchWorker,
  ) {}

  async execute({ file, contentType, context }: PlaceBatch): Promise<BatchAccepted> {
    const clientId = context.principal.id;
    const batchId = context.dedupeByCausation ? nameBasedId(`placement-batch:${clientId}`, context.causationId) : context.newId();
    const store = this.deps.eventStore;
    const earlier = (await store.readStream(batchStreamId(batchId))) as unknown as BatchEvent[];
    const state = earlier.reduce<BatchState | undefined>(evolveBatch, undefined);
    if (state?.status === 'refused') throw refusalOf(state);
    if (state && state.status !== 'receiving') return accepted(batchId, state.received);

    const { format, rows } = await openBatchFile(file, contentType);
    let batchVersion = earlier.length - 1;
    if (!state) {
      await store.appendToStream(batchStreamId(batchId), [stamped({ type: 'BatchReceived', data: { batchId, clientId, format, receivedAt: context.now.toISOString() } }, context)], { expectedVersion: 'no_stream' });
      batchVersion = 0;
    }
    const alreadyKept = state ? await rowsKept(this.deps, batchId) : 0;
    let chunk: ReceivedRow[] = [];
    let chunks = 0;
    let received = 0;
    const flush = async () => {
      if (chunk.length === 0) return;
      if (received - chunk.length >= alreadyKept) {
        await store.appendToStream(batchRowsStreamId(batchId), [stamped({ type: 'RowsReceived', data: { chunk: chunks, rows: chunk } }, context)], { expectedVersion: chunks === 0 ? 'no_stream' : chunks - 1 });
      }
      chunks += 1;
      chunk = [];
    };
    try {
      for await (const row of rows) {
        chunk.push(asReceived(row));
        received += 1;
        if (chunk.length === ROWS_PER_CHUNK) await flush();
      }
    } catch (error) {
      const refusal = refusalBody(error);
      if (refusal) await store.appendToStream(batchStreamId(batchId), [stamped({ type: 'BatchRefused', data: refusal }, context)], { expectedVersion: batchVersion });
      throw error;
    }
    await flush();
    await store.appendToStream(batchStreamId(batchId), [stamped({ type: 'BatchSealed', data: { rows: received, chunks } }, context)], { expectedVersion: batchVersion });
    await store.appendToStream(BATCH_QUEUE_STREAM, [stamped({ type: 'BatchQueued', data: { batchId } }, context)], { expectedVersion: 'any' });
    this.worker.enqueue(batchId);
    return accepted(batchId, received);
  }
}

function accepted(batchId: string, received: number): BatchAccepted {
  return { batchId, received, status: 'accepted', location: `/placements/batches/${batchId}` };
}

function asReceived(row: BatchRow): ReceivedRow {
  return 'problems' in row ? { row: row.row, problems: row.problems } : { row: row.row, placement: row.placement };
}

/** How many rows an earlier, cut-off upload of this batch stored (whole chunks only: a chunk is one append). */
async function rowsKept(deps: IntakeDependencies, batchId: string): Promise<number> {
  const chunks = await deps.eventStore.readStream(batchRowsStreamId(batchId));
  return chunks.length * ROWS_PER_CHUNK;
}

/** A refusal found while reading (413 too many rows) is kept, so a retry under the same key is refused alike. */
function refusalBody(error: unknown): { rule: string; status: number; reason: string } | undefined {
  const status = (error as { getStatus?: () => number }).getStatus?.();
  const response = (error as { getResponse?: () => unknown }).getResponse?.() as { rule?: string; message?: string } | undefined;
  if (status !== 413 || !response?.rule) return undefined;
  return { rule: response.rule, status, reason: response.message ?? '' };
}

function refusalOf(state: BatchState): HttpException {
  return new HttpException({ message: state.refusal!.reason, rule: state.refusal!.rule }, state.refusal!.status);
}
