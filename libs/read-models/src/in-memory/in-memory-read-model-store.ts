import { createRequire } from 'node:module';
import type * as Mingo from 'mingo';
import { foldEvents, groupByDocument, liveFilter, stableSort, StoredDocument } from '../fold';
import { ProjectedEvent, Projection, QueryOptions, ReadModelStore } from '../read-model-store.port';

/**
 * Read models held in process memory, queried with `mingo` (MongoDB's filter language),
 * for the all-in-one mode where read models are rebuilt from the event store at start.
 * Same idempotency and tombstone rules as the MongoDB adapter (see `fold.ts`).
 * Documents are copied on the way out (query results), so readers never share state with
 * the store. On the way in `evolve` gets the stored document itself (its fields without
 * the bookkeeping), relying on the port's rule that a projection is pure, and what it
 * returns is stored as it is; so events handed to `apply` must not change afterwards,
 * since the stored documents may hold parts of them.
 */
export class InMemoryReadModelStore implements ReadModelStore {
  private readonly collections = new Map<string, Collection>();
  private readonly checkpoints = new Map<string, string>();
  private closed = false;

  async apply<Doc extends object>(projection: Projection<Doc>, events: readonly ProjectedEvent[]): Promise<void> {
    this.assertOpen();
    const groups = groupByDocument(projection, events);
    if (groups.size === 0) return;
    const collection = this.collection(projection.name);
    // Fold everything before storing anything: a projection that throws leaves the
    // batch unapplied, as in the MongoDB adapter, and the caller can simply retry it.
    const next: Array<{ stored: StoredDocument | undefined; advanced: Record<string, number>; document: StoredDocument }> = [];
    for (const [id, group] of groups) {
      const stored = collection.documents.get(id);
      // The projection gets the stored fields themselves, not a deep copy: `evolve` is pure
      // (it returns a new document and never changes the one it receives), and a copy per
      // event made the cost of an event grow with its document (a client's trust ledger
      // holds every payment). The versions are read in place (`foldEvents` does not write them).
      const state = stored && !stored._deleted ? publicView(stored) : null;
      const folded = foldEvents(projection, state, stored !== undefined, stored?._applied, group);
      if (!folded) continue;
      const _rev = (stored?._rev ?? 0) + 1;
      const document = folded.state === null ? { _id: id, _applied: folded.applied, _rev, _deleted: true as const } : storedCopy(folded.state, id, folded.applied, _rev);
      next.push({ stored, advanced: folded.applied, document });
    }
    for (const { stored, advanced, document } of next) {
      // `_applied` is the store's own object, never handed out: advanced in place.
      if (stored) document._applied = Object.assign(stored._applied, advanced);
      collection.documents.set(document._id, document);
      collection.reindex(stored, document);
    }
  }

  async find<Doc = Record<string, any>>(
    collection: string,
    filter?: Record<string, unknown>,
    options: QueryOptions = {},
  ): Promise<Doc[]> {
    this.assertOpen();
    if (isSingleIdFilter(filter)) {
      // The common lookup by id: one map read, not a query over a copy of the collection.
      const stored = this.collections.get(collection)?.documents.get(filter._id);
      return stored && !stored._deleted && !options.skip && options.limit !== 0 ? [publicCopy(stored) as Doc] : [];
    }
    let cursor = mingo().find<StoredDocument>(this.candidates(collection, filter), liveFilter(filter)).sort(stableSort(options.sort));
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return cursor.all().map((document) => publicCopy(document) as Doc);
  }

  async findOne<Doc = Record<string, any>>(collection: string, filter: Record<string, unknown>): Promise<Doc | null> {
    const [first] = await this.find<Doc>(collection, filter, { limit: 1 });
    return first ?? null;
  }

  async count(collection: string, filter?: Record<string, unknown>): Promise<number> {
    this.assertOpen();
    return mingo().find(this.candidates(collection, filter), liveFilter(filter)).all().length;
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

  private collection(name: string): Collection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Collection();
      this.collections.set(name, collection);
    }
    return collection;
  }

  /** The documents that may match `filter`: a superset of the matches, which the query then filters. */
  private candidates(name: string, filter: Record<string, unknown> | undefined): StoredDocument[] {
    const collection = this.collections.get(name);
    if (!collection) return [];
    const equality = filter && indexableEquality(filter);
    return equality ? collection.withValue(equality.field, equality.value) : [...collection.documents.values()];
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('read-model store is closed');
  }
}

