import type { PGlite } from '@electric-sql/pglite';
import { SqlDriver, SqlEventStore, SqlEventStoreOptions, SqlExecutor } from '../sql/sql-event-store';
import { Statement } from '../sql/sql-statements';
import { createPglite } from './load-pglite';

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
 */
export class PgliteEventStore extends SqlEventStore {
  constructor(options: PgliteEventStoreOptions = {}) {
    super(new PgliteDriver(options), { ...options, schema: options.schema ?? 'event_store' });
  }
}

class PgliteDriver implements SqlDriver {
  private readonly db: PGlite;
  private readonly ownsDb: boolean;

  constructor(options: PgliteEventStoreOptions) {
    this.db = options.db ?? createPglite(options.dataDir);
    this.ownsDb = !options.db;
  }

  async query<Row>(statement: Statement): Promise<Row[]> {
    return (await this.db.query<Row>(statement.text, statement.values)).rows;
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      work({ query: async <Row>(statement: Statement) => (await tx.query<Row>(statement.text, statement.values)).rows }),
    );
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const unlisten = await this.db.listen(channel, () => onNotify());
    return async () => {
      if (!this.db.closed) await unlisten();
    };
  }

  async close(): Promise<void> {
    if (this.ownsDb && !this.db.closed) await this.db.close();
  }
}
