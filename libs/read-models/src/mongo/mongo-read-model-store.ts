import { createRequire } from 'node:module';
import type * as Mongoose from 'mongoose';
import type { Connection, mongo } from 'mongoose';
import { foldDocument, groupByDocument, liveFilter, stableSort, StoredDocument } from '../fold';
import { ProjectedEvent, Projection, QueryOptions, ReadModelStore } from '../read-model-store.port';
import { BulkRebuildTarget } from '../rebuild';

const DUPLICATE_KEY = 11000;
const CHECKPOINTS = '_checkpoints';

interface CheckpointDocument {
  _id: string;
  value: string;
}

export interface MongoReadModelStoreOptions {
  /** A MongoDB connection string (MongoDB itself, or a MongoDB-wire server such as FerretDB). */
  url: string;
  /** Database name; defaults to the one in the URL, then to MongoDB's default. */
  dbName?: string;
  /** Ids per `$in` read when loading a batch's documents (default 500; not used with `exactIdFilters`). */
  loadChunkSize?: number;
  /**
   * Send only filters that are exactly `{ _id: <string> }`, the one filter FerretDB 1.x
   * answers from its index: documents are loaded one `findOne` each, and the
   * compare-and-swap re-reads `_rev` by `_id` and then replaces by `_id` (FerretDB's own
   * conditional replace is the same read-then-write, plus a table scan). Without it, loads
   * use `$in` and replaces filter on `{ _id, _rev }`: atomic and index-served on MongoDB.
   * `createMongoReadModelStore` turns it on when the server reports itself as FerretDB.
   */
  exactIdFilters?: boolean;
  /** Documents read or written at the same time within one round (default 8; `exactIdFilters` only). */
  concurrency?: number;
  /** New documents per `insert` command (default 500). */
  insertChunkSize?: number;
  /**
   * Replacements per `update` command (default 20). Kept small for FerretDB 1.x: it holds
   * one SQLite connection per statement until the whole command ends, from a pool of 100
   * per database, so one large update command (or a few concurrent ones) stalls the server.
   */
  replaceChunkSize?: number;
  /**
   * Documents this store last wrote or read, kept per collection (least recently used out
   * first; default 10 000 per collection; 0 turns it off) so that `apply` need not load
   * them again. Per collection, so a collection of write-once documents (an audit trail)
   * does not push out the documents the others update. Unless `singleWriter`, a cached
   * document is only a guess: every write still checks its `_rev` on the server, and a
   * document another writer changed meanwhile is dropped from the cache, re-read and
   * folded again.
   */
  cacheSize?: number;
  /**
   * This store is the only writer of its collections (one process; the store already
   * serialises its own calls per collection). Then a document it holds in its cache is
   * what the server holds, so on FerretDB a replacement goes by `_id` without re-reading
   * `_rev` first, and a document neither cached nor yet read is first taken to be new:
   * folded from nothing and inserted, and read only when the insert finds it there
   * (duplicate `_id`, nothing overwritten) or when the events folded into nothing. Either
   * way saves a round trip per document. Unsafe with several writer processes, which
   * FerretDB does not support anyway (its compare-and-swap is read-then-write, see
   * docs/read-models.md); on MongoDB the `{ _id, _rev }` replace stays atomic regardless.
   * `createMongoReadModelStore` turns it on with `exactIdFilters` unless told otherwise.
   */
  singleWriter?: boolean;
  /**
   * Send one write command (`insert` or `update`) at a time across all collections of this
   * store, instead of one per collection at once (default off). For a writer that keeps
   * FerretDB busy with large rounds: FerretDB keeps a database in one SQLite file with one
   * writer, concurrent write commands wait for each other inside SQLite's busy handler (which
   * sleeps 1, 2, 5, 10... ms between tries), and each replacement of an `update` command holds
   * one of the database's 100 connections until the command ends, so several large commands at
   * once can exhaust the pool and wedge the database. The cost: an apply that touches several
   * collections waits for their writes one after another, which made reporting's small
   * consumer batches slower end to end (docs/benchmarks.md, *Read models*, round 4).
   */
  serialWrites?: boolean;
  /** Rounds of re-read-and-retry for documents another writer changed meanwhile (default 20). */
  maxConflictRetries?: number;
  /** How long to look for a server before giving up (default 10 000 ms). */
  serverSelectionTimeoutMS?: number;
}

