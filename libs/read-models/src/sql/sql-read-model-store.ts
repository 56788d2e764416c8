import type { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Pg from 'pg';
import type { Json } from '@lib/es-core';
import { inJsonbOrder, pgliteQuery, tableCommentStatement } from '@lib/event-store';
import { foldDocument, groupByDocument, stableSort, StoredDocument } from '../fold';
import { ProjectedEvent, Projection, QueryOptions, ReadModelStore } from '../read-model-store.port';
import { orderByClause, pageClause, SqlParameters, whereClause } from './sql-query';

/** What the store needs of a PostgreSQL connection: PGlite and a `pg` pool both fit. */
export interface SqlClient {
  query<Row>(text: string, values?: unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction, on one connection. */
  transaction<T>(work: (tx: Pick<SqlClient, 'query'>) => Promise<T>): Promise<T>;
  /** Releases the connection(s) the store opened itself; a no-op for a client shared with others. */
  close(): Promise<void>;
}

export interface SqlReadModelStoreOptions {
  /** Schema holding the store's two tables; created when missing. Default `read_models`. */
  schema?: string;
  /** Rounds of re-read-and-retry for documents another writer changed meanwhile (default 20). */
  maxConflictRetries?: number;
  /**
   * Documents this store wrote last kept in memory, so the next events for them are folded
   * without reading them back (default 2,000; 0 keeps none). The compare-and-swap on `rev`
   * still guards every write, so another writer's change is never overwritten.
   */
  cachedDocuments?: number;
}

/** Thrown when documents still conflict after every retry: the writers are starving each other. */
export class SqlReadModelConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly documentIds: readonly string[],
  ) {
    super(`read model ${collection}: documents still changed by other writers after retries: ${documentIds.slice(0, 5).join(', ')}`);
    this.name = 'SqlReadModelConflictError';
  }
}

interface DocumentRow {
  id: string;
  doc: Record<string, unknown>;
  applied: Record<string, number>;
  rev: number;
  deleted: boolean;
}

interface PlannedWrite {
  id: string;
  /** `_rev` the document had when read; undefined when it did not exist. */
  expectedRev: number | undefined;
  next: StoredDocument;
}

/**
 * Read models in PostgreSQL (a server, or PGlite inside the process), one row per
 * document in one table: `(collection, id)` as key, the projection's fields as JSONB
 * `doc` (GIN-indexed, so equality filters are index-served), the store's bookkeeping
 * (`applied`, `rev`, `deleted`) in columns of their own. Checkpoints have a table of
 * their own in the same schema. Same fold rules as every adapter (`fold.ts`): each
 * document is written with a compare-and-swap on `rev` (an insert that must not find the
 * key, or an update where `rev` is still the one read), so several processes may write
 * without transactions and without losing each other's updates. Within one store, calls
 * on one collection run one at a time. Queries: the subset of `sql-query.ts`; documents
 * are stored as JSON, so a `Date` in a document comes back as its ISO string.
 */
export class SqlReadModelStore implements ReadModelStore {
  private readonly schema: string;
  private readonly maxConflictRetries: number;
  private readonly queues = new Map<string, Promise<void>>();
  private closed = false;
  private conflicts = 0;
  private readonly written: WrittenDocuments;

  private constructor(
    private readonly client: SqlClient,
    options: SqlReadModelStoreOptions,
  ) {
    this.schema = options.schema ?? 'read_models';
    if (!/^[a-z_][a-z0-9_]*$/.test(this.schema)) throw new RangeError(`schema must be a lower-case SQL identifier, got "${this.schema}"`);
    this.maxConflictRetries = options.maxConflictRetries ?? 20;
    this.written = new WrittenDocuments(options.cachedDocuments ?? 2_000);
  }

  /** Creates the schema and tables when missing (safe when several processes start at once). */
  static async open(client: SqlClient, options: SqlReadModelStoreOptions = {}): Promise<SqlReadModelStore> {
    const store = new SqlReadModelStore(client, options);
    await store.migrate();
    return store;
  }

  /** Documents re-read and re-folded because a write did not land (another writer got there first). */
  get conflictRetries(): number {
    return this.conflicts;
  }

