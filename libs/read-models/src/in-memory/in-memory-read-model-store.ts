import { createRequire } from 'node:module';
import type * as Mingo from 'mingo';
import { foldEvents, groupByDocument, liveFilter, stableSort, StoredDocument } from '../fold';
import { ProjectedEvent, Projection, QueryOptions, ReadModelStore } from '../read-model-store.port';

/** Options of the in-memory store. */
export interface InMemoryReadModelStoreOptions {
  /**
   * Documents per collection kept as live objects, the most recently written (default
   * 100 000); the others are kept as their JSON text and parsed when read or folded. At
   * least 1. A bound, not a cache size to tune for correctness: every document reads the
   * same either way (see the class).
   */
  liveDocuments?: number;
}

const DEFAULT_LIVE_DOCUMENTS = 100_000;

/**
 * Read models held in process memory, queried with `mingo` (MongoDB's filter language),
 * for the all-in-one mode where read models are rebuilt from the event store at start.
 * Same idempotency and tombstone rules as the MongoDB adapter (see `fold.ts`).
 *
 * Each collection keeps its `liveDocuments` most recently written documents as live
 * objects and every other one as one JSON string (bookkeeping included), parsed when it is
 * read or folded again. A string is one object the garbage collector marks without
 * looking inside, where a live document is dozens it must trace: a rebuild of 1 000 000
 * events kept ~1.5 GB of documents live and spent most of its time in GC
 * (docs/benchmarks.md, "Documents the GC does not trace"). Documents are therefore JSON:
 * what a query returns is what a JSON round trip of the stored document gives, whether it
 * is live or not (a `Date` reads as its ISO string, `undefined` fields are left out, as in
 * the SQL stores); a projection that keeps JSON values (ISO strings, not `Date`s) sees the
 * same in `evolve` either way.
 *
 * Documents are copied on the way out (a parsed string is a fresh copy; a live document is
 * copied), so readers never share state with the store. On the way in `evolve` gets the
 * stored document itself (its fields without the bookkeeping), relying on the port's rule
 * that a projection is pure, and what it returns is stored as it is; so events handed to
 * `apply` must not change afterwards, since the stored documents may hold parts of them.
 */
export class InMemoryReadModelStore implements ReadModelStore {
  private readonly collections = new Map<string, Collection>();
  private readonly checkpoints = new Map<string, string>();
  private readonly liveDocuments: number;
  private closed = false;

  constructor(options: InMemoryReadModelStoreOptions = {}) {
    const live = options.liveDocuments ?? DEFAULT_LIVE_DOCUMENTS;
    if (!Number.isInteger(live) || live < 1) throw new RangeError(`liveDocuments must be a positive integer, got ${live}`);
    this.liveDocuments = live;
  }

  async apply<Doc extends object>(projection: Projection<Doc>, events: readonly ProjectedEvent[]): Promise<void> {
    this.assertOpen();
    const groups = groupByDocument(projection, events);
    if (groups.size === 0) return;
    const collection = this.collection(projection.name);
    // Fold everything before storing anything: a projection that throws leaves the
    // batch unapplied, as in the MongoDB adapter, and the caller can simply retry it.
    const next: Array<{ stored: StoredDocument | undefined; advanced: Record<string, number>; document: StoredDocument }> = [];
    for (const [id, group] of groups) {
      // A document kept as text is parsed here: the parse is the store's private copy.
      const stored = collection.get(id);
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
      // `_applied` is the store's own object (or its parsed copy), never handed out: advanced in place.
      if (stored) document._applied = Object.assign(stored._applied, advanced);
      collection.put(document);
      collection.reindex(stored, document);
    }
    collection.keepLive(this.liveDocuments);
  }

  async find<Doc = Record<string, any>>(
    collection: string,
    filter?: Record<string, unknown>,
    options: QueryOptions = {},
  ): Promise<Doc[]> {
    this.assertOpen();
    const stored = this.collections.get(collection);
    if (isSingleIdFilter(filter)) {
      // The common lookup by id: one map read, not a query over a copy of the collection.
      const found = stored?.publicDocument(filter._id);
      return found && !options.skip && options.limit !== 0 ? [found as Doc] : [];
    }
    if (!stored) return [];
    const range = idOrderedRange(filter, options.sort);
    if (range) return stored.pageInIdOrder(range, options.skip ?? 0, options.limit || Number.POSITIVE_INFINITY) as Doc[];
    const candidates = stored.candidates(filter);
    let cursor = mingo().find<StoredDocument>(candidates.documents, liveFilter(filter)).sort(stableSort(options.sort));
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return cursor.all().map((document) => (candidates.parsed.has(document) ? publicView(document) : publicCopy(document)) as Doc);
  }

  async findOne<Doc = Record<string, any>>(collection: string, filter: Record<string, unknown>): Promise<Doc | null> {
    const [first] = await this.find<Doc>(collection, filter, { limit: 1 });
    return first ?? null;
  }