/** Thrown when documents still conflict after every retry: the writers are starving each other. */
export class ReadModelConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly documentIds: readonly string[],
  ) {
    super(`read model ${collection}: documents still changed by other writers after retries: ${documentIds.slice(0, 5).join(', ')}`);
    this.name = 'ReadModelConflictError';
  }
}

interface PendingApply {
  projection: Projection<any>;
  groups: Map<string, ProjectedEvent[]>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface PlannedWrite {
  id: string;
  /** `_rev` the document had when read; undefined when it did not exist. */
  expectedRev: number | undefined;
  next: StoredDocument;
}

/**
 * Read models in MongoDB, through a mongoose connection; writes go through the native
 * driver's bulk API. Every document is written with a compare-and-swap: insert (unique
 * `_id`) or replace where `_rev` is still the one read, so writers need no transactions
 * and do not lose each other's updates. Calls on one collection run one round at a time
 * within this store instance (calls that arrive meanwhile share the next round), so only
 * other processes can conflict.
 * Stays within what FerretDB 1.24 supports: find/count, unordered insert and replace,
 * deleteMany, one upsert for checkpoints.
 */
export class MongoReadModelStore implements ReadModelStore, BulkRebuildTarget {
  private readonly loadChunkSize: number;
  private readonly insertChunkSize: number;
  private readonly replaceChunkSize: number;
  private readonly maxConflictRetries: number;
  /** Whether only exactly-`{ _id }` filters are sent (see the option of the same name). */
  readonly exactIdFilters: boolean;
  /** Whether this store takes itself for the only writer (see the option of the same name). */
  readonly singleWriter: boolean;
  private readonly concurrency: number;
  /** Whether write commands go one at a time (see the option of the same name). */
  readonly serialWrites: boolean;
  /** The last write command sent while `serialWrites`; the next one starts once it ended. */
  private writeTurn: Promise<unknown> = Promise.resolve();
  private readonly queues = new Map<string, Promise<void>>();
  /** Applies waiting for the next round of their collection; a round takes all of them at once. */
  private readonly waiting = new Map<string, PendingApply[]>();
  private conflicts = 0;
  private readonly cache: DocumentCache;

  constructor(
    private readonly connection: Connection,
    options: Omit<MongoReadModelStoreOptions, 'url' | 'dbName' | 'serverSelectionTimeoutMS'> = {},
  ) {
    this.loadChunkSize = options.loadChunkSize ?? 500;
    this.insertChunkSize = options.insertChunkSize ?? 500;
    this.replaceChunkSize = options.replaceChunkSize ?? 20;
    this.maxConflictRetries = options.maxConflictRetries ?? 20;
    this.exactIdFilters = options.exactIdFilters ?? false;
    this.singleWriter = options.singleWriter ?? false;
    this.concurrency = options.concurrency ?? 8;
    this.serialWrites = options.serialWrites ?? false;
    this.cache = new DocumentCache(options.cacheSize ?? 10_000);
  }

  /** Documents re-read and re-folded because a write did not land (another writer got there first). */
  get conflictRetries(): number {
    return this.conflicts;
  }

  /**
   * Applies that arrive while a round of their collection is running wait and then go
   * together in the next round: each document they touch is loaded once, their events are
   * folded in arrival order, and the document is written once. Each call still settles on
   * its own: it resolves once its documents are written, and a projection that throws on
   * one call's events rejects that call only.
   */
  apply<Doc extends object>(projection: Projection<Doc>, events: readonly ProjectedEvent[]): Promise<void> {
    const groups = groupByDocument(projection, events);
    if (groups.size === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const entry: PendingApply = { projection, groups, resolve, reject };
      const waiting = this.waiting.get(projection.name);
      if (waiting) {
        waiting.push(entry);
        return;
      }
      const round = [entry];
      this.waiting.set(projection.name, round);
      void this.serialize(projection.name, () => {
        if (this.waiting.get(projection.name) === round) this.waiting.delete(projection.name);
        return this.applyRound(projection.name, round);
      });
    });
  }

  async find<Doc = Record<string, any>>(
    collection: string,
    filter?: Record<string, unknown>,
    options: QueryOptions = {},
  ): Promise<Doc[]> {
    if (isSingleIdFilter(filter)) {
      // FerretDB pushes a filter down to SQLite only when it is exactly `{ _id: <string> }`;
      // anything more (such as the tombstone condition) scans the table. So look the id up
      // alone and drop a tombstone here.
      const document = await this.db
        .collection<StoredDocument>(collection)
        .findOne({ _id: filter._id }, { projection: { _applied: 0, _rev: 0 } });
      return document && !document._deleted && !options.skip ? [document as Doc] : [];
    }
    const cursor = this.db.collection(collection).find(liveFilter(filter), {
      projection: { _applied: 0, _rev: 0 },
      sort: stableSort(options.sort),
      skip: options.skip,
      limit: options.limit,
    });
    return (await cursor.toArray()) as Doc[];
  }

