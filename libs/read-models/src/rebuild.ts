import { foldEvents, groupByDocument, StoredDocument } from './fold';
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
  const results = await rebuildProjections(store, [projection], events, options);
  return results.get(projection.name)!;
}

/**
 * Rebuilds several projections from ONE pass over `events`: each event goes to the
 * projections that handle it, each projection as `rebuildProjection` does (same batches,
 * same bulk path, same result). Store calls overlap the fold: on a `BulkRebuildTarget` a
 * full fold is handed to `insertRebuilt` and folding goes on into a fresh one while the
 * server inserts; the pass waits for a projection only when it has a second store call to
 * make while one is in flight (so each projection holds at most its fold, the fold being
 * inserted, and one batch). Use it when reading the events is dear (one read of the
 * history instead of one per projection) or the store is a server that can write while
 * this process folds. Rejects with the first failure, once every store call settled.
 */
export async function rebuildProjections(
  store: ReadModelStore,
  projections: readonly Projection<any>[],
  events: AsyncIterable<ProjectedEvent> | Iterable<ProjectedEvent>,
  options: RebuildOptions = {},
): Promise<Map<string, RebuildResult>> {
  const batchSize = positiveInteger('batchSize', options.batchSize ?? 5000);
  const maxDocuments = positiveInteger('maxDocumentsInMemory', options.maxDocumentsInMemory ?? 50_000);
  const names = new Set(projections.map((projection) => projection.name));
  if (names.size < projections.length) throw new Error('rebuildProjections: two projections write the same collection');
  for (const projection of projections) await store.reset(projection.name);
  const bulk = isBulkRebuildTarget(store) ? store : undefined;
  const lanes = projections.map((projection) => new RebuildLane(store, projection, bulk && new InMemoryFold(bulk, projection, maxDocuments)));
  const readers = new Map<string, RebuildLane[]>();
  try {
    for await (const event of events) {
      let found = readers.get(event.type);
      if (!found) {
        found = lanes.filter((lane) => lane.handles.has(event.type));
        readers.set(event.type, found);
      }
      for (const lane of found) {
        lane.batch.push(event);
        if (lane.batch.length >= batchSize) await lane.flush();
      }
    }
    for (const lane of lanes) await lane.flush();
    for (const lane of lanes) await lane.finish();
  } finally {
    await Promise.allSettled(lanes.map((lane) => lane.pending));
  }
  return new Map(lanes.map((lane) => [lane.projection.name, lane.result]));
}

/** One projection of a rebuild: the batch being filled, and at most one store call in flight. */
class RebuildLane {
  readonly handles: ReadonlySet<string>;
  readonly result: RebuildResult = { applied: 0, batches: 0 };
  batch: ProjectedEvent[] = [];
  /** The store call in flight (settled when there is none). */
  pending: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly store: ReadModelStore,
    readonly projection: Projection<any>,
    private readonly fold: InMemoryFold | undefined,
  ) {
    this.handles = new Set(projection.handles);
  }

  /** Folds or sends the batch; waits only when a store call is due while the previous one is in flight. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const events = this.batch;
    this.batch = [];
    this.result.applied += events.length;
    if (!this.fold) return this.call(() => this.store.apply(this.projection, events));
    // Events of documents handed to the store wait for that store call to land, so the
    // previous call is awaited before the fold that would need it.
    if (this.busy && this.fold.touchesWritten(events)) await this.pending;
    const work = this.fold.add(events);
    if (work) await this.call(work);
  }

  async finish(): Promise<void> {
    await this.pending;
    const work = this.fold?.takeFolded();
    if (work) {
      await this.call(work);
      await this.pending;
    }
  }

  /** Starts `work` once the call in flight landed; returns when it has started. */
  private async call(work: () => Promise<void>): Promise<void> {
    if (this.busy) await this.pending;
    this.busy = true;
    this.pending = work().then(
      () => {
        this.result.batches += 1;
        this.busy = false;
      },
      (error: unknown) => {
        this.busy = false;
        throw error;
      },
    );
    // Observed by the next call, by finish, or by the rebuild's final settling.
    this.pending.catch(() => undefined);
  }
}

