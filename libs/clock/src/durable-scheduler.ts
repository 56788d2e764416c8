import { randomUUID } from 'node:crypto';
import { EventToAppend, Principal, RecordedEvent, WrongExpectedVersionError } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import { Clock } from './clock';

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

/** Each work item is its own stream, so firing it is an append with an expected version. */
export function scheduleStreamId(workId: string): string {
  return `schedule-${workId}`;
}

export type WorkHandler = (work: ScheduledWork, firedAt: Date) => Promise<void>;

const SCHEDULER: Principal = { role: 'system', id: 'scheduler' };

/**
 * Durable scheduled work, kept as events in the service's own event store.
 *
 * `tick()` fires every item due at the clock's `now`: it runs the handler, then appends
 * `WorkFired` expecting the item's stream to hold only `WorkScheduled`. A crash between
 * the two re-runs the handler on the next tick, so handlers must be idempotent (use the
 * work id as the causation id of what they write). Two schedulers racing on one item:
 * the second append fails on the version and the item counts as fired once.
 * Tests move a TestClock and call `tick()`; production calls `start()`.
 */
export class DurableScheduler {
  private readonly pending = new Map<string, ScheduledWork>();
  private readonly handlers = new Map<string, WorkHandler>();
  private position: bigint | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

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

  async cancel(workId: string, causationId: string): Promise<void> {
    try {
      await this.store.appendToStream(
        scheduleStreamId(workId),
        [this.event(WORK_CANCELLED, { workId }, causationId, causationId)],
        { expectedVersion: 0 },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
  }

  /** Fires everything due now; returns how many items it fired. Ticks never overlap. */
  tick(): Promise<number> {
    this.running ??= this.fireDue().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Items not yet fired nor cancelled, soonest first (after the last catch-up). */
  async pendingWork(): Promise<ScheduledWork[]> {
    await this.catchUp();
    return [...this.pending.values()].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => void this.tick().catch(() => undefined), intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async fireDue(): Promise<number> {
    await this.catchUp();
    const now = this.clock.now();
    const due = [...this.pending.values()]
      .filter((work) => new Date(work.dueAt) <= now)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    let fired = 0;
    for (const work of due) {
      const handler = this.handlers.get(work.kind);
      if (!handler) continue;
      await handler(work, now);
      try {
        await this.store.appendToStream(
          scheduleStreamId(work.workId),
          [this.event(WORK_FIRED, { workId: work.workId, firedAt: now.toISOString() }, work.workId, work.workId)],
          { expectedVersion: 0 },
        );
        fired += 1;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
      this.pending.delete(work.workId);
    }
    return fired;
  }

  /** Keeps the pending index in step with the store (other instances may schedule or fire). */
  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ after: this.position, limit: 500 });
      for (const event of page) this.index(event);
      if (page.length > 0) this.position = page[page.length - 1].globalPosition;
      if (page.length < 500) return;
    }
  }

  private index(event: RecordedEvent): void {
    if (!event.streamId.startsWith('schedule-')) return;
    const data = event.data as Record<string, unknown>;
    if (event.type === WORK_SCHEDULED) this.pending.set(String(data.workId), data as unknown as ScheduledWork);
    if (event.type === WORK_FIRED || event.type === WORK_CANCELLED) this.pending.delete(String(data.workId));
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