  async findOne<Doc = Record<string, any>>(collection: string, filter: Record<string, unknown>): Promise<Doc | null> {
    const [first] = await this.find<Doc>(collection, filter, { limit: 1 });
    return first ?? null;
  }

  async count(collection: string, filter?: Record<string, unknown>): Promise<number> {
    return this.db.collection(collection).countDocuments(liveFilter(filter));
  }

  reset(collection: string): Promise<void> {
    return this.serialize(collection, async () => {
      this.cache.dropCollection(collection);
      // deleteMany rather than drop: indexes others declared on the collection survive a rebuild.
      await this.db.collection(collection).deleteMany({});
      await this.checkpoints.deleteOne({ _id: collection });
    });
  }

  /**
   * Inserts documents a rebuild folded in memory, `insertChunkSize` per unordered
   * `insert` command. A duplicate `_id` means another writer wrote into the collection
   * since its reset: that document is left as it is and the call rejects with
   * `ReadModelConflictError`, so the rebuild is started again rather than overwriting it.
   */
  insertRebuilt(collection: string, documents: readonly StoredDocument[]): Promise<void> {
    return this.serialize(collection, async () => {
      const taken = await this.insert(
        this.db.collection<StoredDocument>(collection),
        documents.map((next) => ({ id: next._id, expectedRev: undefined, next })),
      );
      if (taken.length > 0) throw new ReadModelConflictError(collection, taken);
    });
  }

  async loadCheckpoint(name: string): Promise<string | null> {
    const document = await this.checkpoints.findOne({ _id: name });
    return document?.value ?? null;
  }

  async saveCheckpoint(name: string, value: string): Promise<void> {
    try {
      await this.checkpoints.replaceOne({ _id: name }, { value }, { upsert: true });
    } catch (error) {
      // Two first saves can race to insert; the loser's value is then written over the winner's.
      if (!isDuplicateKey(error)) throw error;
      await this.checkpoints.replaceOne({ _id: name }, { value });
    }
  }