  apply<Doc extends object>(projection: Projection<Doc>, events: readonly ProjectedEvent[]): Promise<void> {
    this.assertOpen();
    const groups = groupByDocument(projection, events);
    if (groups.size === 0) return Promise.resolve();
    return this.serialize(projection.name, () => this.applyGroups(projection, groups));
  }

  async find<Doc = Record<string, any>>(collection: string, filter?: Record<string, unknown>, options: QueryOptions = {}): Promise<Doc[]> {
    this.assertOpen();
    const parameters = new SqlParameters();
    const text =
      `SELECT id, doc FROM ${this.documents} WHERE collection = ${parameters.add(collection)} AND NOT deleted AND ${whereClause(filter, parameters)}` +
      ` ORDER BY ${orderByClause(stableSort(options.sort))}${pageClause(options, parameters)}`;
    const rows = await this.client.query<Pick<DocumentRow, 'id' | 'doc'>>(text, parameters.values);
    return rows.map((row) => ({ ...row.doc, _id: row.id }) as Doc);
  }

  async findOne<Doc = Record<string, any>>(collection: string, filter: Record<string, unknown>): Promise<Doc | null> {
    const [first] = await this.find<Doc>(collection, filter, { limit: 1 });
    return first ?? null;
  }

  async count(collection: string, filter?: Record<string, unknown>): Promise<number> {
    this.assertOpen();
    const parameters = new SqlParameters();
    const text = `SELECT count(*)::int AS n FROM ${this.documents} WHERE collection = ${parameters.add(collection)} AND NOT deleted AND ${whereClause(filter, parameters)}`;
    const [row] = await this.client.query<{ n: number }>(text, parameters.values);
    return row.n;
  }

  reset(collection: string): Promise<void> {
    this.assertOpen();
    return this.serialize(collection, async () => {
      this.written.forget(collection);
      await this.client.transaction(async (tx) => {
        await tx.query(`DELETE FROM ${this.documents} WHERE collection = $1`, [collection]);
        await tx.query(`DELETE FROM ${this.checkpoints} WHERE name = $1`, [collection]);
      });
    });
  }

  async loadCheckpoint(name: string): Promise<string | null> {
    this.assertOpen();
    const [row] = await this.client.query<{ value: string }>(`SELECT value FROM ${this.checkpoints} WHERE name = $1`, [name]);
    return row?.value ?? null;
  }

