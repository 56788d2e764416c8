import { AppendResult, EventToAppend, ExpectedVersion, GENESIS_HASH, RecordedEvent, WrongExpectedVersionError, chainEvents } from '@lib/es-core';
import { validateEventsToAppend } from '../append-validation';
import { DuplicateEventIdError } from '../errors';
import { CheckpointStore, EventStore, EventStoreSubscription, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from '../event-store.port';
import { CurrentVersion, assertExpectedVersion, validateExpectedVersion } from '../expected-version';
import { PollingSubscription } from '../polling-subscription';
import {
  EVENT_ID_CONSTRAINT,
  EventRow,
  LastEventRow,
  STREAM_VERSION_CONSTRAINT,
  SqlNames,
  Statement,
  appendPreludeStatements,
  insertEventsStatements,
  lastEventStatement,
  loadCheckpointStatement,
  migrationStatements,
  notifyStatement,
  readAllStatement,
  readStreamStatement,
  saveCheckpointStatement,
  sqlNames,
  toRecordedEvent,
} from './sql-statements';

/** Runs one statement and returns its rows. */
export interface SqlExecutor {
  query<Row>(statement: Statement): Promise<Row[]>;
}

/** What the PostgreSQL and PGlite adapters differ in: connections, transactions, LISTEN. */
export interface SqlDriver extends SqlExecutor {
  /** Commits if `work` resolves, rolls back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Calls `onNotify` for every NOTIFY on `channel`; resolves to a function that stops listening. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface SqlEventStoreOptions {
  /** Schema holding the `events` and `checkpoints` tables; lower-case identifier. */
  schema: string;
  /** Longest wait between two polls of a live subscription (default 500 ms). */
  pollIntervalMs?: number;
  /** Page size of subscription catch-up reads (default 500). */
  subscriptionPageSize?: number;
  /** Wake subscriptions with LISTEN/NOTIFY instead of waiting for the next poll (default true). */
  notify?: boolean;
}

const DEFAULT_READ_ALL_LIMIT = 1000;

interface UniqueViolation {
  code: string;
  constraint?: string;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const candidate = error as Partial<UniqueViolation> | null;
  return !!candidate && candidate.code === '23505' && candidate.constraint === constraint;
}

/**
 * The event store over PostgreSQL's SQL, shared by the `pg` and PGlite adapters, which
 * only supply a {@link SqlDriver}. Also the CheckpointStore, in the same schema.
 */
export class SqlEventStore implements EventStore, CheckpointStore {
  protected readonly names: SqlNames;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly notify: boolean;
  private readonly subscriptions = new Set<PollingSubscription>();
  private unlisten: (() => Promise<void>) | null = null;
  private listening: Promise<void> | null = null;
  private closed = false;

  constructor(
    protected readonly driver: SqlDriver,
    options: SqlEventStoreOptions,
  ) {
    this.names = sqlNames(options.schema);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.pageSize = options.subscriptionPageSize ?? 500;
    this.notify = options.notify ?? true;
  }

  /** Creates the schema and tables if missing. Idempotent; safe from several processes at once. */
  async migrate(): Promise<void> {
    await this.driver.transaction(async (tx) => {
      for (const statement of migrationStatements(this.names)) await tx.query(statement);
    });
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    this.assertOpen();
    const { expectedVersion } = options;
    validateExpectedVersion(expectedVersion);
    validateEventsToAppend(streamId, events);
    try {
      return await this.driver.transaction(async (tx) => {
        for (const statement of appendPreludeStatements(this.names)) await tx.query(statement);
        const [last] = await tx.query<LastEventRow>(lastEventStatement(this.names, streamId));
        const current: CurrentVersion = last ? Number(last.version) : 'no_stream';
        assertExpectedVersion(streamId, expectedVersion, current);
        if (events.length === 0) {
          return { nextExpectedVersion: last ? Number(last.version) : -1, lastGlobalPosition: last ? BigInt(last.global_position) : -1n };
        }
        if (last && typeof last.hash !== 'string') {
          // Linking to GENESIS here would hide the break instead of reporting it.
          throw new Error(`stream ${streamId}: version ${last.version} carries no hash; it was not written through this store`);
        }
        const firstVersion = last ? Number(last.version) + 1 : 0;
        const chained = chainEvents(streamId, last?.hash ?? GENESIS_HASH, firstVersion, events);
        let lastGlobalPosition = -1n;
        for (const statement of insertEventsStatements(this.names, streamId, firstVersion, chained)) {
          const rows = await tx.query<{ global_position: string | bigint }>(statement);
          for (const row of rows) {
            const position = BigInt(row.global_position);
            if (position > lastGlobalPosition) lastGlobalPosition = position;
          }
        }
        if (this.notify) await tx.query(notifyStatement(this.names));
        return { nextExpectedVersion: firstVersion + events.length - 1, lastGlobalPosition };
      });
    } catch (error) {
      // The advisory lock makes this unreachable for writers using this class; the
      // constraint still guards against any other writer of the same table.
      if (isUniqueViolation(error, STREAM_VERSION_CONSTRAINT)) {
        throw new WrongExpectedVersionError(streamId, expectedVersion, await this.currentVersion(streamId));
      }
      if (isUniqueViolation(error, EVENT_ID_CONSTRAINT)) throw new DuplicateEventIdError(streamId, { cause: error });
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (options.toVersion !== undefined && !Number.isInteger(options.toVersion)) {
      throw new RangeError(`toVersion must be an integer; got ${options.toVersion}`);
    }
    if (options.fromVersion !== undefined && !Number.isInteger(options.fromVersion)) {
      throw new RangeError(`fromVersion must be an integer; got ${options.fromVersion}`);
    }
    if (options.toVersion !== undefined && options.toVersion < 0) return [];
    const rows = await this.driver.query<EventRow>(readStreamStatement(this.names, streamId, options));
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer; got ${limit}`);
    return this.readPage(options.after, limit);
  }

  subscribeToAll(options: SubscribeOptions): EventStoreSubscription {
    this.assertOpen();
    const subscription = new PollingSubscription({
      ...options,
      // Not readAll: a subscription still reading while close() runs must not see "closed".
      readPage: (after, limit) => this.readPage(after, limit),
      pageSize: this.pageSize,
      pollIntervalMs: this.pollIntervalMs,
    });
    this.subscriptions.add(subscription);
    void subscription.finished.then(() => this.subscriptions.delete(subscription));
    if (this.notify) void this.ensureListening();
    return subscription;
  }

  async load(name: string): Promise<bigint | null> {
    this.assertOpen();
    const [row] = await this.driver.query<{ position: string | bigint }>(loadCheckpointStatement(this.names, name));
    return row ? BigInt(row.position) : null;
  }

  async save(name: string, position: bigint): Promise<void> {
    this.assertOpen();
    await this.driver.query(saveCheckpointStatement(this.names, name, position));
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.driver.query({ text: 'SELECT 1', values: [] });
  }

  /** Stops every subscription (waiting for in-flight handlers), then releases the connection(s). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.listening;
    if (this.unlisten) await this.unlisten().catch(() => undefined);
    await this.driver.close();
  }

  private async readPage(after: bigint | undefined, limit: number): Promise<RecordedEvent[]> {
    const rows = await this.driver.query<EventRow>(readAllStatement(this.names, after, limit));
    return rows.map(toRecordedEvent);
  }

  private async currentVersion(streamId: string): Promise<CurrentVersion> {
    const [last] = await this.driver.query<LastEventRow>(lastEventStatement(this.names, streamId));
    return last ? Number(last.version) : 'no_stream';
  }

  private ensureListening(): Promise<void> {
    this.listening ??= this.driver
      .listen(this.names.channel, () => {
        for (const subscription of this.subscriptions) subscription.wake();
      })
      .then((unlisten) => {
        this.unlisten = unlisten;
      })
      // Notifications only shorten the wait; polling still delivers everything.
      .catch(() => undefined);
    return this.listening;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`event store (schema ${this.names.schema}) is closed`);
  }
}