  async ping(): Promise<void> {
    const db = this.connection.db;
    // 1 = connected: a closed or disconnected connection answers at once instead of queueing the command.
    if (!db || this.connection.readyState !== 1) throw new Error('read-model store (MongoDB) is not connected');
    await db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.values());
    this.cache.clear();
    await this.connection.close();
  }

  /** Applies `entries` together; settles every entry and never throws. */
  private async applyRound(name: string, entries: PendingApply[]): Promise<void> {
    const collection = this.db.collection<StoredDocument>(name);
    let live = entries;
    let pending = documentIdsOf(live);
    // Taken to be new without reading them (`singleWriter`): not cached, so not known to exist.
    const guessed = new Set(this.singleWriter ? pending.filter((id) => !this.cache.has(name, id)) : []);
    let retries = 0;
    let oneEntryAtATime = false;
    try {
      while (pending.length > 0) {
        const stored = await this.loadThroughCache(collection, guessed.size === 0 ? pending : pending.filter((id) => !guessed.has(id)));
        const folded = foldEntries(live, pending, stored, oneEntryAtATime);
        if ('ambiguous' in folded) {
          // Reloaded before folding again: the projection may have changed the loaded documents.
          oneEntryAtATime = true;
          continue;
        }
        if ('failed' in folded) {
          const failed = folded.failed;
          if ([...guessed].some((id) => failed.groups.has(id))) {
            // It may only have failed on a document taken to be new: fold again on what is stored.
            guessed.clear();
            continue;
          }
          // Reload before folding again without it: the projection may have changed the loaded documents.
          failed.reject(folded.error);
          live = live.filter((entry) => entry !== failed);
          pending = pending.filter((id) => live.some((entry) => entry.groups.has(id)));
          continue;
        }
        const writes = folded.writes;
        const written = new Set(writes.map((write) => write.id));
        // Events that folded into nothing on a guess may still apply to a stored document.
        const unsure = [...guessed].filter((id) => !written.has(id));
        const taken = await this.insert(collection, writes.filter((write) => write.expectedRev === undefined));
        const missed = await this.replace(collection, writes.filter((write) => write.expectedRev !== undefined));
        const wrongGuesses = [...unsure, ...taken.filter((id) => guessed.has(id))];
        const conflicted = [...taken.filter((id) => !guessed.has(id)), ...missed];
        const notWritten = new Set([...taken, ...missed]);
        for (const write of writes) if (!notWritten.has(write.id)) this.cache.set(name, write.id, write.next);
        guessed.clear();
        pending = [...wrongGuesses, ...conflicted];
        if (conflicted.length === 0) continue;
        retries += 1;
        if (retries > this.maxConflictRetries) {
          const error = new ReadModelConflictError(name, conflicted);
          for (const entry of live) if (conflicted.some((id) => entry.groups.has(id))) entry.reject(error);
          live = live.filter((entry) => !conflicted.some((id) => entry.groups.has(id)));
          pending = wrongGuesses.filter((id) => live.some((entry) => entry.groups.has(id)));
          continue;
        }
        this.conflicts += conflicted.length;
        // What another writer changed is re-read from the server, never from the cache.
        for (const id of conflicted) this.cache.delete(name, id);
        await jitter(retries);
      }
    } catch (error) {
      // A write may have landed before the failure: forget what this round touched.
      for (const id of documentIdsOf(entries)) this.cache.delete(name, id);
      for (const entry of live) entry.reject(error);
      return;
    }
    for (const entry of live) entry.resolve();
  }

  /**
   * Runs tasks on one collection one after another. Besides sparing the server pointless
   * conflicts, this matters on FerretDB 1.x, whose conditional update reads, then writes
   * in a separate step: two writers racing there could both "match" the same `_rev`.
   */
  private serialize(key: string, task: () => Promise<void>): Promise<void> {
    const run = (this.queues.get(key) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  private get db(): mongo.Db {
    const db = this.connection.db;
    if (!db) throw new Error('read-model store: MongoDB connection is not open');
    return db;
  }

  private get checkpoints(): mongo.Collection<CheckpointDocument> {
    return this.db.collection<CheckpointDocument>(CHECKPOINTS);
  }

  /** Stored documents by id: copies of cached ones, the others loaded (and then cached). */
  private async loadThroughCache(collection: mongo.Collection<StoredDocument>, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    const stored = new Map<string, StoredDocument>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = this.cache.get(collection.collectionName, id);
      if (cached) stored.set(id, cached);
      else missing.push(id);
    }
    if (missing.length === 0) return stored;
    for (const [id, document] of await this.load(collection, missing)) {
      stored.set(id, document);
      if (this.cache.enabled) this.cache.set(collection.collectionName, id, structuredClone(document));
    }
    return stored;
  }

  /** Current stored documents by id, from the server. Protected so a test can let another writer in right after it. */
  protected async load(collection: mongo.Collection<StoredDocument>, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    const stored = new Map<string, StoredDocument>();
    if (this.exactIdFilters) {
      await forEachLimited(ids, this.concurrency, async (id) => {
        const document = await collection.findOne({ _id: id });
        if (document) stored.set(id, fromServer(document));
      });
      return stored;
    }
    for (const chunk of chunks(ids, this.loadChunkSize)) {
      const documents = await collection.find({ _id: { $in: chunk } }).toArray();
      for (const document of documents) stored.set(document._id, fromServer(document));
    }
    return stored;
  }

  /** Runs a write command, after the one before it when `serialWrites`. */
  private inTurn<T>(command: () => Promise<T>): Promise<T> {
    if (!this.serialWrites) return command();
    const run = this.writeTurn.then(command);
    this.writeTurn = run.catch(() => undefined);
    return run;
  }

  /** Inserts new documents; returns the ids another writer created meanwhile (duplicate `_id`). */
  private async insert(collection: mongo.Collection<StoredDocument>, writes: readonly PlannedWrite[]): Promise<string[]> {
    const taken: string[] = [];
    for (const chunk of chunks(writes, this.insertChunkSize)) {
      try {
        await this.inTurn(() => collection.insertMany(
          chunk.map((write) => toServer(write.next)),
          { ordered: false },
        ));
      } catch (error) {
        for (const index of duplicateKeyIndexes(error)) taken.push(chunk[index].id);
      }
    }
    return taken;
  }

  /**
   * Replaces documents whose `_rev` is still the one read; returns the ids to re-read.
   * With `exactIdFilters`, every document's `_rev` is read again by `_id` (`concurrency`
   * at a time), and those still unchanged are replaced by `_id`: not atomic, but the same
   * read-then-write FerretDB does for a `{ _id, _rev }` filter, without its table scan.
   * Either way replacements go `replaceChunkSize` per `update` command. A replace that
   * matched nothing only shows in the command's total, so a short total sends every id
   * of the chunk round again: re-folding one that did land finds all its
   * events applied and writes nothing, so over-reporting is harmless. (An upsert on
   * `{ _id, _rev }` would name the loser through a duplicate-key error, but could also
   * resurrect a document that a concurrent `reset` removed.)
   */
  private async replace(collection: mongo.Collection<StoredDocument>, writes: readonly PlannedWrite[]): Promise<string[]> {
    const retry: string[] = [];
    let unchanged = writes;
    if (this.exactIdFilters && !this.singleWriter) {
      const changed = new Set<string>();
      await forEachLimited(writes, this.concurrency, async ({ id, expectedRev }) => {
        const current = await collection.findOne({ _id: id }, { projection: { _rev: 1 } });
        if (current?._rev !== expectedRev) changed.add(id);
      });
      retry.push(...changed);
      unchanged = writes.filter((write) => !changed.has(write.id));
    }
    for (const chunk of chunks(unchanged, this.replaceChunkSize)) {
      const result = await this.inTurn(() => collection.bulkWrite(
        chunk.map(({ id, expectedRev, next }) => ({
          replaceOne: { filter: this.exactIdFilters ? { _id: id } : { _id: id, _rev: expectedRev }, replacement: toServer(next) },
        })),
        { ordered: false },
      ));
      if (result.matchedCount < chunk.length) retry.push(...chunk.map((write) => write.id));
    }
    return retry;
  }
}