  async saveCheckpoint(name: string, value: string): Promise<void> {
    this.assertOpen();
    await this.client.query(`INSERT INTO ${this.checkpoints} (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`, [name, value]);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.client.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.queues.values());
    await this.client.close();
  }

  private get documents(): string {
    return `"${this.schema}".documents`;
  }

  private get checkpoints(): string {
    return `"${this.schema}".checkpoints`;
  }

  /** The schema's DDL, in the order it runs, and its fingerprint: a hash of it (see `migrate`). */
  private migration(): { ddl: string[]; fingerprint: string } {
    const ddl = [
      `CREATE SCHEMA IF NOT EXISTS "${this.schema}"`,
      `CREATE TABLE IF NOT EXISTS ${this.documents} (
         collection text NOT NULL,
         id text NOT NULL,
         doc jsonb NOT NULL,
         applied jsonb NOT NULL,
         rev integer NOT NULL,
         deleted boolean NOT NULL DEFAULT false,
         PRIMARY KEY (collection, id)
       )`,
      `CREATE INDEX IF NOT EXISTS documents_doc ON ${this.documents} USING gin (doc jsonb_path_ops)`,
      `CREATE TABLE IF NOT EXISTS ${this.checkpoints} (name text PRIMARY KEY, value text NOT NULL)`,
    ];
    return { ddl, fingerprint: `read-model migration ${createHash('sha256').update(ddl.join('\n;\n')).digest('hex')}` };
  }

  /**
   * Creates what is missing, unless the checkpoints table's comment holds this version's
   * fingerprint: one query instead of the DDL at every start (docs/read-models.md). The
   * comment is written in the migration's own transaction, so it is never seen without
   * everything it vouches for.
   */
  private async migrate(): Promise<void> {
    const { ddl, fingerprint } = this.migration();
    const comment = tableCommentStatement(this.checkpoints);
    const [migrated] = await this.client.query<{ fingerprint: string | null }>(comment.text, comment.values);
    if (migrated?.fingerprint === fingerprint) return;
    await this.client.transaction(async (tx) => {
      // Two processes creating the same schema at once would otherwise collide in the catalog.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`read-models:${this.schema}`]);
      for (const statement of ddl) await tx.query(statement);
      await tx.query(`COMMENT ON TABLE ${this.checkpoints} IS '${fingerprint}'`);
    });
  }

  /**
   * Loads, folds and compare-and-swaps the batch's documents until every write landed. The
   * first round reads only what it must: a document this store wrote last is folded as it
   * wrote it, and one it does not hold is taken to be new when the events create it (an
   * insert that finds the key taken says otherwise). What did not land is read and folded
   * again like any conflict, without counting as one. Whatever the guess could not settle
   * (a fold that keeps an unknown document absent, or a projection that throws on a
   * guessed document) is read before anything is written.
   */
  private async applyGroups(projection: Projection<any>, groups: Map<string, ProjectedEvent[]>): Promise<void> {
    const collection = projection.name;
    const ids = [...groups.keys()];
    const first = await this.applyGuessed(projection, groups, ids);
    let pending = [...first.guessed, ...first.real];
    for (let round = 1; pending.length > 0; round++) {
      if (round > this.maxConflictRetries) throw new SqlReadModelConflictError(projection.name, pending);
      // A guess that did not land is no conflict with another writer: read at once.
      const conflicted = round === 1 ? first.real.length : pending.length;
      if (conflicted > 0) {
        this.conflicts += conflicted;
        await jitter(round);
      }
      const stored = await this.load(projection.name, pending);
      // Fold everything before writing anything: a projection that throws leaves the batch unapplied.
      const writes: PlannedWrite[] = [];
      for (const id of pending) {
        const current = stored.get(id) ?? null;
        const next = foldDocument(projection, id, current, groups.get(id)!);
        if (next) writes.push({ id, expectedRev: current?._rev, next });
      }
      pending = await this.write(collection, writes);
    }
  }

  /**
   * The first round of {@link applyGroups}: the ids whose write did not land, those folded
   * on a guess apart from those folded on what was read.
   */
  private async applyGuessed(
    projection: Projection<any>,
    groups: Map<string, ProjectedEvent[]>,
    ids: readonly string[],
  ): Promise<{ guessed: string[]; real: string[] }> {
    const collection = projection.name;
    const writes: PlannedWrite[] = [];
    const unknown: string[] = [];
    const unchanged: [string, StoredDocument][] = [];
    try {
      for (const id of ids) {
        // Taken out: the projection may change what it is given, and a failed write must not leave it behind.
        const held = this.written.take(collection, id);
        const next = foldDocument(projection, id, held ?? null, groups.get(id)!);
        if (next) writes.push({ id, expectedRev: held?._rev, next });
        else if (held) unchanged.push([id, held]);
        else unknown.push(id);
      }
    } catch {
      // Thrown on a guessed document: decided on what is stored, where it throws for real if it must.
      return { guessed: [...ids], real: [] };
    }
    // Nothing folded into them (every event already applied), so the projection never saw them.
    for (const [id, held] of unchanged) this.written.restore(collection, id, held);
    const guessedCount = writes.length;
    if (unknown.length > 0) {
      const stored = await this.load(collection, unknown);
      for (const id of unknown) {
        const current = stored.get(id) ?? null;
        const next = foldDocument(projection, id, current, groups.get(id)!);
        if (next) writes.push({ id, expectedRev: current?._rev, next });
      }
    }
    const missed = new Set(await this.write(collection, writes));
    const ofWrites = (from: number, to: number) => writes.slice(from, to).filter((write) => missed.has(write.id)).map((write) => write.id);
    return { guessed: ofWrites(0, guessedCount), real: ofWrites(guessedCount, writes.length) };
  }

  /** Inserts the new documents and updates the others; remembers what landed, returns the ids that did not. */
  private async write(collection: string, writes: readonly PlannedWrite[]): Promise<string[]> {
    const rows = writes.map(rowOf);
    const texts = rows.map((row) => JSON.stringify(row));
    const inserts: number[] = [];
    const updates: number[] = [];
    writes.forEach((write, index) => (write.expectedRev === undefined ? inserts : updates).push(index));
    const missed = [
      ...(await this.insert(collection, inserts.map((index) => writes[index]), inserts.map((index) => texts[index]))),
      ...(await this.update(collection, updates.map((index) => writes[index]), updates.map((index) => texts[index]))),
    ];
    const notLanded = new Set(missed);
    writes.forEach((write, index) => {
      if (!notLanded.has(write.id)) this.written.remember(collection, write.id, texts[index]);
    });
    return missed;
  }

  private async load(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    const rows = await this.client.query<DocumentRow>(
      `SELECT id, doc, applied, rev, deleted FROM ${this.documents} WHERE collection = $1 AND id = ANY($2::text[])`,
      [collection, ids],
    );
    const stored = new Map<string, StoredDocument>();
    for (const row of rows) {
      const document: StoredDocument = { ...row.doc, _id: row.id, _applied: row.applied, _rev: row.rev };
      if (row.deleted) document._deleted = true;
      stored.set(row.id, document);
    }
    return stored;
  }

  /** Inserts new documents; returns the ids another writer created meanwhile. */
  private async insert(collection: string, writes: readonly PlannedWrite[], rows: readonly string[]): Promise<string[]> {
    if (writes.length === 0) return [];
    const landed = await this.client.query<{ id: string }>(
      `INSERT INTO ${this.documents} (collection, id, doc, applied, rev, deleted)
       SELECT $1, w.id, w.doc, w.applied, w.rev, w.deleted
         FROM jsonb_to_recordset($2::jsonb) AS w(id text, doc jsonb, applied jsonb, rev integer, deleted boolean)
       ON CONFLICT (collection, id) DO NOTHING
       RETURNING id`,
      [collection, `[${rows.join(',')}]`],
    );
    return missing(writes, landed);
  }

  /**
   * Replaces documents whose `rev` is still the one read; returns the ids to re-read. The ids
   * are also given as an array: joined with the record set alone, the planner (which guesses
   * 100 rows for a function and, in PGlite, never has statistics) scanned the collection's
   * every document and hashed them, so each batch cost grew with the collection (3.5 → 14.8
   * ms a call from 2,000 to 5,000 accounts in the all-in-one; docs/benchmarks.md, memrun);
   * `id = ANY(...)` makes it fetch the batch's rows by the primary key.
   */
  private async update(collection: string, writes: readonly PlannedWrite[], rows: readonly string[]): Promise<string[]> {
    if (writes.length === 0) return [];
    const landed = await this.client.query<{ id: string }>(
      `UPDATE ${this.documents} AS d
          SET doc = w.doc, applied = w.applied, rev = w.rev, deleted = w.deleted
         FROM jsonb_to_recordset($2::jsonb) AS w(id text, doc jsonb, applied jsonb, rev integer, deleted boolean, expected integer)
        WHERE d.collection = $1 AND d.id = ANY($3::text[]) AND d.id = w.id AND d.rev = w.expected
       RETURNING d.id`,
      [collection, `[${rows.map((row, index) => `${row.slice(0, -1)},"expected":${writes[index].expectedRev}}`).join(',')}]`, writes.map((write) => write.id)],
    );
    return missing(writes, landed);
  }

  /** Runs tasks on one collection one after another: writers of one store never conflict with each other. */
  private serialize(key: string, task: () => Promise<void>): Promise<void> {
    const run = (this.queues.get(key) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('read-model store is closed');
  }
}

