import mongoose, { mongo } from 'mongoose';
import { foldDocument, groupByDocument, liveFilter, stableSort, StoredDocument } from '../fold';
import { ProjectedEvent, Projection, QueryOptions, ReadModelStore } from '../read-model-store.port';

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
  /** Ids per `$in` read when loading a batch's documents (default 500). */
  loadChunkSize?: number;
  /** New documents per `insert` command (default 500). */
  insertChunkSize?: number;
  /**
   * Replacements per `update` command (default 20). Kept small for FerretDB 1.x: it holds
   * one SQLite connection per statement until the whole command ends, from a pool of 100
   * per database, so one large update command (or a few concurrent ones) stalls the server.
   */
  replaceChunkSize?: number;
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
 * and do not lose each other's updates. Calls on one collection run one at a time within
 * this store instance, so only other processes can conflict.
 * Stays within what FerretDB 1.24 supports: find/count, unordered insert and replace,
 * deleteMany, one upsert for checkpoints.
 */
export class MongoReadModelStore implements ReadModelStore {
  private readonly loadChunkSize: number;
  private readonly insertChunkSize: number;
  private readonly replaceChunkSize: number;
  private readonly maxConflictRetries: number;
  private readonly queues = new Map<string, Promise<void>>();
  private conflicts = 0;

  constructor(
    private readonly connection: mongoose.Connection,
    options: Omit<MongoReadModelStoreOptions, 'url' | 'dbName' | 'serverSelectionTimeoutMS'> = {},
  ) {
    this.loadChunkSize = options.loadChunkSize ?? 500;
    this.insertChunkSize = options.insertChunkSize ?? 500;
    this.replaceChunkSize = options.replaceChunkSize ?? 20;
    this.maxConflictRetries = options.maxConflictRetries ?? 20;
  }

  /** Documents re-read and re-folded because a write did not land (another writer got there first). */
  get conflictRetries(): number {
    return this.conflicts;
  }

  apply<Doc extends object>(projection: Projection<Doc>, events: readonly ProjectedEvent[]): Promise<void> {
    const groups = groupByDocument(projection, events);
    if (groups.size === 0) return Promise.resolve();
    return this.serialize(projection.name, () => this.applyGroups(projection, groups));
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
      // deleteMany rather than drop: indexes others declared on the collection survive a rebuild.
      await this.db.collection(collection).deleteMany({});
      await this.checkpoints.deleteOne({ _id: collection });
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
    await this.connection.close();
  }

  private async applyGroups(projection: Projection<any>, groups: Map<string, ProjectedEvent[]>): Promise<void> {
    const collection = this.db.collection<StoredDocument>(projection.name);
    let pending = [...groups.keys()];
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > this.maxConflictRetries) throw new ReadModelConflictError(projection.name, pending);
      if (attempt > 0) {
        this.conflicts += pending.length;
        await jitter(attempt);
      }
      const stored = await this.load(collection, pending);
      const writes: PlannedWrite[] = [];
      for (const id of pending) {
        const current = stored.get(id) ?? null;
        const next = foldDocument(projection, id, current, groups.get(id)!);
        if (next) writes.push({ id, expectedRev: current?._rev, next });
      }
      pending = [
        ...(await this.insert(collection, writes.filter((write) => write.expectedRev === undefined))),
        ...(await this.replace(collection, writes.filter((write) => write.expectedRev !== undefined))),
      ];
    }
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

  /** Current stored documents by id. Protected so a test can let another writer in right after it. */
  protected async load(collection: mongo.Collection<StoredDocument>, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    const stored = new Map<string, StoredDocument>();
    for (const chunk of chunks(ids, this.loadChunkSize)) {
      const documents = await collection.find({ _id: { $in: chunk } }).toArray();
      for (const document of documents) stored.set(document._id, document as StoredDocument);
    }
    return stored;
  }

  /** Inserts new documents; returns the ids another writer created meanwhile (duplicate `_id`). */
  private async insert(collection: mongo.Collection<StoredDocument>, writes: readonly PlannedWrite[]): Promise<string[]> {
    const taken: string[] = [];
    for (const chunk of chunks(writes, this.insertChunkSize)) {
      try {
        await collection.insertMany(
          chunk.map((write) => write.next),
          { ordered: false },
        );
      } catch (error) {
        for (const index of duplicateKeyIndexes(error)) taken.push(chunk[index].id);
      }
    }
    return taken;
  }

  /**
   * Replaces documents whose `_rev` is still the one read; returns the ids to re-read.
   * A replace that matched nothing only shows in the command's total, so a short total
   * sends every id of the chunk round again: re-folding one that did land finds all its
   * events applied and writes nothing, so over-reporting is harmless. (An upsert on
   * `{ _id, _rev }` would name the loser through a duplicate-key error, but could also
   * resurrect a document that a concurrent `reset` removed.)
   */
  private async replace(collection: mongo.Collection<StoredDocument>, writes: readonly PlannedWrite[]): Promise<string[]> {
    const retry: string[] = [];
    for (const chunk of chunks(writes, this.replaceChunkSize)) {
      const result = await collection.bulkWrite(
        chunk.map(({ id, expectedRev, next }) => ({ replaceOne: { filter: { _id: id, _rev: expectedRev }, replacement: next } })),
        { ordered: false },
      );
      if (result.matchedCount < chunk.length) retry.push(...chunk.map((write) => write.id));
    }
    return retry;
  }
}

/**
 * Connects to MongoDB (or FerretDB) and returns a read-model store; fails here, at start,
 * when the server cannot be reached.
 */
export async function createMongoReadModelStore(options: MongoReadModelStoreOptions): Promise<MongoReadModelStore> {
  const connection = mongoose.createConnection(options.url, {
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
  return new MongoReadModelStore(connection, options);
}

/** Indexes of the operations refused for a duplicate key; rethrows any other failure. */
function duplicateKeyIndexes(error: unknown): number[] {
  if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
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
