import type { RecordedEvent } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import type { ProjectedEvent, Projection, ReadModelStore } from '@lib/read-models';
import { approvalsProjection } from '../../read-models/approvals.projection';
import { WorkQueueIndex } from '../../read-models/work-queue.index';
import { WORK_QUEUE, WorkQueueEntryDoc, workQueueProjection } from '../../read-models/work-queue.projection';

/** Where the projector's position in the service's own log is kept: in the read-model store, so the two move together. */
export const WORK_QUEUE_CHECKPOINT = 'debtor-contact-work-queue';

const PAGE = 1000;
/** Open accounts read per query while the index loads at start (about 1 KB of parsed document each). */
const LOAD_PAGE = 2000;
/** Documents re-read per query after a page, to bring the index up to date. */
const REREAD = 1000;

export const asProjected = (event: RecordedEvent): ProjectedEvent => ({ streamId: event.streamId, version: event.version, type: event.type, data: event.data, metadata: event.metadata });

/**
 * Keeps debtor-contact's read models (work queue, approvals) from its own event store: it
 * reads the log after its checkpoint, applies each page (idempotent per source stream and
 * version) and saves the checkpoint after it. A crash between the two re-applies a page,
 * which changes nothing. Queries call `catchUp()` first, so a collector reads what the
 * service already stored; a timer keeps it close in between.
 *
 * It also keeps the process's `WorkQueueIndex` (the open accounts in queue order): loaded
 * from the store on the first run, then fed every work-queue document a page changed, as
 * stored. The index follows this process's own position in the log, not the store's
 * checkpoint, so replicas sharing one read-model store each keep theirs complete (a page
 * another replica applied already is applied again, which changes nothing in the store).
 */
export class WorkQueueProjector {
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Where this process has read the log to; undefined until the index is loaded. */
  private position: bigint | undefined;
  readonly index = new WorkQueueIndex();

  constructor(
    private readonly store: EventStore,
    readonly readModels: ReadModelStore,
    private readonly projections: readonly Projection[] = [workQueueProjection, approvalsProjection],
    /** Open accounts read per query while the index loads at start. */
    private readonly loadPage = LOAD_PAGE,
  ) {}

  /** Applies everything stored so far; concurrent callers share one run (and a caller arriving during one waits for the next). */
  async catchUp(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.readAndApply().finally(() => (this.running = undefined));
    return this.running;
  }

  private async readAndApply(): Promise<void> {
    let after = this.position ?? (await this.loadIndex());
    for (;;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      if (page.length === 0) return;
      const projected = page.map(asProjected);
      for (const projection of this.projections) {
        const mine = projected.filter((event) => projection.handles.includes(event.type));
        if (mine.length) await this.readModels.apply(projection, mine);
      }
      await this.reindex(projected);
      after = page[page.length - 1].globalPosition;
      this.position = after;
      await this.readModels.saveCheckpoint(WORK_QUEUE_CHECKPOINT, after.toString());
      if (page.length < PAGE) return;
    }
  }

  /**
   * The store's checkpoint first, then its open accounts: a document already past the
   * checkpoint is applied again, as a no-op. The open accounts come in pages by id (a
   * keyset, not `skip`: a replica closing an account between two pages would shift every
   * later offset and hide an account that did not change), so a start holds one page of
   * documents at a time, not every open account's.
   */
  private async loadIndex(): Promise<bigint> {
    const saved = await this.readModels.loadCheckpoint(WORK_QUEUE_CHECKPOINT);
    this.index.beginLoad();
    let after: string | undefined;
    for (;;) {
      const filter = after === undefined ? { open: true } : { open: true, _id: { $gt: after } };
      const page = await this.readModels.find<WorkQueueEntryDoc & { _id: string }>(WORK_QUEUE, filter, { sort: { _id: 1 }, limit: this.loadPage });
      this.index.addLoaded(page);
      if (page.length < this.loadPage) break;
      after = page[page.length - 1]._id;
    }
    this.index.endLoad();
    this.position = saved === null ? -1n : BigInt(saved);
    return this.position;
  }

  private async reindex(events: readonly ProjectedEvent[]): Promise<void> {
    const ids = [...new Set(events.filter((event) => workQueueProjection.handles.includes(event.type)).flatMap((event) => workQueueProjection.documentIds(event)))];
    for (let from = 0; from < ids.length; from += REREAD) {
      const chunk = ids.slice(from, from + REREAD);
      const stored = await this.readModels.find<WorkQueueEntryDoc>(WORK_QUEUE, { _id: { $in: chunk } });
      const found = new Set(stored.map((doc) => doc.accountId));
      stored.forEach((doc) => this.index.upsert(doc));
      chunk.filter((id) => !found.has(id)).forEach((id) => this.index.remove(id));
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
