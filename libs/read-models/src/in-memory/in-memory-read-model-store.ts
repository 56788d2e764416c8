import { find } from 'mingo';
import { foldDocument, groupByDocument, liveFilter, stableSort, StoredDocument, toPublic } from '../fold';
import { ProjectedEvent, Projection, QueryOptions, ReadModelStore } from '../read-model-store.port';

/**
 * Read models held in process memory, queried with `mingo` (MongoDB's filter language),
 * for the all-in-one mode where read models are rebuilt from the event store at start.
 * Same idempotency and tombstone rules as the MongoDB adapter (see `fold.ts`).
 * Documents are copied on the way in and out, so callers never share state with the store.
 */
export class InMemoryReadModelStore implements ReadModelStore {
  private readonly collections = new Map<string, Map<string, StoredDocument>>();
  private readonly checkpoints = new Map<string, string>();
  private closed = false;

  async apply<Doc extends object>(projection: Projection<Doc>, events: readonly ProjectedEvent[]): Promise<void> {
    this.assertOpen();
    const groups = groupByDocument(projection, events);
    if (groups.size === 0) return;
    const documents = this.collection(projection.name);
    // Fold everything before storing anything: a projection that throws leaves the
    // batch unapplied, as in the MongoDB adapter, and the caller can simply retry it.
    const next: StoredDocument[] = [];
    for (const [id, group] of groups) {
      const stored = documents.get(id);
      const folded = foldDocument(projection, id, stored ? copyDocument(stored) : null, group);
      if (folded) next.push(copyDocument(folded));
    }
    for (const document of next) documents.set(document._id, document);
  }

  async find<Doc = Record<string, any>>(
    collection: string,
    filter?: Record<string, unknown>,
    options: QueryOptions = {},
  ): Promise<Doc[]> {
    this.assertOpen();
    if (isSingleIdFilter(filter)) {
      // The common lookup by id: one map read, not a query over a copy of the collection.
      const stored = this.collections.get(collection)?.get(filter._id);
      return stored && !stored._deleted && !options.skip && options.limit !== 0 ? [toPublic<Doc>(copyDocument(stored))] : [];
    }
    let cursor = find<StoredDocument>(this.documentsOf(collection), liveFilter(filter)).sort(stableSort(options.sort));
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return cursor.all().map((document) => toPublic<Doc>(copyDocument(document)));
  }

  async findOne<Doc = Record<string, any>>(collection: string, filter: Record<string, unknown>): Promise<Doc | null> {
    const [first] = await this.find<Doc>(collection, filter, { limit: 1 });
    return first ?? null;
  }

  async count(collection: string, filter?: Record<string, unknown>): Promise<number> {
    this.assertOpen();
    return find(this.documentsOf(collection), liveFilter(filter)).all().length;
  }

  async reset(collection: string): Promise<void> {
    this.assertOpen();
    this.collections.delete(collection);
    this.checkpoints.delete(collection);
  }

  async loadCheckpoint(name: string): Promise<string | null> {
    this.assertOpen();
    return this.checkpoints.get(name) ?? null;
  }

  async saveCheckpoint(name: string, value: string): Promise<void> {
    this.assertOpen();
    this.checkpoints.set(name, value);
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private collection(name: string): Map<string, StoredDocument> {
    let documents = this.collections.get(name);
    if (!documents) {
      documents = new Map();
      this.collections.set(name, documents);
    }
    return documents;
  }

  private documentsOf(name: string): StoredDocument[] {
    return [...(this.collections.get(name)?.values() ?? [])];
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('read-model store is closed');
  }
}

/**
 * A deep copy of a stored document. Documents hold what a MongoDB-wire server stores:
 * plain objects, arrays, dates and primitives; anything else is copied by
 * `structuredClone`. Several times faster than `structuredClone` for the whole document,
 * which dominated an `apply` of one event.
 */
function copyDocument<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyDocument) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyDocument((value as Record<string, unknown>)[key]);
  return copy as T;
}

function isSingleIdFilter(filter: Record<string, unknown> | undefined): filter is { _id: string } {
  return filter !== undefined && typeof filter._id === 'string' && Object.keys(filter).length === 1;
}

/** The in-memory read-model store: empty at creation, gone when the process ends. */
export function createInMemoryReadModelStore(): ReadModelStore {
  return new InMemoryReadModelStore();
}
