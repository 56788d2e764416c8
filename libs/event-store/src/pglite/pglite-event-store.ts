import type { PGlite } from '@electric-sql/pglite';
import { SqlDriver, SqlEventStore, SqlEventStoreOptions, SqlExecutor } from '../sql/sql-event-store';
import { Statement } from '../sql/sql-statements';
import { createPglite, loadPgliteModule } from './load-pglite';

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
    super(new PgliteDriver(options), { ...options, schema: options.schema ?? 'event_store' });
  }
}

/** Prepared statement names per instance: prepared statements belong to PGlite's one session. */
const preparedByDb = new WeakMap<PGlite, Set<string>>();
/** Instances whose session is set up for the store (see {@link PgliteDriver.ready}). */
const configuredDbs = new WeakSet<PGlite>();
/** In-process LISTEN: channel → callbacks, per instance, since no other process can open it. */
const listenersByDb = new WeakMap<PGlite, Map<string, Set<() => void>>>();

class PgliteDriver implements SqlDriver {
  private readonly db: PGlite;
  private readonly ownsDb: boolean;
  private readonly prepared: Set<string>;
  private readonly listeners: Map<string, Set<() => void>>;
  /** This driver's own store is woken by the append itself; announcing to it again would read twice. */
  private readonly own = new Set<() => void>();

  constructor(options: PgliteEventStoreOptions) {
    this.db = options.db ?? createPglite(options.dataDir);
    this.ownsDb = !options.db;
    this.prepared = preparedByDb.get(this.db) ?? new Set();
    preparedByDb.set(this.db, this.prepared);
    this.listeners = listenersByDb.get(this.db) ?? new Map();
    listenersByDb.set(this.db, this.listeners);
  }

  /**
   * One statement as one protocol message batch (Parse, Bind, Describe, Execute, Sync)
   * handed to PostgreSQL in one call, instead of `PGlite.query`'s six calls (it also asks
   * for the parameter types first, which text parameters do not need: the SQL casts them).
   * A named statement is parsed and planned once per instance, then only bound.
   */
  async query<Row>(statement: Statement): Promise<Row[]> {
    await this.ready();
    return this.db._runExclusiveTransaction(() => this.db._runExclusiveQuery(() => this.run<Row>(statement)));
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

  /**
   * Generic plans for every prepared statement, including those inside the append
   * function: by default PostgreSQL plans the append's statements afresh for each call
   * with new parameters, which in WebAssembly took about half of an append's time. The
   * store's statements are index lookups whose best plan does not depend on the values.
   */
  private async ready(): Promise<void> {
    if (!this.db.ready) await this.db.waitReady;
    if (this.db.closed) throw new Error('PGlite is closed');
    if (!configuredDbs.has(this.db)) {
      configuredDbs.add(this.db);
      await this.db.exec('SET plan_cache_mode = force_generic_plan');
    }
  }

  private async run<Row>(statement: Statement): Promise<Row[]> {
    const { protocol, parse } = pglite();
    const serialize = protocol.serialize;
    const name = statement.name ?? '';
    const parts: Uint8Array[] = [];
    const prepare = name === '' || !this.prepared.has(name);
    if (prepare) {
      // A failed batch may or may not have left the statement behind; closing an absent one is no error.
      if (name !== '') parts.push(serialize.close({ type: 'S', name }));
      parts.push(serialize.parse({ name, text: statement.text }));
    }
    const values = statement.values.map((value) => (value === null ? null : String(value)));
    parts.push(serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync());
    let result;
    try {
      result = await this.db.execProtocol(concat(parts), { syncToFs: false });
    } catch (error) {
      if (name !== '') this.prepared.delete(name);
      throw error;
    }
    if (prepare && name !== '') this.prepared.add(name);
    await this.db.syncToFs();
    return parse.parseResults(result.messages, this.db.parsers)[0].rows as Row[];
  }
}

let loaded: ReturnType<typeof loadPgliteModule> | undefined;
function pglite(): ReturnType<typeof loadPgliteModule> {
  loaded ??= loadPgliteModule();
  return loaded;
}

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
