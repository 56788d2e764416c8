import { createRequire } from 'node:module';
import type * as Pg from 'pg';
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { AppendResult, EventToAppend, ExpectedVersion, WrongExpectedVersionError } from '@lib/es-core';
import { validateEventEnvelopes, validateEventsToAppend } from '../append-validation';
import { DuplicateEventIdError } from '../errors';
import { SqlDriver, SqlEventStore, SqlEventStoreOptions, SqlExecutor } from '../sql/sql-event-store';
import { EVENT_ID_CONSTRAINT, STREAM_VERSION_CONSTRAINT, Statement } from '../sql/sql-statements';
import { ChainedEvents, NewStreamRow, chainNewStream, newStreamStatement } from './new-stream-append';

export interface PostgresEventStoreOptions extends SqlEventStoreOptions {
  /** e.g. `postgres://user:pass@localhost:5432/db`. Ignored when `pool` is given. */
  connectionString?: string;
  /** A pool owned by the caller: the store neither configures nor ends it. */
  pool?: Pool;
  /** Extra settings for the pool the store creates (size, timeouts). */
  poolConfig?: Omit<PoolConfig, 'connectionString'>;
}

/**
 * PostgreSQL event store over a `pg` Pool. Each append is one call of the schema's
 * append function; appends to different streams run concurrently, and readers of the
 * global log stop at the oldest running transaction, so positions follow commit order
 * (see docs/event-store.md). Call {@link PostgresEventStore.migrate} (or use
 * `createPostgresEventStore`) before first use.
 */
export class PostgresEventStore extends SqlEventStore {
  constructor(options: PostgresEventStoreOptions) {
    super(new PgDriver(options), options);
  }

  /** Creating a stream is one plain INSERT (see new-stream-append.ts); every other append calls the append function. */
  override async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    if (options.expectedVersion !== 'no_stream' || events.length === 0) return super.appendToStream(streamId, events, options);
    this.assertOpen();
    let chained: ChainedEvents;
    try {
      validateEventEnvelopes(streamId, events);
      chained = chainNewStream(streamId, events);
    } catch (error) {
      // The full validation names the first bad event as every other append does; past it, the error stands.
      validateEventsToAppend(streamId, events);
      throw error;
    }
    if (chained.contentNeedsFullCheck) validateEventsToAppend(streamId, events);
    let row: NewStreamRow;
    try {
      [row] = await this.driver.query<NewStreamRow>(newStreamStatement(this.names, streamId, events, chained));
    } catch (error) {
      throw await this.newStreamRefusal(streamId, error);
    }
    this.announceAppend();
    return { nextExpectedVersion: events.length - 1, lastGlobalPosition: BigInt(row.last_position) };
  }

  /**
   * What the append function would have answered: the expected version is checked first,
   * so an event id already stored in a stream that exists is a wrong expected version too.
   */
  private async newStreamRefusal(streamId: string, error: unknown): Promise<unknown> {
    const constraint = uniqueViolationConstraint(error);
    if (constraint !== STREAM_VERSION_CONSTRAINT && constraint !== EVENT_ID_CONSTRAINT) return error;
    const current = await this.currentVersion(streamId);
    if (current !== 'no_stream') return new WrongExpectedVersionError(streamId, 'no_stream', current);
    // The stream was there at the insert and is gone now: never, since events are not deleted.
    if (constraint === STREAM_VERSION_CONSTRAINT) return error;
    return new DuplicateEventIdError(streamId, { cause: error });
  }
}

function uniqueViolationConstraint(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; constraint?: unknown } | null;
  return candidate && candidate.code === '23505' && typeof candidate.constraint === 'string' ? candidate.constraint : undefined;
}

class PgDriver implements SqlDriver {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private listener: PoolClient | null = null;

  constructor(options: PostgresEventStoreOptions) {
    if (options.pool) {
      this.pool = options.pool;
      this.ownsPool = false;
    } else {
      if (!options.connectionString) throw new Error('PostgresEventStore needs a connectionString or a pool');
      this.pool = new (pgModule().Pool)({ ...options.poolConfig, connectionString: options.connectionString });
      this.ownsPool = true;
    }
    // An idle client that loses its server connection emits 'error' on the pool; without
    // a listener Node would crash the process. The next query simply gets a new client.
    this.pool.on('error', () => undefined);
  }

  async query<Row>(statement: Statement): Promise<Row[]> {
    // A named statement is parsed and planned once per connection, then only bound.
    const result = statement.name
      ? await this.pool.query({ name: statement.name, text: statement.text, values: statement.values })
      : await this.pool.query(statement.text, statement.values);
    return result.rows as Row[];
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work({
        query: async <Row>(statement: Statement) => (await client.query(statement.text, statement.values)).rows as Row[],
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      // A client whose ROLLBACK failed may still be inside a transaction: destroy it
      // rather than hand it to the next caller.
      client.release(broken);
    }
  }

  /** One dedicated connection per store carries LISTEN; pooled clients come and go. */
  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const client = await this.pool.connect();
    this.listener = client;
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    client.on('error', () => undefined);
    try {
      await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      this.listener = null;
      client.release(true);
      throw error;
    }
    return async () => {
      this.listener = null;
      try {
        await client.query(`UNLISTEN "${channel}"`);
        client.release();
      } catch (error) {
        client.release(error instanceof Error ? error : true);
      }
    };
  }

  async close(): Promise<void> {
    if (this.listener) {
      this.listener.release(true);
      this.listener = null;
    }
    if (this.ownsPool) await this.pool.end();
  }
}

const requireHere = createRequire(__filename);
let pgLoaded: typeof Pg | undefined;

/**
 * `pg` is loaded when a store makes its own pool, not with the library: the all-in-one, on
 * PGlite, does not carry it (docs/benchmarks.md, the all-in-one's idle memory).
 */
function pgModule(): typeof Pg {
  return (pgLoaded ??= requireHere('pg') as typeof Pg);
}