/**
 * Connects to MongoDB (or FerretDB) and returns a read-model store; fails here, at start,
 * when the server cannot be reached. Unless `exactIdFilters` is given, it is on exactly
 * when the server is FerretDB; `singleWriter` follows it unless given.
 */
export async function createMongoReadModelStore(options: MongoReadModelStoreOptions): Promise<MongoReadModelStore> {
  const connection = mongooseModule().createConnection(options.url, {
    dbName: options.dbName,
    ignoreUndefined: true,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
  });
  try {
    await connection.asPromise();
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw new Error(`read-model store: cannot connect to ${redact(options.url)}: ${(error as Error).message}`, { cause: error });
  }
  const exactIdFilters = options.exactIdFilters ?? (await isFerretDb(connection));
  return new MongoReadModelStore(connection, { ...options, exactIdFilters, singleWriter: options.singleWriter ?? exactIdFilters });
}

/** FerretDB answers `buildInfo` with a `ferretdbVersion` next to the MongoDB version it emulates. */
async function isFerretDb(connection: Connection): Promise<boolean> {
  const info = await connection.db!.admin().command({ buildInfo: 1 });
  return typeof info.ferretdbVersion === 'string';
}

/**
 * A stored document as sent to the server: `_applied` as JSON text. It holds one field per
 * source stream the document ever folded (a portfolio bucket: every account of its
 * clients'), and FerretDB converts every field of a document it writes or reads: a
 * replacement with 2 000 such fields as an object took it 95 ms, as one string 6.5 ms
 * (docs/benchmarks.md, *Read models*, round 5). Nothing queries it on the server.
 */
function toServer(document: StoredDocument): StoredDocument {
  return { ...document, _applied: JSON.stringify(document._applied) as unknown as StoredDocument['_applied'] };
}

/** A document as read from the server: `_applied` parsed, or an object as written before it was text. */
function fromServer(document: mongo.WithId<StoredDocument>): StoredDocument {
  const applied: unknown = document._applied;
  return typeof applied === 'string' ? { ...document, _applied: JSON.parse(applied) as StoredDocument['_applied'] } : (document as StoredDocument);
}

function documentIdsOf(entries: readonly PendingApply[]): string[] {
  const ids = new Set<string>();
  for (const entry of entries) for (const id of entry.groups.keys()) ids.add(id);
  return [...ids];
}

/**
 * Folds every entry's events into the documents `ids`, entries in arrival order, so each
 * document is written once however many entries touched it. Consecutive entries of one
 * projection are folded as one list of events (the version guard works across it as
 * across calls), which copies a document's bookkeeping once instead of once per entry.
 * When such a fold throws, it is not known which entry's events made it throw: the answer
 * is `ambiguous`, and the caller reloads and folds again `oneEntryAtATime`, which stops at
 * the first entry whose projection throws and names it.
 */
