import { randomUUID } from 'node:crypto';
import { EventToAppend, Principal, RecordedEvent, WrongExpectedVersionError } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import { Backoff, backoffDelayMs } from './backoff';
import { Clock } from '@lib/clock';
import { errorFields, jsonLineLog, LogSink, withLogContext } from './log';

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
}

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
 * Tests move a TestClock and call `tick()`; production calls `start()`.
 */
export class DurableScheduler {
  private readonly pending = new Map<string, PendingWork>();
  private readonly handlers = new Map<string, WorkHandler>();
  private readonly retryBackoff: Backoff;
  private readonly log: LogSink;
  private position: bigint | undefined;
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
    const now = this.clock.now();
    return [...this.pending.values()].filter((item) => isDue(item, now)).length;
  }

  /** Items not yet fired nor cancelled, soonest first (after the last catch-up). */
  async pendingWork(): Promise<ScheduledWork[]> {
    await this.catchUp();
    return [...this.pending.values()].map((item) => item.work).sort(bySoonest);
  }

  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => {
      void this.tick().catch((error) => this.log({ level: 'error', source: 'scheduler', msg: 'tick failed; the next one retries', ...errorFields(error) }));
    }, intervalMs);
  }

  /** Stops the timer and waits for a running tick; that tick's failure is its caller's (or the timer's log), not stop's. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  private async fireDue(): Promise<number> {
    await this.catchUp();
    const now = this.clock.now();
    const due = [...this.pending.values()]
      .filter((item) => isDue(item, now))
      .map((item) => item.work)
      .sort(bySoonest);
    let fired = 0;
    for (const work of due) {
      const handler = this.handlers.get(work.kind);
      if (!handler) continue;
      const item = await this.current(work.workId);
      if (item && isDue(item, now) && (await this.fire(item, handler, now))) fired += 1;
    }
    return fired;
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
    this.pending.set(work.workId, { ...item, failures: attempt, retryAt });
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

  /** Keeps the pending index in step with the store (other instances may schedule or fire). */
  private catchUp(): Promise<void> {
    const next = this.catchingUp.then(() => this.readNewEvents());
    // One failed catch-up must not fail every later one.
    this.catchingUp = next.catch(() => undefined);
    return next;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ after: this.position, limit: 500 });
      for (const event of page) this.index(event);
      if (page.length > 0) this.position = page[page.length - 1].globalPosition;
      if (page.length < 500) return;
    }
  }

  private index(event: RecordedEvent): void {
    if (!event.streamId.startsWith(STREAM_PREFIX)) return;
    const workId = event.streamId.slice(STREAM_PREFIX.length);
    const item = evolve(this.pending.get(workId), event);
    if (item) this.pending.set(workId, item);
    else this.pending.delete(workId);
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
