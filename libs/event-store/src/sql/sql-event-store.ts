import { createHash } from 'node:crypto';
import { AppendResult, EventToAppend, ExpectedVersion, RecordedEvent, WrongExpectedVersionError } from '@lib/es-core';
import { validateEventsToAppend, validateStreamAppends } from '../append-validation';
import { DuplicateEventIdError } from '../errors';
import {
  CheckpointStore,
  EventStore,
  EventStoreSubscription,
  PositionedState,
  ReadAllOptions,
  ReadStreamOptions,
  StateSnapshotStore,
  StreamAppend,
  StreamAppendOutcome,
  StreamDigestRead,
  StreamDigestReader,
  StreamFingerprint,
  SubscribeOptions,
} from '../event-store.port';
import { CurrentVersion, expectedVersionHolds, validateExpectedVersion } from '../expected-version';
import { PollingSubscription } from '../polling-subscription';
import { RecentLog } from './recent-log';
import {
  AppendOutcomeRow,
  EVENT_ID_CONSTRAINT,
  EventRow,
  GlobalPage,
  LastEventRow,
  ReadAllRow,
  STREAM_VERSION_CONSTRAINT,
  SqlNames,
  StateRow,
  Statement,
  appendStatement,
  appendManyStatement,
  lastEventStatement,
  notifyStatement,
  loadCheckpointStatement,
  loadStateStatement,
  isCurrentMigration,
  migratedFingerprintStatement,
  migrationStatements,
  readAllStatement,
  readStreamDigestsStatement,
  readStreamFingerprintsStatement,
  readStreamContentsStatement,
  ContentsRow,
  CONTENT_SEPARATOR,
  FingerprintRow,
  readStreamStatement,
  DigestRow,
  saveCheckpointStatement,
  saveStateStatement,
  sqlNames,
  toGlobalPage,
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
  /**
   * For a database only this process can open (PGlite): wakes the other listeners of
   * `channel` directly, so appends send no NOTIFY statement. Absent: NOTIFY.
   */
  announce?(channel: string): void;
  /**
   * For a database only this process writes, one statement at a time (PGlite): the recent
   * part of the schema's log, shared by every store of the schema on the database. Given,
   * the driver also offers {@link SqlDriver.queryThen}, and the store records every append
   * in it and answers reads just behind the head from it (see {@link RecentLog}).
   */
  readonly recentLog?: RecentLog;
  /**
   * Runs `statement`, then `then` on its rows before the database runs any other statement,
   * so what `then` records in memory follows the database's commit order.
   */
  queryThen?<Row, T>(statement: Statement, then: (rows: Row[]) => T): Promise<T>;
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
  /**
   * How long `readAll` waits for events that were committed before it read but are held
   * back behind an older transaction still running (default 3000 ms). It then returns what
   * is safe to hand out. Subscriptions wait at most `pollIntervalMs` and read again.
   */
  visibilityWaitMs?: number;
  /**
   * Answer `readAll` and subscriptions from the driver's recent log when it holds the page
   * (default true; only drivers with a recent log have one). Appends are recorded in it
   * either way, so other stores of the schema can rely on it.
   */
  readRecentFromMemory?: boolean;
}

const DEFAULT_READ_ALL_LIMIT = 1000;

/** Shortest pause between two NOTIFYs of one store while appends keep coming. */
const NOTIFY_GAP_MS = 10;

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
 * only supply a {@link SqlDriver}. Also the CheckpointStore and StateSnapshotStore, in the same schema.
 */