  async count(collection: string, filter?: Record<string, unknown>): Promise<number> {
    this.assertOpen();
    const stored = this.collections.get(collection);
    if (!stored) return 0;
    // Counting everything needs no document read: the collection knows its tombstones.
    if (filter === undefined || Object.keys(filter).length === 0) return stored.liveCount;
    return mingo().find(stored.candidates(filter).documents, liveFilter(filter)).all().length;
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

  private assertOpen(): void {
    if (this.closed) throw new Error('read-model store is closed');
  }
}

/** A value an equality index can serve: MongoDB equality on it matches exactly the same values (or arrays holding one). */
type IndexedValue = string | number | boolean;

/**
 * One collection: its documents by id, each a live object (the `live` most recently
 * written, in `recent`, least recent first) or its JSON text; and equality indexes
 * (field -> value -> ids) made on the first query that filters on a field by a plain value,
 * kept up to date by every write after that. An account's history, say, then reads that
 * account's entries, not every account's.
 */
class Collection {
  private readonly documents = new Map<string, StoredDocument | Buffer>();
  /** Ids of the documents held live, least recently written first (a Set keeps insertion order). */
  private readonly recent = new Set<string>();
  /** Ids of tombstones, so that counting the live documents reads none of them. */
  private readonly tombstones = new Set<string>();
  private readonly indexes = new Map<string, Map<IndexedValue, Set<string>>>();
  /**
   * Every id held (tombstones included) in code-unit order, made by the first page read in
   * id order, and ids written since, not sorted yet: merged in by the next such read.
   */
  private idOrder: string[] | undefined;
  private idsSinceOrder: string[] = [];

  get liveCount(): number {
    return this.documents.size - this.tombstones.size;
  }

  /** The stored document: the live object itself, or a fresh parse of its text. */
  get(id: string): StoredDocument | undefined {
    const held = this.documents.get(id);
    return held !== undefined && isText(held) ? parseText(held) : held;
  }

  /** The document as a query returns it (a private copy), or undefined when absent or deleted. */
  publicDocument(id: string): Record<string, unknown> | undefined {
    if (this.tombstones.has(id)) return undefined;
    const held = this.documents.get(id);
    if (held === undefined) return undefined;
    return isText(held) ? publicView(parseText(held)) : publicCopy(held);
  }

  /** Stores `document` live, as the most recently written. */
  put(document: StoredDocument): void {
    const id = document._id;
    if (this.idOrder && !this.documents.has(id)) this.idsSinceOrder.push(id);
    this.documents.set(id, document);
    this.recent.delete(id);
    this.recent.add(id);
    if (document._deleted) this.tombstones.add(id);
    else this.tombstones.delete(id);
  }

  /** Turns the least recently written live documents into text until at most `live` are left. */
  keepLive(live: number): void {
    let excess = this.recent.size - live;
    if (excess <= 0) return;
    for (const id of this.recent) {
      if (excess-- <= 0) break;
      this.recent.delete(id);
      const document = this.documents.get(id) as StoredDocument;
      const text = toJsonText(document);
      // A document JSON cannot hold (a BigInt in it) stays live, as the most recent.
      if (text === undefined) this.recent.add(id);
      else this.documents.set(id, Buffer.from(text));
    }
  }

  /**
   * A page of the live documents in `_id` order, from the first id past `range` on: what
   * a query with that `_id` range and sort answers, reading only the documents it returns.
   * A rebuild reads its sources so (a keyset page, or `skip`), and running each page through
   * the query engine sorted the whole collection, every document kept as text parsed, per
   * page: a rebuild's reading grew with the square of the collection (docs/benchmarks.md).
   */
  pageInIdOrder(range: IdRange, skip: number, limit: number): Record<string, unknown>[] {
    const ids = this.idsInOrder();
    let at = range.after === undefined ? 0 : firstPast(ids, range.after, range.inclusive);
    const page: Record<string, unknown>[] = [];
    for (; at < ids.length && page.length < limit; at++) {
      const id = ids[at];
      if (this.tombstones.has(id)) continue;
      if (skip > 0) {
        skip -= 1;
        continue;
      }
      page.push(this.publicDocument(id)!);
    }
    return page;
  }

  private idsInOrder(): readonly string[] {
    if (!this.idOrder) {
      this.idOrder = [...this.documents.keys()].sort(byCodeUnit);
      this.idsSinceOrder = [];
    } else if (this.idsSinceOrder.length > 0) {
      this.idOrder = mergeSorted(this.idOrder, this.idsSinceOrder.sort(byCodeUnit));
      this.idsSinceOrder = [];
    }
    return this.idOrder;
  }

  /**
   * The documents that may match `filter` (a superset of the matches, which the query then
   * filters), and which of them are parsed copies, fresh, which a query may hand out as
   * they are (the live ones it must copy).
   */
  candidates(filter: Record<string, unknown> | undefined): { documents: StoredDocument[]; parsed: Set<StoredDocument> } {
    const equality = filter && indexableEquality(filter);
    const parsed = new Set<StoredDocument>();
    const documents: StoredDocument[] = [];
    const add = (held: StoredDocument | Buffer): void => {
      if (!isText(held)) return void documents.push(held);
      const document = parseText(held);
      parsed.add(document);
      documents.push(document);
    };
    if (equality) for (const id of this.withValue(equality.field, equality.value)) add(this.documents.get(id)!);
    else for (const held of this.documents.values()) add(held);
    return { documents, parsed };
  }

