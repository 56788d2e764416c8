import type { RecordedEvent } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import type { ProjectedEvent, Projection, ReadModelStore } from '@lib/read-models';
import { approvalsProjection } from '../../domain/work-queue/approvals.projection';
import { workQueueProjection } from '../../domain/work-queue/work-queue.projection';

/** Where the projector's position in the service's own log is kept: in the read-model store, so the two move together. */
export const WORK_QUEUE_CHECKPOINT = 'debtor-contact-work-queue';

const PAGE = 1000;

export const asProjected = (event: RecordedEvent): ProjectedEvent => ({ streamId: event.streamId, version: event.version, type: event.type, data: event.data, metadata: event.metadata });

/**
 * Keeps debtor-contact's read models (work queue, approvals) from its own event store: it
 * reads the log after its checkpoint, applies each page (idempotent per source stream and
 * version) and saves the checkpoint after it. A crash between the two re-applies a page,
 * which changes nothing. Queries call `catchUp()` first, so a collector reads what the
 * service already stored; a timer keeps it close in between.
 */
export class WorkQueueProjector {
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: EventStore,
    readonly readModels: ReadModelStore,
    private readonly projections: readonly Projection[] = [workQueueProjection, approvalsProjection],
  ) {}

  /** Applies everything stored so far; concurrent callers share one run (and a caller arriving during one waits for the next). */
  async catchUp(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.readAndApply().finally(() => (this.running = undefined));
    return this.running;
  }

  private async readAndApply(): Promise<void> {
    const saved = await this.readModels.loadCheckpoint(WORK_QUEUE_CHECKPOINT);
    let after = saved === null ? -1n : BigInt(saved);
    for (;;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      if (page.length === 0) return;
      const projected = page.map(asProjected);
      for (const projection of this.projections) {
        const mine = projected.filter((event) => projection.handles.includes(event.type));
        if (mine.length) await this.readModels.apply(projection, mine);
      }
      after = page[page.length - 1].globalPosition;
      await this.readModels.saveCheckpoint(WORK_QUEUE_CHECKPOINT, after.toString());
      if (page.length < PAGE) return;
    }
  }

  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => void this.catchUp().catch((error) => process.stderr.write(`debtor-contact: work queue projection failed; the next run retries: ${String(error)}\n`)), intervalMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
