import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import type { ReadModelStore } from '@lib/read-models';
import type { ContactDependencies } from '../../debtor-contact.dependencies';
import { datesAround, RankedEntry, rankCandidates } from '../../domain/work-queue/work-queue.priority';
import { BANDS, WORK_QUEUE, WorkQueueEntryDoc } from '../../domain/work-queue/work-queue.projection';
import { WorkQueueProjector } from '../../integration/read-models/work-queue.projector';
import { GetWorkQueue } from './get-work-queue.query';
import type { QueueBand, WorkQueueEntryView, WorkQueueView } from './work-queue.view';

/**
 * How many candidates per group the store is asked for, per entry wanted: the store sorts
 * by what does not change with the time of the question (band, balance, age); the
 * calling window and promises due today are judged on these candidates only.
 */
export const CANDIDATES_PER_ENTRY = 3;

const BAND_NAMES: Record<number, QueueBand> = { [BANDS.brokenPromise]: 'broken-promise', 4.5: 'promise-due-today', [BANDS.installmentMissed]: 'plan-installment-missed', [BANDS.callDue]: 'call-due', [BANDS.legalReview]: 'legal-review-due', [BANDS.rest]: 'open' };

/** The next accounts of one group (assigned to the collector, or unassigned), best first. */
export async function queueGroup(readModels: ReadModelStore, assignee: string | null, now: Date, limit: number): Promise<RankedEntry[]> {
  const fetch = limit * CANDIDATES_PER_ENTRY;
  const [byBand, dueToday] = await Promise.all([
    readModels.find<WorkQueueEntryDoc>(WORK_QUEUE, { open: true, assignee }, { sort: { band: -1, balance: -1, openedAt: 1 }, limit: fetch }),
    readModels.find<WorkQueueEntryDoc>(WORK_QUEUE, { open: true, assignee, promiseDueDates: { $in: datesAround(now) } }, { limit: fetch }),
  ]);
  return rankCandidates([...byBand, ...dueToday], now, limit);
}

@QueryHandler(GetWorkQueue)
export class GetWorkQueueHandler implements IQueryHandler<GetWorkQueue> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly projector: WorkQueueProjector,
  ) {}

  async execute({ collectorId, limit }: GetWorkQueue): Promise<WorkQueueView> {
    await this.projector.catchUp();
    const now = this.deps.clock.now();
    const readModels = this.projector.readModels;
    const mine = await queueGroup(readModels, collectorId, now, limit);
    const pool = mine.length < limit ? await queueGroup(readModels, null, now, limit - mine.length) : [];
    const entries = [...mine, ...pool].map(
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
}