/** Random, growing pause: writers contending for one hot document stop retrying in lockstep. */
function jitter(attempt: number): Promise<void> {
  const ceiling = Math.min(200, 2 ** attempt * 2);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

/**
 * The documents this store wrote last, as a read would return them (the row's JSON parsed
 * back, keys in jsonb's order, so a `Date` is its ISO string here too), least recently
 * written dropped first. Only one store object writes through it, one collection call at a
 * time (`serialize`); other writers are caught by the `rev` compare-and-swap.
 */
class WrittenDocuments {
  private readonly documents = new Map<string, StoredDocument>();

  constructor(private readonly maxDocuments: number) {}

  /** The document as last written, removed from memory (put back by {@link remember} once written again). */
  take(collection: string, id: string): StoredDocument | undefined {
    const key = `${collection}\u0000${id}`;
    const held = this.documents.get(key);
    if (held) this.documents.delete(key);
    return held;
  }

  /** Puts back a document taken out and left as it was. */
  restore(collection: string, id: string, document: StoredDocument): void {
    if (this.maxDocuments === 0) return;
    this.documents.set(`${collection}\u0000${id}`, document);
    while (this.documents.size > this.maxDocuments) this.documents.delete(this.documents.keys().next().value as string);
  }

  remember(collection: string, id: string, rowText: string): void {
    if (this.maxDocuments === 0) return;
    const row = inJsonbOrder(JSON.parse(rowText) as Json) as unknown as DocumentRow;
    const document: StoredDocument = { ...row.doc, _id: id, _applied: row.applied, _rev: row.rev };
    if (row.deleted) document._deleted = true;
    const key = `${collection}\u0000${id}`;
    this.documents.delete(key);
    this.documents.set(key, document);
    while (this.documents.size > this.maxDocuments) this.documents.delete(this.documents.keys().next().value as string);
  }

  forget(collection: string): void {
    const prefix = `${collection}\u0000`;
    for (const key of [...this.documents.keys()]) if (key.startsWith(prefix)) this.documents.delete(key);
  }
}

function rowOf({ id, next }: PlannedWrite): DocumentRow {
  const { _id, _applied, _rev, _deleted, ...doc } = next;
  return { id, doc, applied: _applied, rev: _rev, deleted: _deleted === true };
}

function missing(writes: readonly PlannedWrite[], landed: ReadonlyArray<{ id: string }>): string[] {
  const ids = new Set(landed.map((row) => row.id));
  return writes.filter((write) => !ids.has(write.id)).map((write) => write.id);
}

/**
 * Read models in a PGlite owned by the caller (the all-in-one's one embedded database,
 * a schema next to the services' event stores). Closing the store leaves the PGlite open.
 */
export function createPgliteReadModelStore(options: SqlReadModelStoreOptions & { db: PGlite }): Promise<SqlReadModelStore> {
  const { db } = options;
  const client: SqlClient = {
    // One protocol call per statement instead of PGlite.query's six: half the read models' time in the all-in-one.
    query: <Row>(text: string, values?: unknown[]) => pgliteQuery<Row>(db, text, values),
    transaction: (work) => db.transaction((tx) => work({ query: async <Row>(text: string, values?: unknown[]) => (await tx.query<Row>(text, values)).rows })),
    close: async () => undefined,
  };
  return SqlReadModelStore.open(client, options);
}

/** Read models on a PostgreSQL server, through a pool of its own (closed with the store). */
export async function createPostgresReadModelStore(
  options: SqlReadModelStoreOptions & { connectionString: string; maxConnections?: number },
): Promise<SqlReadModelStore> {
  const pool = new (pgModule().Pool)({ connectionString: options.connectionString, max: options.maxConnections ?? 4 });
  const client: SqlClient = {
    query: async <Row>(text: string, values?: unknown[]) => (await pool.query(text, values)).rows as Row[],
    transaction: async (work) => {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work({ query: async <Row>(text: string, values?: unknown[]) => (await connection.query(text, values)).rows as Row[] });
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
  try {
    return await SqlReadModelStore.open(client, options);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`read-model store: cannot open schema ${options.schema ?? 'read_models'} on PostgreSQL: ${(error as Error).message}`, { cause: error });
  }
}

const requireHere = createRequire(__filename);
let pgLoaded: typeof Pg | undefined;

/** `pg` is loaded when a server store is opened: the all-in-one's stores are in PGlite and never need it. */
function pgModule(): typeof Pg {
  return (pgLoaded ??= requireHere('pg') as typeof Pg);
}
