import type { PGlite } from '@electric-sql/pglite';
import { SqlDriver, SqlEventStore, SqlEventStoreOptions, SqlExecutor } from '../sql/sql-event-store';
import { RecentLog } from '../sql/recent-log';
import { Statement } from '../sql/sql-statements';
import { createPglite, loadPgliteModule, needsSyncToFs } from './load-pglite';

export interface PgliteEventStoreOptions extends Partial<SqlEventStoreOptions> {
  /** Folder holding the database files; omitted: in memory, gone on close. Ignored when `db` is given. */
  dataDir?: string;
  /** An instance owned by the caller (e.g. shared by several schemas): the store does not close it. */
  db?: PGlite;
}

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) running the same SQL as the PostgreSQL
 * adapter. One PGlite instance is one connection: its transactions already run one at
 * a time, and the advisory lock taken by appends is uncontended but kept so the SQL
 * stays identical. Schema defaults to `event_store`.
 *
 * A PGlite database lives in this process only, so appends wake the readers of every
 * store on the same instance and schema directly instead of by NOTIFY (see
 * docs/event-store.md, "PGlite: one wire round trip per statement").
 */
export class PgliteEventStore extends SqlEventStore {
  constructor(options: PgliteEventStoreOptions = {}) {
    const schema = options.schema ?? 'event_store';
    super(new PgliteDriver(options, schema), { ...options, schema });
  }
}

/** Prepared statement names per instance: prepared statements belong to PGlite's one session. */
const preparedByDb = new WeakMap<PGlite, Set<string>>();
/** Instances whose session is set up for the store (see {@link PgliteDriver.ready}). */
const configuredDbs = new WeakSet<PGlite>();
/** In-process LISTEN: channel → callbacks, per instance, since no other process can open it. */
const listenersByDb = new WeakMap<PGlite, Map<string, Set<() => void>>>();
/** The recent log of each schema, per instance: shared by every store of the schema, since each records its appends. */
const recentLogsByDb = new WeakMap<PGlite, Map<string, RecentLog>>();

class PgliteDriver implements SqlDriver {
  private readonly db: PGlite;
  private readonly ownsDb: boolean;
  private readonly prepared: Set<string>;
  private readonly listeners: Map<string, Set<() => void>>;
  /** This driver's own store is woken by the append itself; announcing to it again would read twice. */
  private readonly own = new Set<() => void>();
  readonly recentLog: RecentLog;

  constructor(options: PgliteEventStoreOptions, schema: string) {
    this.db = options.db ?? createPglite(options.dataDir);
    this.ownsDb = !options.db;
    this.prepared = preparedByDb.get(this.db) ?? new Set();
    preparedByDb.set(this.db, this.prepared);
    this.listeners = listenersByDb.get(this.db) ?? new Map();
    listenersByDb.set(this.db, this.listeners);
    const logs = recentLogsByDb.get(this.db) ?? new Map<string, RecentLog>();
    recentLogsByDb.set(this.db, logs);
    this.recentLog = logs.get(schema) ?? new RecentLog();
    logs.set(schema, this.recentLog);
  }

  /**
   * One statement as one protocol message batch (see {@link runPgliteStatement}), after any
   * transaction another caller runs on the instance.
   */
  async query<Row>(statement: Statement): Promise<Row[]> {
    await readyForStatements(this.db);
    return this.db._runExclusiveTransaction(() => this.db._runExclusiveQuery(() => runPgliteStatement<Row>(this.db, this.prepared, statement)));
  }

  /** `then` runs inside the instance's query lock, before any other statement can start. */
  async queryThen<Row, T>(statement: Statement, then: (rows: Row[]) => T): Promise<T> {
    await readyForStatements(this.db);
    return this.db._runExclusiveTransaction(() =>
      this.db._runExclusiveQuery(async () => then(await runPgliteStatement<Row>(this.db, this.prepared, statement))),
    );
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      work({ query: async <Row>(statement: Statement) => (await tx.query<Row>(statement.text, statement.values)).rows }),
    );
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const callbacks = this.listeners.get(channel) ?? new Set();
    this.listeners.set(channel, callbacks);
    const entry = (): void => onNotify();
    callbacks.add(entry);
    this.own.add(entry);
    return async () => {
      callbacks.delete(entry);
      this.own.delete(entry);
    };
  }

  /** What NOTIFY does, without a statement: every other store's listener of the channel on this instance, after the current task. */
  announce(channel: string): void {
    const callbacks = this.listeners.get(channel);
    if (!callbacks || callbacks.size <= this.own.size) return;
    queueMicrotask(() => {
      for (const callback of callbacks) if (!this.own.has(callback)) callback();
    });
  }

  async close(): Promise<void> {
    if (this.ownsDb && !this.db.closed) await this.db.close();
  }
}

/**
 * Generic plans for every prepared statement, including those inside the append
 * function: by default PostgreSQL plans the append's statements afresh for each call
 * with new parameters, which in WebAssembly took about half of an append's time. The
 * store's statements are index lookups whose best plan does not depend on the values.
 */
async function readyForStatements(db: PGlite): Promise<void> {
  if (!db.ready) await db.waitReady;
  if (db.closed) throw new Error('PGlite is closed');
  if (!configuredDbs.has(db)) {
    configuredDbs.add(db);
    await db.exec('SET plan_cache_mode = force_generic_plan');
  }
}

