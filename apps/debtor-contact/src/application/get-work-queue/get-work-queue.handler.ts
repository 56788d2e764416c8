import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import type { ContactDependencies } from '../../debtor-contact.dependencies';
import { QueueInstant, rankEntry } from '../../read-models/work-queue.priority';
import { BANDS, WORK_QUEUE, WorkQueueEntryDoc } from '../../read-models/work-queue.projection';
import { WorkQueueProjector } from '../../integration/read-models/work-queue.projector';
import { GetWorkQueue } from './get-work-queue.query';
import type { QueueBand, WorkQueueEntryView, WorkQueueView } from './work-queue.view';

const BAND_NAMES: Record<number, QueueBand> = { [BANDS.brokenPromise]: 'broken-promise', 4.5: 'promise-due-today', [BANDS.installmentMissed]: 'plan-installment-missed', [BANDS.callDue]: 'call-due', [BANDS.legalReview]: 'legal-review-due', [BANDS.rest]: 'open' };

/**
 * Answers from the projector's index of the work queue read model, after a catch-up on
 * the service's own log, so a collector sees every event the service stored before the
 * question (docs/debtor-contact.md, "The work queue"). The index names the accounts in
 * order; their documents, for the answer and its reasons, are read from the store by id.
 */
@QueryHandler(GetWorkQueue)
export class GetWorkQueueHandler implements IQueryHandler<GetWorkQueue> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly projector: WorkQueueProjector,
  ) {}

  async execute({ collectorId, limit }: GetWorkQueue): Promise<WorkQueueView> {
    await this.projector.catchUp();
    const now = this.deps.clock.now();
    const instant = new QueueInstant(now);
    const docs = await this.documentsOf(this.projector.index.next(collectorId, instant, limit));
    // A document gone since the index named it (a rebuild under way) is left out; one changed since is answered as it stands now.
    const entries = docs
      .filter((doc): doc is WorkQueueEntryDoc => doc !== null)
      .map((doc) => rankEntry(doc, instant))
      .map(
        ({ doc, rank, callingWindow, ageDays, reasons }, index): WorkQueueEntryView => ({
          position: index + 1,
          accountId: doc.accountId,
          clientId: doc.clientId,
          debtorName: doc.debtorName,
          assignee: doc.assignee,
          assignedToYou: doc.assignee === collectorId,
          band: BAND_NAMES[rank],
          balance: doc.balance,
          currency: doc.currency,
          ageDays,
          lastContactAt: doc.lastContactAt,
          callingWindow,
          reasons,
        }),
      );
    return { collectorId, asOf: now.toISOString(), entries };
  }

  /**
   * The accounts' documents: those the index kept from the last answers, the others read
   * from the store, each by its exact id (the one lookup every store serves from its key;
   * FerretDB pushes down nothing else), and kept for the next question.
   */
  private async documentsOf(ids: readonly string[]): Promise<Array<WorkQueueEntryDoc | null>> {
    const index = this.projector.index;
    const readAfter = index.changes;
    return Promise.all(
      ids.map(async (id) => {
        const kept = index.answeredDocument(id);
        if (kept) return kept;
        const doc = await this.projector.readModels.findOne<WorkQueueEntryDoc>(WORK_QUEUE, { _id: id });
        if (doc) index.remember(doc, readAfter);
        return doc;
      }),
    );
  }
}
