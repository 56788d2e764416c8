import { randomUUID } from 'node:crypto';
import { decodeJson, EventToAppend, Json, Principal, RecordedEvent, WrongExpectedVersionError } from '@lib/es-core';
import { type EventStore, isStateSnapshotStore, type PositionedState, type StateSnapshotStore } from '@lib/event-store';
import { Backoff, backoffDelayMs } from './backoff';
import { Clock } from '@lib/clock';
import { errorFields, jsonLineLog, LogSink, withLogContext } from './log';
import { IndexedWork, PendingColumns, PendingIndex } from './pending-index';

/** A unit of scheduled work: what to do (`kind` + `payload`) and when. */
export interface ScheduledWork {
  workId: string;
  kind: string;
  dueAt: string;
  payload: Record<string, unknown>;
}

export const WORK_SCHEDULED = 'WorkScheduled';
export const WORK_FIRED = 'WorkFired';
export const WORK_CANCELLED = 'WorkCancelled';
/** A handler threw: data `{ workId, attempt, error, failedAt, retryAt }`. The item stays pending. */
export const WORK_FAILED = 'WorkFailed';

const STREAM_PREFIX = 'schedule-';

/** Each work item is its own stream, so firing it is an append with an expected version. */
export function scheduleStreamId(workId: string): string {
  return `${STREAM_PREFIX}${workId}`;
}

export type WorkHandler = (work: ScheduledWork, firedAt: Date) => Promise<void>;

export interface DurableSchedulerOptions {
  /** Pause before retrying an item whose handler threw. Default: 1 minute, doubling up to 1 hour. */
  retryBackoff?: Backoff;
  /** Where failures go. Default: one JSON line each on stderr. */
  log?: LogSink;
  /**
   * Where the pending index is saved with the global position it covers, so a start reads
   * only the log after it. Default: the event store itself when it keeps states (the SQL
   * adapters); null: no snapshots, every start reads the whole log.
   */
  snapshots?: StateSnapshotStore | null;
  /** Save the index once this many events were read since the last save (default 5000), and on stop(). */
  snapshotEvery?: number;
  /** Name of the saved index; schedulers sharing one store share it (default `scheduler:pending-index`). */
  snapshotName?: string;
}

const DEFAULT_SNAPSHOT_EVERY = 5000;
const DEFAULT_SNAPSHOT_NAME = 'scheduler:pending-index';
/**
 * Bumped when the saved shape changes; a snapshot of another format is ignored (full read).
 * 3: packed columns (`PendingColumns`, base64); 2, still read: one object per item.
 */
const SNAPSHOT_FORMAT = 3;
const ITEMS_FORMAT = 2;
const PAGE_SIZE = 500;

const DEFAULT_RETRY_BACKOFF: Backoff = { initialMs: 60_000, maxMs: 3_600_000 };
/** A failure's message is kept in the store for the operator; stack traces go to the log only. */
const MAX_STORED_ERROR = 500;

const SCHEDULER: Principal = { role: 'system', id: 'scheduler' };

/** A pending item as its stream tells it. */
interface PendingWork {
  work: ScheduledWork;
  /** The stream's last version: what the next append to it expects. */
  version: number;
  failures: number;
  /** After a failure, the item waits until this instant (ISO). */
  retryAt?: string;
  /** The correlation id of what scheduled it: the handler's log lines carry it. */
  correlationId?: string;
}

/**
 * Durable scheduled work, kept as events in the service's own event store.
 *
 * `tick()` fires every item due at the clock's `now`: it re-reads the item's stream (a
 * consumer may have cancelled it, another instance fired it, since the catch-up), runs
 * the handler, then appends `WorkFired` expecting the version it read. A crash between
 * the two re-runs the handler on the next tick, so handlers must be idempotent (use the
 * work id as the causation id of what they write). Two schedulers racing on one item:
 * the second append fails on the version and the item counts as fired once.
 *
 * A handler that throws does not stop the tick: the failure is logged and stored as
 * `WorkFailed` with the attempt count and when to retry (backoff doubling per failure),
 * the item stays pending, and the next due item runs. The backoff is in the store, so a
 * restart keeps it. A store that cannot be read or written fails the tick: that is no
 * one item's fault.
 *
 * The pending index is a fold of the store's log. It is saved with the position it covers
 * (in the store itself when it keeps states: the SQL adapters) every `snapshotEvery`
 * events and on `stop()`; a new scheduler starts from the saved one and reads only the
 * log after it, so its start does not grow with history (docs/decisions.md, "Time").
 * An open account can have work pending for weeks, so the index grows with open work: it
 * keeps a few packed fields per item ({@link PendingIndex}), the payload and correlation are
 * read from the item's stream when it fires (which re-reads the stream anyway).
 *
 * Tests move a TestClock and call `tick()`; production calls `start()`.
 */