/**
 * The bulk path: documents not written yet are folded in memory (the collection was just
 * reset, so there is nothing to load), and handed to the store as inserts once the fold
 * is full or the history ends. Events of documents already handed over go through the
 * store's `apply`, after their insertion landed.
 */
class InMemoryFold {
  private folded = new Map<string, StoredDocument>();
  private readonly written = new Set<string>();

  constructor(
    private readonly store: ReadModelStore & BulkRebuildTarget,
    private readonly projection: Projection<any>,
    private readonly maxDocuments: number,
  ) {}

  /** Whether some of `events` belong to documents already handed to the store. */
  touchesWritten(events: readonly ProjectedEvent[]): boolean {
    if (this.written.size === 0) return false;
    for (const event of events) for (const id of this.projection.documentIds(event)) if (this.written.has(id)) return true;
    return false;
  }

  /**
   * Folds a batch into memory; returns the store work it leaves (an `apply` of the events
   * of documents already written, then the insertion of a full fold), if any. The caller
   * starts that work only after the previous store call landed.
   */
  add(events: readonly ProjectedEvent[]): (() => Promise<void>) | undefined {
    const toApply = new Set<string>();
    for (const [id, documentEvents] of groupByDocument(this.projection, events)) {
      if (this.written.has(id)) {
        toApply.add(id);
        continue;
      }
      const next = foldHeld(this.projection, id, this.folded.get(id), documentEvents);
      if (next) this.folded.set(id, next);
    }
    const insert = this.folded.size >= this.maxDocuments ? this.takeFolded() : undefined;
    if (toApply.size === 0) return insert;
    // The documents written when this batch was folded, not when the work runs: by then
    // more may have been handed over, whose events are in their folded state already.
    const writtenOnly: Projection<any> = { ...this.projection, documentIds: (event) => this.projection.documentIds(event).filter((id) => toApply.has(id)) };
    return async () => {
      await this.store.apply(writtenOnly, events);
      if (insert) await insert();
    };
  }

  /** Hands over the folded documents (they count as written from now on); returns their insertion, if any. */
  takeFolded(): (() => Promise<void>) | undefined {
    if (this.folded.size === 0) return undefined;
    const documents = [...this.folded.values()];
    for (const id of this.folded.keys()) this.written.add(id);
    this.folded = new Map();
    return () => this.store.insertRebuilt(this.projection.name, documents);
  }
}

/**
 * `foldDocument` for a document only this fold holds (nobody reads it before it is
 * inserted): the projection gets the held fields themselves (it is pure), and the versions
 * are advanced in the held `_applied`, instead of copying the document twice per batch
 * (a rest copy without the bookkeeping, then a spread with it), which a CPU profile of the
 * MongoDB-wire rebuild put at about a tenth of its process's time. Same result.
 */
function foldHeld(projection: Projection<any>, id: string, held: StoredDocument | undefined, events: readonly ProjectedEvent[]): StoredDocument | null {
  const folded = foldEvents(projection, held && !held._deleted ? fieldsOf(held) : null, held !== undefined, held?._applied, events);
  if (!folded) return null;
  const _applied = held ? Object.assign(held._applied, folded.applied) : folded.applied;
  const _rev = (held?._rev ?? 0) + 1;
  if (folded.state === null) return { _id: id, _applied, _rev, _deleted: true };
  const document: Record<string, unknown> = {};
  for (const key of Object.keys(folded.state)) if (key !== '_applied' && key !== '_rev' && key !== '_deleted') document[key] = folded.state[key];
  document._id = id;
  document._applied = _applied;
  document._rev = _rev;
  return document as StoredDocument;
}

/** A held document's fields and `_id`, without the bookkeeping: a shallow view, the values shared. */
function fieldsOf(held: StoredDocument): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(held)) if (key !== '_applied' && key !== '_rev' && key !== '_deleted') fields[key] = held[key];
  return fields;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