  private withValue(field: string, value: IndexedValue): Iterable<string> {
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      for (const id of this.documents.keys()) addToIndex(index, field, this.get(id)!);
      this.indexes.set(field, index);
    }
    return index.get(value) ?? [];
  }

  reindex(before: StoredDocument | undefined, after: StoredDocument): void {
    for (const [field, index] of this.indexes) {
      if (before) removeFromIndex(index, field, before);
      addToIndex(index, field, after);
    }
  }
}

/** Where a page in `_id` order starts: past `after` (at it too when `inclusive`), or at the first id. */
interface IdRange {
  after?: string;
  inclusive: boolean;
}

/**
 * The `_id` range of a query that reads documents in `_id` order and filters on nothing
 * else (no filter, or `_id` `$gt` / `$gte` a string), sorted by `_id` ascending or not
 * at all (`stableSort` sorts by `_id` then); undefined for any other query.
 */
function idOrderedRange(filter: Record<string, unknown> | undefined, sort: Record<string, 1 | -1> | undefined): IdRange | undefined {
  if (sort) {
    const keys = Object.keys(sort);
    if (keys.length > 1 || (keys.length === 1 && (keys[0] !== '_id' || sort._id !== 1))) return undefined;
  }
  const fields = filter ? Object.keys(filter) : [];
  if (fields.length === 0) return { inclusive: false };
  if (fields.length > 1 || fields[0] !== '_id') return undefined;
  const condition = filter!._id;
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const operators = Object.keys(condition);
  if (operators.length !== 1) return undefined;
  const operand = (condition as Record<string, unknown>)[operators[0]];
  if (typeof operand !== 'string') return undefined;
  if (operators[0] === '$gt') return { after: operand, inclusive: false };
  if (operators[0] === '$gte') return { after: operand, inclusive: true };
  return undefined;
}

/** Strings by UTF-16 code unit, as the query engine (and MongoDB, for these ids) orders them. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The index of the first id past `after` (or equal to it when `inclusive`) in sorted `ids`. */
function firstPast(ids: readonly string[], after: string, inclusive: boolean): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ids[middle] < after || (!inclusive && ids[middle] === after)) low = middle + 1;
    else high = middle;
  }
  return low;
}

function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const merged = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) merged[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) merged[k++] = a[i++];
  while (j < b.length) merged[k++] = b[j++];
  return merged;
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
 * The document as queries see it: its fields and `_id`, without the bookkeeping, copied so
 * callers never share state with the store, and as a JSON round trip gives it, so a live
 * document reads exactly as it will once kept as text.
 */
function publicCopy(stored: StoredDocument): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) {
    if (key === '_applied' || key === '_rev' || key === '_deleted') continue;
    const value = jsonCopy(stored[key]);
    if (value !== undefined) copy[key] = value;
  }
  return copy;
}

/**
 * The stored document's own fields and `_id`, without the bookkeeping: a shallow view, the
 * values shared. What `evolve` is given, and what a query returns of a parsed document (a
 * private copy already).
 */
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
 * What `JSON.parse(JSON.stringify(value))` gives (`undefined`: a field JSON leaves out),
 * without the text in between: several times faster for the plain objects, arrays and
 * primitives documents hold. A `BigInt`, which JSON refuses, is kept as it is (a document
 * holding one is never turned into text, see `keepLive`).
 */
function jsonCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'bigint':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : null;
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return jsonCopy((value as { toJSON(key: string): unknown }).toJSON(''));
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = jsonCopy(value[i]) ?? null;
    return copy;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return otherObjectCopy(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = jsonCopy((value as Record<string, unknown>)[key]);
    if (field !== undefined) copy[key] = field;
  }
  return copy;
}

/** Any other object (a `Map`, a class instance): as JSON gives it, or a structured clone when JSON refuses it (a `BigInt` inside). */
function otherObjectCopy(value: object): unknown {
  const text = toJsonText(value);
  return text === undefined ? structuredClone(value) : (JSON.parse(text) as unknown);
}

/** Whether a held document is kept as text (its JSON, UTF-8). */
function isText(held: StoredDocument | Buffer): held is Buffer {
  return held instanceof Buffer;
}

/** A document kept as text: a fresh object, the store's private copy. */
function parseText(text: Buffer): StoredDocument {
  return JSON.parse(text.toString()) as StoredDocument;
}

/** The document as JSON text, or undefined when JSON cannot hold it (a `BigInt` in it). */
function toJsonText(document: object): string | undefined {
  try {
    return JSON.stringify(document);
  } catch {
    return undefined;
  }
}

function isSingleIdFilter(filter: Record<string, unknown> | undefined): filter is { _id: string } {
  return filter !== undefined && typeof filter._id === 'string' && Object.keys(filter).length === 1;
}

/** The in-memory read-model store: empty at creation, gone when the process ends. */
export function createInMemoryReadModelStore(options: InMemoryReadModelStoreOptions = {}): ReadModelStore {
  return new InMemoryReadModelStore(options);
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
