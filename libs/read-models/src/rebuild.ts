import { ProjectedEvent, Projection, ReadModelStore } from './read-model-store.port';

export interface RebuildOptions {
  /**
   * Handled events per `apply` call (default 5000); unhandled events do not count. Large
   * batches pay off: each document is loaded and written once per batch, and right after
   * the reset most writes are cheap inserts rather than compare-and-swap replacements.
   */
  batchSize?: number;
}

export interface RebuildResult {
  /** Events the projection handles that were applied. */
  applied: number;
  batches: number;
}

/**
 * Rebuilds a projection from scratch: resets its collection and checkpoint, then applies
 * `events` (in order, typically read from the event store from the start) in batches.
 * The result equals applying the same events incrementally, because both paths go
 * through the same idempotent `apply`. The caller saves the new checkpoint afterwards,
 * since only it knows the position the events were read up to.
 */
export async function rebuildProjection<Doc extends object>(
  store: ReadModelStore,
  projection: Projection<Doc>,
  events: AsyncIterable<ProjectedEvent> | Iterable<ProjectedEvent>,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 5000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const handled = new Set(projection.handles);
  const result: RebuildResult = { applied: 0, batches: 0 };
  await store.reset(projection.name);
  let batch: ProjectedEvent[] = [];
  const flush = async (): Promise<void> => {
    await store.apply(projection, batch);
    result.applied += batch.length;
    result.batches += 1;
    batch = [];
  };
  for await (const event of events) {
    if (!handled.has(event.type)) continue;
    batch.push(event);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return result;
}