/** A value an equality index can serve: MongoDB equality on it matches exactly the same values (or arrays holding one). */
type IndexedValue = string | number | boolean;

/**
 * One collection: its documents by id, and equality indexes (field -> value -> ids) made
 * on the first query that filters on a field by a plain value, kept up to date by every
 * write after that. An account's history, say, then reads that account's entries, not
 * every account's.
 */
class Collection {
  readonly documents = new Map<string, StoredDocument>();
  private readonly indexes = new Map<string, Map<IndexedValue, Set<string>>>();

  withValue(field: string, value: IndexedValue): StoredDocument[] {
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      for (const document of this.documents.values()) addToIndex(index, field, document);
      this.indexes.set(field, index);
    }
    const found: StoredDocument[] = [];
    for (const id of index.get(value) ?? []) found.push(this.documents.get(id)!);
    return found;
  }

  reindex(before: StoredDocument | undefined, after: StoredDocument): void {
    for (const [field, index] of this.indexes) {
      if (before) removeFromIndex(index, field, before);
      addToIndex(index, field, after);
    }
  }
}

function indexKeysOf(document: StoredDocument, field: string): IndexedValue[] {
  const value = document[field];
  if (isIndexable(value)) return [value];
  // MongoDB equality on an array field matches when any element is equal.
  return Array.isArray(value) ? value.filter(isIndexable) : [];
}

function addToIndex(index: Map<IndexedValue, Set<string>>, field: string, document: StoredDocument): void {
  for (const key of indexKeysOf(document, field)) {
    const ids = index.get(key);
    if (ids) ids.add(document._id);
    else index.set(key, new Set([document._id]));
  }
}

function removeFromIndex(index: Map<IndexedValue, Set<string>>, field: string, document: StoredDocument): void {
  for (const key of indexKeysOf(document, field)) {
    const ids = index.get(key);
    ids?.delete(document._id);
    if (ids?.size === 0) index.delete(key);
  }
}

function isIndexable(value: unknown): value is IndexedValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Number.isNaN(value));
}

/** The first top-level field the filter compares with a plain value (not `_id`, a path, an operator or null). */
function indexableEquality(filter: Record<string, unknown>): { field: string; value: IndexedValue } | undefined {
  for (const [field, value] of Object.entries(filter)) {
    if (field === '_id' || field.startsWith('$') || field.includes('.')) continue;
    if (isIndexable(value)) return { field, value };
  }
  return undefined;
}

/**
 * The document as queries and projections see it: its fields and `_id`, without the
 * bookkeeping, deep-copied so callers never share state with the store.
 */
function publicCopy(stored: StoredDocument): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) {
    if (key === '_applied' || key === '_rev' || key === '_deleted') continue;
    const value = stored[key];
    copy[key] = value === null || typeof value !== 'object' ? value : copyDocument(value);
  }
  return copy;
}

/** The stored document's own fields and `_id`, without the bookkeeping: a shallow view, the values shared. */
function publicView(stored: StoredDocument): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) {
    if (key === '_applied' || key === '_rev' || key === '_deleted') continue;
    view[key] = stored[key];
  }
  return view;
}

/**
 * What `foldDocument` would store: the state's fields, then `_id`, `_applied` and `_rev`.
 * The field values are kept, not copied: `evolve` built them from the stored document
 * (which it does not change) and from the events, the store never changes them in place,
 * and they leave the store only as copies. (A deep copy here cost about a fifth of
 * a rebuild's CPU.) So callers must not change events after handing them to `apply`.
 */
function storedCopy(state: Record<string, unknown>, id: string, applied: Record<string, number>, rev: number): StoredDocument {
  const document: Record<string, unknown> = {};
  for (const key of Object.keys(state)) {
    if (key === '_applied' || key === '_rev' || key === '_deleted') continue;
    document[key] = state[key];
  }
  document._id = id;
  document._applied = applied;
  document._rev = rev;
  return document as StoredDocument;
}

/**
 * A deep copy of a stored value. Documents hold what a MongoDB-wire server stores:
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

const requireHere = createRequire(__filename);
let mingoModule: typeof Mingo | undefined;

/**
 * mingo (about 300 modules) is loaded by the first query, not with the library: a process
 * that never queries an in-memory store, like the all-in-one with its read models in
 * PGlite, does not carry it (docs/benchmarks.md, the all-in-one's idle memory).
 */
function mingo(): typeof Mingo {
  return (mingoModule ??= requireHere('mingo') as typeof Mingo);
}