function foldEntries(
  entries: readonly PendingApply[],
  ids: readonly string[],
  stored: Map<string, StoredDocument>,
  oneEntryAtATime: boolean,
): { writes: PlannedWrite[] } | { failed: PendingApply; error: unknown } | { ambiguous: true } {
  const touching = new Map<string, PendingApply[]>();
  for (const entry of entries) {
    for (const id of entry.groups.keys()) {
      const list = touching.get(id);
      if (list) list.push(entry);
      else touching.set(id, [entry]);
    }
  }
  const writes: PlannedWrite[] = [];
  for (const id of ids) {
    const loaded = stored.get(id) ?? null;
    let current = loaded;
    const mine = touching.get(id) ?? [];
    for (let at = 0; at < mine.length; ) {
      let end = at + 1;
      while (!oneEntryAtATime && end < mine.length && mine[end].projection === mine[at].projection) end += 1;
      const events = end === at + 1 ? mine[at].groups.get(id)! : mine.slice(at, end).flatMap((entry) => entry.groups.get(id)!);
      try {
        current = foldDocument(mine[at].projection, id, current, events) ?? current;
      } catch (error) {
        return end === at + 1 ? { failed: mine[at], error } : { ambiguous: true };
      }
      at = end;
    }
    if (current !== loaded && current !== null) writes.push({ id, expectedRev: loaded?._rev, next: current });
  }
  return { writes };
}

/** Runs `task` over `items`, at most `limit` at a time; fails with the first failure, once all started tasks ended. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]);
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Indexes of the operations refused for a duplicate key; rethrows any other failure. */
function duplicateKeyIndexes(error: unknown): number[] {
  if (!(error instanceof mongooseModule().mongo.MongoBulkWriteError)) throw error;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (writeErrors.length === 0 || writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) throw error;
  return writeErrors.map((writeError) => writeError.index);
}

function isSingleIdFilter(filter: Record<string, unknown> | undefined): filter is { _id: string } {
  return filter !== undefined && typeof filter._id === 'string' && Object.keys(filter).length === 1;
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** Random, growing pause: writers contending for one hot document stop retrying in lockstep. */
function jitter(attempt: number): Promise<void> {
  const ceiling = Math.min(200, 2 ** attempt * 2);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * The write-through cache: stored documents by collection and id, least recently used
 * dropped first, `capacity` per collection. It hands out copies, because `foldDocument`
 * gives parts of the document it folds to the projection.
 */
class DocumentCache {
  private readonly collections = new Map<string, Map<string, StoredDocument>>();

  constructor(private readonly capacity: number) {}

  get enabled(): boolean {
    return this.capacity > 0;
  }

  has(collection: string, id: string): boolean {
    return this.collections.get(collection)?.has(id) ?? false;
  }

  get(collection: string, id: string): StoredDocument | undefined {
    const entries = this.collections.get(collection);
    const document = entries?.get(id);
    if (!entries || !document) return undefined;
    entries.delete(id);
    entries.set(id, document);
    return structuredClone(document);
  }

  /** Keeps `document` itself: callers hand over a document nobody else changes afterwards. */
  set(collection: string, id: string, document: StoredDocument): void {
    if (this.capacity === 0) return;
    let entries = this.collections.get(collection);
    if (!entries) {
      entries = new Map();
      this.collections.set(collection, entries);
    }
    entries.delete(id);
    entries.set(id, document);
    if (entries.size > this.capacity) entries.delete(entries.keys().next().value!);
  }

  delete(collection: string, id: string): void {
    this.collections.get(collection)?.delete(id);
  }

  dropCollection(collection: string): void {
    this.collections.delete(collection);
  }

  clear(): void {
    this.collections.clear();
  }
}

const requireHere = createRequire(__filename);
let mongooseLoaded: typeof Mongoose | undefined;

/**
 * mongoose and the MongoDB driver are loaded when a store connects, not with the library:
 * a process without a MongoDB-wire store, like the all-in-one, is spared their modules and
 * the driver's 17 MB serialisation buffer (docs/benchmarks.md, the all-in-one's idle memory).
 */
function mongooseModule(): typeof Mongoose {
  return (mongooseLoaded ??= requireHere('mongoose') as typeof Mongoose);
}
