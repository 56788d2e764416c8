import { foldDocument, groupByDocument, StoredDocument } from './fold';
import { ProjectedEvent, Projection, ReadModelStore } from './read-model-store.port';

export interface RebuildOptions {
  /**
   * Handled events per `apply` call (default 5000); unhandled events do not count. Large
   * batches pay off: each document is loaded and written once per batch, and right after
   * the reset most writes are cheap inserts rather than compare-and-swap replacements.
   * With a store that loads rebuilt documents in bulk (see `BulkRebuildTarget`), events
   * of documents already written are still sent in batches of this size.
   */
  batchSize?: number;
  /**
   * Bulk-loading stores only: documents folded in memory before they are written
   * (default 50 000). Below it a rebuild writes every document exactly once, as an insert;
   * past it the folded documents are inserted and later events of those documents go
   * through `apply` (load, compare-and-swap), so memory stays bounded.
   */
  maxDocumentsInMemory?: number;
}

export interface RebuildResult {
  /** Events the projection handles that were applied. */
  applied: number;
  /** `apply` calls, plus bulk insertions of folded documents. */
  batches: number;
}

/**
 * What a store offers to take a rebuilt collection in bulk (the MongoDB adapter does):
 * documents folded in memory are written as plain inserts into the collection the
 * rebuild has just reset, many per command.
 */
export interface BulkRebuildTarget {
  /**
   * Inserts `documents` (as `fold.ts` stores them) into `collection`. Rejects, without
   * overwriting anything, when one of them exists already: another writer wrote into a
   * collection being rebuilt, so the rebuild must start again.
   */
  insertRebuilt(collection: string, documents: readonly StoredDocument[]): Promise<void>;
}

function isBulkRebuildTarget(store: ReadModelStore): store is ReadModelStore & BulkRebuildTarget {
  return typeof (store as Partial<BulkRebuildTarget>).insertRebuilt === 'function';
}

/**
 * Rebuilds a projection from scratch: resets its collection and checkpoint, then applies
 * `events` (in order, typically read from the event store from the start) in batches.
 * The result equals applying the same events incrementally, because both paths fold
 * through `fold.ts` with the same version guard. On a `BulkRebuildTarget` the documents
 * are folded in memory and inserted once each (see `maxDocumentsInMemory`) instead of
 * going through `apply`. The caller saves the new checkpoint afterwards, since only it
 * knows the position the events were read up to.
 */
export async function rebuildProjection<Doc extends object>(
  store: ReadModelStore,
  projection: Projection<Doc>,
  events: AsyncIterable<ProjectedEvent> | Iterable<ProjectedEvent>,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const batchSize = positiveInteger('batchSize', options.batchSize ?? 5000);
  const maxDocuments = positiveInteger('maxDocumentsInMemory', options.maxDocumentsInMemory ?? 50_000);
  const handled = new Set(projection.handles);
  const result: RebuildResult = { applied: 0, batches: 0 };
  await store.reset(projection.name);
  const fold = isBulkRebuildTarget(store) ? new InMemoryFold(store, projection, maxDocuments) : undefined;
  let batch: ProjectedEvent[] = [];
  const flush = async (): Promise<void> => {
    if (fold) result.batches += await fold.add(batch);
    else {
      await store.apply(projection, batch);
      result.batches += 1;
    }
    result.applied += batch.length;
    batch = [];
  };
  for await (const event of events) {
    if (!handled.has(event.type)) continue;
    batch.push(event);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  if (fold) result.batches += await fold.writeFolded();
  return result;
}

/**
 * The bulk path: documents not written yet are folded in memory (the collection was just
 * reset, so there is nothing to load), and written as inserts once memory is full or
 * the history ends. Events of documents already written go through the store's `apply`.
 */
class InMemoryFold {
  private readonly folded = new Map<string, StoredDocument>();
  private readonly written = new Set<string>();
  /** The projection restricted to documents already written, for `apply`. */
  private readonly writtenOnly: Projection<any>;

  constructor(
    private readonly store: ReadModelStore & BulkRebuildTarget,
    private readonly projection: Projection<any>,
    private readonly maxDocuments: number,
  ) {
    this.writtenOnly = {
      ...projection,
      documentIds: (event) => projection.documentIds(event).filter((id) => this.written.has(id)),
    };
  }

  /** Folds a batch; returns how many store calls it made. */
  async add(events: readonly ProjectedEvent[]): Promise<number> {
    let calls = 0;
    let toApply = false;
    for (const [id, documentEvents] of groupByDocument(this.projection, events)) {
      if (this.written.has(id)) {
        toApply = true;
        continue;
      }
      const next = foldDocument(this.projection, id, this.folded.get(id) ?? null, documentEvents);
      if (next) this.folded.set(id, next);
    }
    if (toApply) {
      await this.store.apply(this.writtenOnly, events);
      calls += 1;
    }
    if (this.folded.size >= this.maxDocuments) calls += await this.writeFolded();
    return calls;
  }

  /** Inserts the folded documents; returns how many store calls it made. */
  async writeFolded(): Promise<number> {
    if (this.folded.size === 0) return 0;
    const documents = [...this.folded.values()];
    await this.store.insertRebuilt(this.projection.name, documents);
    for (const id of this.folded.keys()) this.written.add(id);
    this.folded.clear();
    return 1;
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