/**
 * One statement as one protocol message batch (Parse, Bind, Describe, Execute, Sync)
 * handed to PostgreSQL in one call, instead of `PGlite.query`'s six calls (it also asks
 * for the parameter types first, which text parameters do not need: the SQL casts them).
 * A named statement is parsed and planned once per instance, then only bound. The caller
 * holds the instance's query lock.
 */
async function runPgliteStatement<Row>(db: PGlite, prepared: Set<string>, statement: Statement): Promise<Row[]> {
  const { protocol, parse } = pglite();
  const serialize = protocol.serialize;
  const name = statement.name ?? '';
  const prepare = name === '' || !prepared.has(name);
  const preparation: Uint8Array[] = [];
  if (prepare) {
    // A failed batch may or may not have left the statement behind; closing an absent one is no error.
    if (name !== '') preparation.push(serialize.close({ type: 'S', name }));
    preparation.push(serialize.parse({ name, text: statement.text }));
  }
  const message = boundAndExecuted(preparation, name, statement.values);
  let result;
  try {
    result = await db.execProtocol(message, { syncToFs: false });
  } catch (error) {
    if (name !== '') prepared.delete(name);
    throw error;
  }
  if (prepare && name !== '') prepared.add(name);
  if (needsSyncToFs(db)) await db.syncToFs();
  return parse.parseResults(result.messages, db.parsers)[0].rows as Row[];
}

/** Describe (portal), Execute (all rows) and Sync: the same bytes after every Bind. */
const DESCRIBE_EXECUTE_SYNC = Buffer.from([0x44, 0, 0, 0, 6, 0x50, 0, 0x45, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0x53, 0, 0, 0, 4]);

/**
 * `preparation`, then Bind (unnamed portal, every parameter and result column in text),
 * Describe, Execute and Sync, as one buffer. The same bytes PGlite's serializer makes
 * (its Bind lists a text format code per parameter, this one the single "all text" form
 * the protocol allows), written with Node's native UTF-8 encoder: the serializer measured
 * and copied each value in JavaScript, about 5% of the all-in-one's CPU in a placement
 * profile (docs/event-store.md, "PGlite: one wire round trip per statement").
 */
function boundAndExecuted(preparation: readonly Uint8Array[], statementName: string, values: readonly Statement['values'][number][]): Buffer {
  const texts = values.map(toTextParameter);
  let prefixLength = 0;
  for (const part of preparation) prefixLength += part.length;
  // Bind: type, length, portal "" + NUL, name + NUL, 0 format codes, parameter count, parameters, 0 result format codes.
  let bindLength = 4 + 1 + Buffer.byteLength(statementName) + 1 + 2 + 2 + 2;
  for (const text of texts) bindLength += 4 + (text === null ? 0 : Buffer.byteLength(text));
  const message = Buffer.allocUnsafe(prefixLength + 1 + bindLength + DESCRIBE_EXECUTE_SYNC.length);
  let at = 0;
  for (const part of preparation) {
    message.set(part, at);
    at += part.length;
  }
  at = message.writeUInt8(0x42, at);
  at = message.writeInt32BE(bindLength, at);
  at = message.writeUInt8(0, at);
  at += message.write(statementName, at);
  at = message.writeUInt8(0, at);
  at = message.writeInt16BE(0, at);
  at = message.writeInt16BE(texts.length, at);
  for (const text of texts) {
    if (text === null) {
      at = message.writeInt32BE(-1, at);
      continue;
    }
    const lengthAt = at;
    at += 4;
    const written = message.write(text, at);
    message.writeInt32BE(written, lengthAt);
    at += written;
  }
  at = message.writeInt16BE(0, at);
  DESCRIBE_EXECUTE_SYNC.copy(message, at);
  return message;
}

/**
 * A parameter in PostgreSQL's text format, for SQL that casts what is not text: arrays
 * become array literals (`$1::text[]`), objects JSON, dates ISO 8601.
 */
function toTextParameter(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map((item) => (item === null || item === undefined ? 'NULL' : `"${(toTextParameter(item) ?? '').replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Most distinct statement texts {@link pgliteQuery} prepares per instance; others are parsed each time. */
const MAX_PREPARED_QUERY_TEXTS = 256;
const queryNamesByDb = new WeakMap<PGlite, Map<string, string>>();

/**
 * `PGlite.query(text, values)` in one protocol call instead of six (see
 * {@link runPgliteStatement}), with the same row parsing; each distinct text is prepared
 * once per instance. For SQL whose parameters are text or cast from text (arrays become
 * array literals, objects JSON): no parameter types are asked for.
 */
export async function pgliteQuery<Row>(db: PGlite, text: string, values: readonly unknown[] = []): Promise<Row[]> {
  await readyForStatements(db);
  const prepared = preparedByDb.get(db) ?? new Set<string>();
  preparedByDb.set(db, prepared);
  const names = queryNamesByDb.get(db) ?? new Map<string, string>();
  queryNamesByDb.set(db, names);
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED_QUERY_TEXTS) {
    name = `q_${names.size}`;
    names.set(text, name);
  }
  const statement: Statement = { name, text, values: values as Statement['values'] };
  return db._runExclusiveTransaction(() => db._runExclusiveQuery(() => runPgliteStatement<Row>(db, prepared, statement)));
}

let loaded: ReturnType<typeof loadPgliteModule> | undefined;
function pglite(): ReturnType<typeof loadPgliteModule> {
  loaded ??= loadPgliteModule();
  return loaded;
}