export class DurableScheduler {
  private pending = new PendingIndex();
  /** No item is due before this instant (ms); a tick before it fires nothing without looking. */
  private earliestDueMs = Number.NEGATIVE_INFINITY;
  private readonly handlers = new Map<string, WorkHandler>();
  private readonly retryBackoff: Backoff;
  private readonly log: LogSink;
  private position: bigint | undefined;
  private readonly snapshots: StateSnapshotStore | null;
  private readonly snapshotEvery: number;
  private readonly snapshotName: string;
  /** Whether the first catch-up already looked for a saved index. */
  private restored = false;
  /** Events read since the index was last saved. */
  private readSinceSnapshot = 0;
  private savedPosition: bigint | undefined;
  /** Catch-ups run one after another: two overlapping ones could index an older page last. */
  private catchingUp: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    options: DurableSchedulerOptions = {},
  ) {
    this.retryBackoff = options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
    this.log = options.log ?? jsonLineLog;
    this.snapshots = options.snapshots !== undefined ? options.snapshots : isStateSnapshotStore(store) ? store : null;
    this.snapshotEvery = options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
    if (!Number.isInteger(this.snapshotEvery) || this.snapshotEvery < 1) throw new RangeError(`snapshotEvery must be a positive integer; got ${this.snapshotEvery}`);
    this.snapshotName = options.snapshotName ?? DEFAULT_SNAPSHOT_NAME;
  }

  on(kind: string, handler: WorkHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  /** Idempotent per work id: scheduling the same id twice keeps the first. */
  async schedule(work: ScheduledWork, causationId: string, correlationId = causationId): Promise<void> {
    try {
      await this.store.appendToStream(
        scheduleStreamId(work.workId),
        [this.event(WORK_SCHEDULED, { ...work }, causationId, correlationId)],
        { expectedVersion: 'no_stream' },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
  }

  /** Cancels an item not yet fired, also one that failed before; otherwise does nothing. */
  async cancel(workId: string, causationId: string): Promise<void> {
    for (;;) {
      const item = await this.current(workId);
      if (!item) return;
      try {
        await this.store.appendToStream(
          scheduleStreamId(workId),
          [this.event(WORK_CANCELLED, { workId }, causationId, causationId)],
          { expectedVersion: item.version },
        );
        return;
      } catch (error) {
        // The item moved (failed, fired) between the read and the append: look again.
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
  }

  /** Fires everything due now; returns how many items it fired. Ticks never overlap. */
  tick(): Promise<number> {
    this.running ??= this.fireDue().finally(() => (this.running = undefined));
    return this.running;
  }

  /** How many items are due at the clock's `now` and wait to be fired (after a catch-up). */
  async dueCount(): Promise<number> {
    await this.catchUp();
    return this.dueIds(this.clock.now().getTime()).length;
  }

  /**
   * Items not yet fired nor cancelled, soonest first (after the last catch-up), each read
   * from its stream: one read per pending item, for tests and operators, not for a hot path.
   */
  async pendingWork(): Promise<ScheduledWork[]> {
    await this.catchUp();
    const items = await Promise.all([...this.pending.entries()].map(([workId]) => this.current(workId)));
    return items.flatMap((item) => (item ? [item.work] : [])).sort(bySoonest);
  }

  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => {
      void this.tick().catch((error) => this.log({ level: 'error', source: 'scheduler', msg: 'tick failed; the next one retries', ...errorFields(error) }));
    }, intervalMs);
  }

  /**
   * Stops the timer, waits for a running tick (its failure is its caller's, or the timer's
   * log, not stop's), then catches up and saves the pending index so the next start reads
   * only what comes after. A store that fails here is logged: the next start reads more.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    if (!this.snapshots) return;
    try {
      await this.catchUp();
      await this.serialised(() => this.saveSnapshot());
    } catch (error) {
      this.log({ level: 'error', source: 'scheduler', msg: 'could not save the pending index on stop; the next start reads further back', ...errorFields(error) });
    }
  }

  private async fireDue(): Promise<number> {
    await this.catchUp();
    const now = this.clock.now();
    let fired = 0;
    for (const workId of this.dueIds(now.getTime())) {
      const indexed = this.pending.get(workId);
      const handler = indexed && this.handlers.get(indexed.kind);
      if (!handler) continue;
      const item = await this.current(workId);
      if (item && isDue(item, now) && (await this.fire(item, handler, now))) fired += 1;
    }
    return fired;
  }

  /**
   * The ids of the items due at `nowMs`, soonest first. Looks at the index only when
   * something can be due, so an idle tick over many weeks-away items costs nothing.
   */
  private dueIds(nowMs: number): string[] {
    if (nowMs < this.earliestDueMs) return [];
    const { ids, earliestNotDue } = this.pending.due(nowMs);
    // Items due now stay in the index until fired, so they count for the next tick too.
    this.earliestDueMs = ids.length > 0 ? Number.NEGATIVE_INFINITY : earliestNotDue;
    return ids;
  }

  /** Runs one item; a handler's failure is recorded, not thrown. Returns whether this call marked it fired. */
  private async fire(item: PendingWork, handler: WorkHandler, now: Date): Promise<boolean> {
    const { work } = item;
    try {
      const context = { correlationId: item.correlationId ?? work.workId, principal: SCHEDULER, workId: work.workId, workKind: work.kind };
      await withLogContext(context, () => handler(work, now));
    } catch (error) {
      await this.recordFailure(item, now, error);
      return false;
    }
    try {
      await this.store.appendToStream(
        scheduleStreamId(work.workId),
        [this.event(WORK_FIRED, { workId: work.workId, firedAt: now.toISOString() }, work.workId, work.workId)],
        { expectedVersion: item.version },
      );
    } catch (error) {
      // Fired, failed or cancelled elsewhere meanwhile: the next catch-up says which.
      if (error instanceof WrongExpectedVersionError) return false;
      throw error;
    }
    this.pending.delete(work.workId);
    return true;
  }

  private async recordFailure(item: PendingWork, now: Date, error: unknown): Promise<void> {
    const { work } = item;
    const attempt = item.failures + 1;
    const retryAt = new Date(now.getTime() + backoffDelayMs(attempt, this.retryBackoff)).toISOString();
    const fields = errorFields(error);
    this.log({ level: 'error', source: 'scheduler', msg: 'scheduled work failed; it stays pending', workId: work.workId, kind: work.kind, dueAt: work.dueAt, attempt, retryAt, ...fields });
    // Held here too, so this instance backs off even if the store cannot take the event.
    this.remember(work.workId, { ...item, failures: attempt, retryAt });
    try {
      await this.store.appendToStream(
        scheduleStreamId(work.workId),
        [
          this.event(
            WORK_FAILED,
            { workId: work.workId, attempt, error: fields.error.slice(0, MAX_STORED_ERROR), failedAt: now.toISOString(), retryAt },
            work.workId,
            work.workId,
          ),
        ],
        { expectedVersion: item.version },
      );
    } catch (appendError) {
      // A moved stream (cancelled, fired elsewhere) needs no failure on record.
      if (appendError instanceof WrongExpectedVersionError) return;
      this.log({ level: 'error', source: 'scheduler', msg: 'could not store the failure of scheduled work', workId: work.workId, ...errorFields(appendError) });
    }
  }

  /** The item as its stream says now (undefined once fired or cancelled), forgotten here if it is gone. */
  private async current(workId: string): Promise<PendingWork | undefined> {
    const item = (await this.store.readStream(scheduleStreamId(workId))).reduce(evolve, undefined);
    if (!item) this.pending.delete(workId);
    return item;
  }

  /** Indexes an item as pending, in the index's compact form. */
  private remember(workId: string, item: PendingWork): void {
    const indexed = toIndexed(item);
    this.pending.set(workId, indexed);
    this.earliestDueMs = Math.min(this.earliestDueMs, Math.max(indexed.dueMs, indexed.retryMs ?? Number.NEGATIVE_INFINITY));
  }

  /** Keeps the pending index in step with the store (other instances may schedule or fire). */
  private catchUp(): Promise<void> {
    return this.serialised(() => this.readNewEvents());
  }

  /** Runs `work` after every catch-up and save queued before it. */
  private serialised(work: () => Promise<void>): Promise<void> {
    const next = this.catchingUp.then(work);
    // One failed catch-up must not fail every later one.
    this.catchingUp = next.catch(() => undefined);
    return next;
  }

  private async readNewEvents(): Promise<void> {
    if (!this.restored) {
      await this.restore();
      this.restored = true;
    }
    for (;;) {
      const page = await this.store.readAll({ after: this.position, limit: PAGE_SIZE });
      for (const event of page) this.index(event);
      if (page.length > 0) this.position = page[page.length - 1].globalPosition;
      this.readSinceSnapshot += page.length;
      if (page.length < PAGE_SIZE) break;
    }
    // Saving writes the whole index: waiting for at least as many events as it holds keeps
    // the cost per event read constant however much work is pending.
    if (this.readSinceSnapshot >= Math.max(this.snapshotEvery, this.pending.size)) {
      // A failed save costs the next start some reading, never correctness: not the tick's failure.
      await this.saveSnapshot().catch((error) =>
        this.log({ level: 'error', source: 'scheduler', msg: 'could not save the pending index; will try again', ...errorFields(error) }),
      );
    }
  }

  /**
   * Starts the index from the saved one: the items pending as of its position. Whatever
   * happened after it (here or in another instance) is in the log after that position,
   * which the catch-up then reads; items fired or cancelled are gone for good, so an index
   * saved later than its position (see saveSnapshot) folds the same.
   */
  private async restore(): Promise<void> {
    if (!this.snapshots) return;
    const saved = await this.snapshots.loadState(this.snapshotName);
    if (!saved) return;
    const restored = savedIndexOf(saved);
    if (!restored) {
      this.log({ level: 'warn', source: 'scheduler', msg: 'saved pending index has an unknown format; reading the whole log', name: this.snapshotName });
      return;
    }
    this.pending = restored.index;
    this.earliestDueMs = restored.earliestDueMs;
    this.position = saved.position;
    this.savedPosition = saved.position;
  }

  /**
   * Saves the index and the position it covers, both taken in one synchronous step. The
   * index may already reflect a little more than the position (an item this instance just
   * fired, a failure it recorded): replaying the events after the position onto it gives
   * the same result, because firing and cancelling are final and the rest carries versions.
   */
  private async saveSnapshot(): Promise<void> {
    if (!this.snapshots || this.position === undefined || this.position === this.savedPosition) return;
    const position = this.position;
    const state = savedStateOf(this.pending.toColumns());
    this.readSinceSnapshot = 0;
    await this.snapshots.saveState(this.snapshotName, { position, state });
    this.savedPosition = position;
  }

  private index(event: RecordedEvent): void {
    if (!event.streamId.startsWith(STREAM_PREFIX)) return;
    const workId = event.streamId.slice(STREAM_PREFIX.length);
    const item = evolveIndexed(this.pending.get(workId), event);
    if (!item) {
      this.pending.delete(workId);
      return;
    }
    this.pending.set(workId, item);
    this.earliestDueMs = Math.min(this.earliestDueMs, Math.max(item.dueMs, item.retryMs ?? Number.NEGATIVE_INFINITY));
  }

  private event(type: string, data: Record<string, unknown>, causationId: string, correlationId: string): EventToAppend {
    return {
      type,
      data,
      metadata: {
        eventId: randomUUID(),
        principal: SCHEDULER,
        correlationId,
        causationId,
        occurredAt: this.clock.now().toISOString(),
      },
    };
  }
}

/** The saved form of format 3: the columns, their bytes as base64. */
interface SavedColumns {
  format: typeof SNAPSHOT_FORMAT;
  /** The byte order of the machine that wrote the columns; another reads the whole log. */
  littleEndian: boolean;
  count: number;
  kinds: string[];
  patterns: string[][];
  failed: Array<[number, number, number]>;
  bytes: string;
}

function savedStateOf(columns: PendingColumns): Json {
  const { bytes, ...rest } = columns;
  const saved: SavedColumns = { format: SNAPSHOT_FORMAT, littleEndian: LITTLE_ENDIAN, ...rest, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
  return saved as unknown as Json;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The index a saved state holds and the earliest time of its items, or null if it is not
 * one this version reads (another format, another byte order, columns that do not add up).
 */
function savedIndexOf(saved: PositionedState): { index: PendingIndex; earliestDueMs: number } | null {
  const index = new PendingIndex();
  try {
    const state = saved.state as { format?: unknown } | null;
    if (!state || typeof state !== 'object') return null;
    if (state.format === SNAPSHOT_FORMAT) {
      const columns = state as unknown as SavedColumns;
      if (columns.littleEndian !== LITTLE_ENDIAN || typeof columns.bytes !== 'string') return null;
      index.loadColumns({ count: columns.count, kinds: columns.kinds, patterns: columns.patterns, failed: columns.failed, bytes: new Uint8Array(Buffer.from(columns.bytes, 'base64')) });
    } else {
      const items = pendingItemsOf(saved);
      if (!items) return null;
      for (const [workId, item] of items) index.set(workId, toIndexed(item));
    }
  } catch {
    return null;
  }
  // Whatever is due now shows at the first tick, which then learns the true earliest.
  return { index, earliestDueMs: index.size > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY };
}

/** One entry of a saved index of format 2: the index's compact form, dates as ISO text. */
interface SavedItem {
  workId: string;
  kind: string;
  dueAt: string;
  version: number;
  failures: number;
  retryAt?: string;
}

/** The items of a saved index of format 2, or null if it is not one. */
function pendingItemsOf(saved: PositionedState): Array<[string, PendingWork]> | null {
  const state = decodeJson<{ format?: unknown; items?: unknown } | null>(saved.state);
  if (!state || typeof state !== 'object' || state.format !== ITEMS_FORMAT || !Array.isArray(state.items)) return null;
  return (state.items as SavedItem[]).map((item) => [
    item.workId,
    {
      work: { workId: item.workId, kind: item.kind, dueAt: item.dueAt, payload: {} },
      version: item.version,
      failures: item.failures,
      retryAt: item.retryAt,
    },
  ]);
}

function toIndexed(item: PendingWork): IndexedWork {
  const indexed: IndexedWork = { kind: item.work.kind, dueMs: Date.parse(item.work.dueAt), version: item.version, failures: item.failures };
  if (item.retryAt !== undefined) indexed.retryMs = Date.parse(item.retryAt);
  return indexed;
}

/** `evolve` on the index's compact form (the payload is never needed to know what is pending). */
function evolveIndexed(item: IndexedWork | undefined, event: RecordedEvent): IndexedWork | undefined {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case WORK_SCHEDULED:
      return { kind: String(data.kind), dueMs: Date.parse(String(data.dueAt)), version: event.version, failures: 0 };
    case WORK_FAILED:
      return item && { ...item, version: event.version, failures: Number(data.attempt), retryMs: Date.parse(String(data.retryAt)) };
    case WORK_FIRED:
    case WORK_CANCELLED:
      return undefined;
    default:
      return item && { ...item, version: event.version };
  }
}

/** One item's stream folded into what is pending of it; undefined once fired or cancelled. */
function evolve(item: PendingWork | undefined, event: RecordedEvent): PendingWork | undefined {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case WORK_SCHEDULED:
      return { work: data as unknown as ScheduledWork, version: event.version, failures: 0, correlationId: event.metadata.correlationId };
    case WORK_FAILED:
      return item && { ...item, version: event.version, failures: Number(data.attempt), retryAt: String(data.retryAt) };
    case WORK_FIRED:
    case WORK_CANCELLED:
      return undefined;
    default:
      return item && { ...item, version: event.version };
  }
}

function isDue(item: PendingWork, now: Date): boolean {
  return new Date(item.work.dueAt) <= now && (item.retryAt === undefined || new Date(item.retryAt) <= now);
}

function bySoonest(a: ScheduledWork, b: ScheduledWork): number {
  return a.dueAt.localeCompare(b.dueAt);
}