export class SqlEventStore implements EventStore, CheckpointStore, StateSnapshotStore, StreamDigestReader {
  protected readonly names: SqlNames;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly notify: boolean;
  private readonly visibilityWaitMs: number;
  private readonly readRecentFromMemory: boolean;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly appendListeners = new Set<() => void>();
  private notifying: Promise<void> | null = null;
  private notifyAgain = false;
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
    this.visibilityWaitMs = options.visibilityWaitMs ?? 3000;
    this.readRecentFromMemory = options.readRecentFromMemory ?? true;
  }

  /**
   * Creates the schema and tables if missing. Idempotent; safe from several processes at
   * once. A schema this version already migrated (its fingerprint says so) is left alone.
   */
  async migrate(): Promise<void> {
    const [migrated] = await this.driver.query<{ fingerprint: string | null }>(migratedFingerprintStatement(this.names));
    if (isCurrentMigration(this.names, migrated?.fingerprint)) return;
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
    let row: AppendOutcomeRow;
    try {
      [row] = await this.runAppend(streamId, expectedVersion, events);
    } catch (error) {
      // The per-stream lock in the append function makes this unreachable for writers
      // using this class; the constraint still guards against any other writer of the table.
      if (isUniqueViolation(error, STREAM_VERSION_CONSTRAINT)) {
        throw new WrongExpectedVersionError(streamId, expectedVersion, await this.currentVersion(streamId));
      }
      if (isUniqueViolation(error, EVENT_ID_CONSTRAINT)) throw new DuplicateEventIdError(streamId, { cause: error });
      throw error;
    }
    const version = row.stream_version === null ? null : Number(row.stream_version);
    if (row.outcome === 'wrong_expected_version') {
      const current: CurrentVersion = version ?? 'no_stream';
      // The database decided; expected-version.ts states the same rule for every adapter.
      if (expectedVersionHolds(expectedVersion, current)) {
        throw new Error(`append function refused expected version ${String(expectedVersion)} of ${streamId} at ${String(current)}, which holds`);
      }
      throw new WrongExpectedVersionError(streamId, expectedVersion, current);
    }
    if (row.outcome === 'unchained_head') {
      // Linking to GENESIS here would hide the break instead of reporting it.
      throw new Error(`stream ${streamId}: version ${String(version)} carries no hash; it was not written through this store`);
    }
    if (events.length > 0) this.announceAppend();
    return { nextExpectedVersion: version ?? -1, lastGlobalPosition: BigInt(row.last_position ?? -1) };
  }

  /** The append statement, recorded in the recent log when there is one (see {@link runRecorded}). */
  private runAppend(streamId: string, expectedVersion: ExpectedVersion, events: readonly EventToAppend[]): Promise<AppendOutcomeRow[]> {
    return this.runRecorded(appendStatement(this.names, streamId, expectedVersion, events), [{ streamId, events }]);
  }

  /**
   * A statement that appends to `appends`' streams and answers one row per append, in their
   * order. With a recent log, every append it made is recorded there before the next
   * statement runs: the log's invariant (every event after its anchor is held) depends on no
   * append escaping it, so every statement that writes events goes through here.
   */
  private runRecorded(statement: Statement, appends: readonly { streamId: string; events: readonly EventToAppend[] }[]): Promise<AppendOutcomeRow[]> {
    const driver = this.driver;
    const recentLog = driver.recentLog;
    if (!recentLog || !driver.queryThen) return driver.query<AppendOutcomeRow>(statement);
    return driver.queryThen<AppendOutcomeRow, AppendOutcomeRow[]>(statement, (rows) => {
      rows.forEach((row, index) => {
        const { streamId, events } = appends[index];
        if (row.outcome === 'appended' && events.length > 0 && row.stream_version !== null && row.last_position !== null) {
          recentLog.recordAppend(streamId, events, Number(row.stream_version), BigInt(row.last_position));
        }
      });
      return rows;
    });
  }

  /** One statement for every stream (see `appendManyStatement`): one transaction, one round trip. */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]> {
    this.assertOpen();
    validateStreamAppends(appends);
    if (appends.length === 0) return [];
    let rows: AppendOutcomeRow[];
    try {
      rows = await this.runRecorded(appendManyStatement(this.names, appends), appends);
    } catch (error) {
      if (isUniqueViolation(error, EVENT_ID_CONSTRAINT)) throw new DuplicateEventIdError(appends.map((append) => append.streamId).join(', '), { cause: error });
      throw error;
    }
    const outcomes = appends.map(({ streamId, expectedVersion }, index): StreamAppendOutcome => {
      const row = rows[index];
      const version = row.stream_version === null ? null : Number(row.stream_version);
      if (row.outcome === 'wrong_expected_version') return { appended: false, refusal: new WrongExpectedVersionError(streamId, expectedVersion, version ?? 'no_stream') };
      if (row.outcome === 'unchained_head') throw new Error(`stream ${streamId}: version ${String(version)} carries no hash; it was not written through this store`);
      return { appended: true, result: { nextExpectedVersion: version ?? -1, lastGlobalPosition: BigInt(row.last_position ?? -1) } };
    });
    if (outcomes.some((outcome, index) => outcome.appended && appends[index].events.length > 0)) this.announceAppend();
    return outcomes;
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

  async readStreamDigests(streamId: string, wholeFromVersion: number): Promise<StreamDigestRead> {
    this.assertOpen();
    if (!Number.isInteger(wholeFromVersion) || wholeFromVersion < 0) throw new RangeError(`wholeFromVersion must be a non-negative integer; got ${wholeFromVersion}`);
    const rows = await this.driver.query<DigestRow>(readStreamDigestsStatement(this.names, streamId, wholeFromVersion));
    const read: StreamDigestRead = { digests: new Array<string>(rows.length), versions: new Array<number>(rows.length), events: [] };
    rows.forEach((row, index) => {
      read.digests[index] = sha256Hex(row.content);
      read.versions[index] = Number(row.version);
      if (row.stream_id !== null) read.events.push(toRecordedEvent(row as EventRow));
    });
    return read;
  }

  /**
   * The database renders every row (one statement, one snapshot) and the process hashes
   * the texts: the same fingerprints as `readStreamFingerprintsStatement` computes, for
   * less CPU on PGlite (about 15% of the statement's), whose SHA-256 runs in WebAssembly
   * several times slower than Node's. Should a stream's
   * texts not split into its events (a `type` holding the separator), the database hashes
   * them all instead, in one statement as before.
   */
  async readStreamFingerprints(streamIds: readonly string[]): Promise<StreamFingerprint[]> {
    this.assertOpen();
    if (streamIds.length === 0) return [];
    const rows = await this.driver.query<ContentsRow>(readStreamContentsStatement(this.names, streamIds));
    const fingerprints: StreamFingerprint[] = [];
    for (const row of rows) {
      const fingerprint = fingerprintOfContents(row.contents, Number(row.events));
      if (fingerprint === undefined) return this.readStreamFingerprintsHashedByDatabase(streamIds);
      fingerprints.push({ streamId: row.stream_id, events: Number(row.events), firstVersion: Number(row.first_version), lastVersion: Number(row.last_version), fingerprint });
    }
    return fingerprints;
  }

  private async readStreamFingerprintsHashedByDatabase(streamIds: readonly string[]): Promise<StreamFingerprint[]> {
    const rows = await this.driver.query<FingerprintRow>(readStreamFingerprintsStatement(this.names, streamIds));
    return rows.map((row) => ({ streamId: row.stream_id, events: Number(row.events), firstVersion: Number(row.first_version), lastVersion: Number(row.last_version), fingerprint: row.fingerprint }));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer; got ${limit}`);
    return this.readPage(options.after, limit, this.visibilityWaitMs);
  }

  subscribeToAll(options: SubscribeOptions): EventStoreSubscription {
    this.assertOpen();
    const subscription = new PollingSubscription({
      ...options,
      // Not readAll: a subscription still reading while close() runs must not see "closed".
      readPage: (after, limit) => this.readPage(after, limit, this.pollIntervalMs),
      pageSize: this.pageSize,
      pollIntervalMs: this.pollIntervalMs,
    });
    this.subscriptions.add(subscription);
    void subscription.finished.then(() => this.subscriptions.delete(subscription));
    if (this.notify) void this.ensureListening();
    return subscription;
  }

  onAppended(listener: () => void): () => void {
    this.assertOpen();
    // A wrapper of its own, so the same function registered twice is called twice and removed once.
    const entry = (): void => listener();
    this.appendListeners.add(entry);
    if (this.notify) void this.ensureListening();
    return () => void this.appendListeners.delete(entry);
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

  async loadState(name: string): Promise<PositionedState | null> {
    this.assertOpen();
    const [row] = await this.driver.query<StateRow>(loadStateStatement(this.names, name));
    return row ? { position: BigInt(row.position), state: row.state } : null;
  }

  async saveState(name: string, snapshot: PositionedState): Promise<void> {
    this.assertOpen();
    await this.driver.query(saveStateStatement(this.names, name, snapshot.position, snapshot.state));
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.driver.query({ text: 'SELECT 1', values: [] });
  }

  /** Stops every subscription (waiting for in-flight handlers), then releases the connection(s). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.appendListeners.clear();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.listening;
    await this.notifying;
    if (this.unlisten) await this.unlisten().catch(() => undefined);
    await this.driver.close();
  }

  /**
   * Reads the next page of the global log up to the visibility horizon. When events that
   * were already committed are held back behind an older transaction (another append still
   * running, or any transaction on the server), waits up to `maxWaitMs` for it to end, so
   * a reader sees what was committed before it asked unless that transaction runs long.
   */
  private async readPage(after: bigint | undefined, limit: number, maxWaitMs: number): Promise<RecordedEvent[]> {
    const recent = this.readRecentFromMemory ? this.driver.recentLog?.read(after, limit) : undefined;
    if (recent) return recent;
    const deadline = Date.now() + maxWaitMs;
    let page = await this.readGlobalPage(after, limit);
    const target = page.newest;
    let pause = 2;
    while (page.events.length < limit && target !== null && target >= page.horizon && Date.now() < deadline && !this.closed) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(1, deadline - Date.now()))));
      pause = Math.min(pause * 2, 50);
      page = await this.readGlobalPage(after, limit);
    }
    return page.events;
  }

  private async readGlobalPage(after: bigint | undefined, limit: number): Promise<GlobalPage> {
    const statement = readAllStatement(this.names, after, limit);
    const driver = this.driver;
    const recentLog = driver.recentLog;
    if (!recentLog || !driver.queryThen) return toGlobalPage(await driver.query<ReadAllRow>(statement));
    return driver.queryThen<ReadAllRow, GlobalPage>(statement, (rows) => {
      const page = toGlobalPage(rows);
      recentLog.observeRead(page, limit);
      return page;
    });
  }

  protected async currentVersion(streamId: string): Promise<CurrentVersion> {
    const [last] = await this.driver.query<LastEventRow>(lastEventStatement(this.names, streamId));
    return last ? Number(last.version) : 'no_stream';
  }

  /**
   * After a commit: wakes this store's subscriptions and append listeners at once and other processes' by one
   * NOTIFY. The NOTIFY is its own statement, not part of the append: PostgreSQL makes every
   * transaction that notifies commit one at a time (a cluster-wide lock held through the
   * commit), which would undo what the per-stream lock gains. The first append after a
   * quiet spell notifies at once; appends that finish while a NOTIFY is on its way share
   * one more, sent {@link NOTIFY_GAP_MS} later, so a busy store sends a few dozen a second
   * rather than one per append.
   */
  protected announceAppend(): void {
    this.wakeReaders();
    if (!this.notify || this.closed) return;
    if (this.driver.announce) {
      this.driver.announce(this.names.channel);
      return;
    }
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = (async () => {
      for (;;) {
        this.notifyAgain = false;
        // Polling still delivers everything when a NOTIFY is lost.
        await this.driver.query(notifyStatement(this.names)).catch(() => undefined);
        if (!this.notifyAgain || this.closed) break;
        await new Promise((resolve) => setTimeout(resolve, NOTIFY_GAP_MS));
        if (this.closed) break;
      }
      this.notifying = null;
    })();
  }

  private wakeReaders(): void {
    for (const subscription of this.subscriptions) subscription.wake();
    for (const listener of this.appendListeners) {
      try {
        listener();
      } catch {
        // A listener's failure must not stop the others or the append that woke them.
      }
    }
  }

  private ensureListening(): Promise<void> {
    this.listening ??= this.driver
      .listen(this.names.channel, () => this.wakeReaders())
      .then((unlisten) => {
        this.unlisten = unlisten;
      })
      // Notifications only shorten the wait; polling still delivers everything.
      .catch(() => undefined);
    return this.listening;
  }

  protected assertOpen(): void {
    if (this.closed) throw new Error(`event store (schema ${this.names.schema}) is closed`);
  }
}

/**
 * SHA-256 (hex) of the rows' content digests, concatenated in version order, from their
 * texts joined by `CONTENT_SEPARATOR`; undefined when the parts do not number `events`.
 */
function fingerprintOfContents(contents: string, events: number): string | undefined {
  const texts = contents.split(CONTENT_SEPARATOR);
  if (texts.length !== events) return undefined;
  const fingerprint = createHash('sha256');
  for (const text of texts) fingerprint.update(sha256Hex(text));
  return fingerprint.digest('hex');
}

/** SHA-256 (hex) of a text's UTF-8: a row's content digest, as `CONTENT_DIGEST` computes it in the database. */
function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
