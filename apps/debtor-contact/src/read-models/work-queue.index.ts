import { datesAround, QueueInstant, RankedEntry, rankCandidates } from './work-queue.priority';
import { BANDS, WorkQueueEntryDoc } from './work-queue.projection';

const BANDS_DOWN = [BANDS.brokenPromise, BANDS.installmentMissed, BANDS.callDue, BANDS.legalReview, BANDS.rest];
const POOL = '';

/** The order inside a band that does not depend on the time of the question: larger balance, older account, account id. */
const byStaticOrder = (a: WorkQueueEntryDoc, b: WorkQueueEntryDoc) => b.balance - a.balance || a.openedAt.localeCompare(b.openedAt) || a.accountId.localeCompare(b.accountId);

/**
 * The document's fields, in one fixed order, without the store's bookkeeping (`_id`). The
 * index holds one per open account for the life of the process: a document as the store
 * returns it (parsed JSON, then spread with its `_id`) took about 1.2 KB of heap, this copy
 * about 0.5 KB (docs/benchmarks.md, the all-in-one's memory as accounts grow).
 */
function entryOf(doc: WorkQueueEntryDoc): WorkQueueEntryDoc {
  return {
    accountId: doc.accountId,
    clientId: doc.clientId,
    open: doc.open,
    commercial: doc.commercial,
    debtorName: doc.debtorName,
    debtorKind: doc.debtorKind,
    country: doc.country,
    region: doc.region,
    currency: doc.currency,
    balance: doc.balance,
    openedAt: doc.openedAt,
    assignee: doc.assignee,
    lastContactAt: doc.lastContactAt,
    lastContactOutcome: doc.lastContactOutcome,
    pendingPromises: doc.pendingPromises,
    promiseDueDates: doc.promiseDueDates,
    brokenPromiseAt: doc.brokenPromiseAt,
    installmentMissedAt: doc.installmentMissedAt,
    callDueSince: doc.callDueSince,
    legalReviewDueSince: doc.legalReviewDueSince,
    band: doc.band,
  };
}

/**
 * The open accounts of the work queue read model, kept in the queue's static order per
 * assignee and band, so the next accounts are found by walking a few entries instead of
 * sorting the portfolio on each question (docs/debtor-contact.md, "The work queue": the
 * store alone took p99 ~100 ms at 10,000 accounts). It holds a compact copy of the read
 * model's documents as they are stored; the projector feeds it every document it changes.
 */
export class WorkQueueIndex {
  private readonly docs = new Map<string, WorkQueueEntryDoc>();
  private readonly lists = new Map<string, Map<number, WorkQueueEntryDoc[]>>();
  /** Per assignee, per due date: the accounts with a pending promise due then. */
  private readonly dueOn = new Map<string, Map<string, Set<string>>>();

  get size(): number {
    return this.docs.size;
  }

  /** Starts over from these documents, sorted once per list (one by one, each insertion would move half a band). */
  load(docs: readonly WorkQueueEntryDoc[]): void {
    this.docs.clear();
    this.lists.clear();
    this.dueOn.clear();
    for (const stored of docs) {
      if (!stored.open) continue;
      const doc = entryOf(stored);
      this.docs.set(doc.accountId, doc);
      this.listOf(doc.assignee ?? POOL, doc.band).push(doc);
      this.noteDueDates(doc);
    }
    for (const bands of this.lists.values()) for (const list of bands.values()) list.sort(byStaticOrder);
  }

  /** The document as stored now: an open account is (re)placed in its order, a closed one leaves. */
  upsert(stored: WorkQueueEntryDoc): void {
    this.remove(stored.accountId);
    if (!stored.open) return;
    const doc = entryOf(stored);
    this.docs.set(doc.accountId, doc);
    const list = this.listOf(doc.assignee ?? POOL, doc.band);
    list.splice(this.insertionPoint(list, doc), 0, doc);
    this.noteDueDates(doc);
  }

  private noteDueDates(doc: WorkQueueEntryDoc): void {
    const assignee = doc.assignee ?? POOL;
    let dates = this.dueOn.get(assignee);
    if (!dates) this.dueOn.set(assignee, (dates = new Map()));
    for (const date of doc.promiseDueDates) {
      const ids = dates.get(date) ?? new Set<string>();
      ids.add(doc.accountId);
      dates.set(date, ids);
    }
  }

  remove(accountId: string): void {
    const doc = this.docs.get(accountId);
    if (!doc) return;
    this.docs.delete(accountId);
    const list = this.listOf(doc.assignee ?? POOL, doc.band);
    const at = this.insertionPoint(list, doc);
    if (list[at]?.accountId === accountId) list.splice(at, 1);
    for (const date of doc.promiseDueDates) this.dueOn.get(doc.assignee ?? POOL)?.get(date)?.delete(accountId);
  }

  /** The collector's next accounts: assigned to them first, then the unassigned pool, each group in the queue's order. */
  next(collectorId: string, instant: QueueInstant, limit: number): RankedEntry[] {
    const mine = this.group(collectorId, instant, limit);
    return mine.length >= limit ? mine : [...mine, ...this.group(POOL, instant, limit - mine.length)];
  }

  /**
   * Gathers every account that can be among the group's first `limit` (per band, the
   * first `limit` inside the calling window and, until those are found, the first outside
   * it; the promises due today of the lower bands), then ranks them exactly.
   */
  private group(assignee: string, instant: QueueInstant, limit: number): RankedEntry[] {
    if (limit <= 0) return [];
    const candidates = new Map<string, WorkQueueEntryDoc>();
    const add = (doc: WorkQueueEntryDoc) => candidates.set(doc.accountId, doc);
    const bands = this.lists.get(assignee);
    for (const band of BANDS_DOWN) {
      // Every band ranks above the next: once the ones above fill the limit, no lower account can enter.
      if (candidates.size >= limit) break;
      let inside = 0;
      let outside = 0;
      for (const doc of bands?.get(band) ?? []) {
        if (instant.of(doc).callingWindow.openNow) {
          add(doc);
          if (++inside >= limit) break;
        } else if (outside < limit) {
          add(doc);
          outside++;
        }
      }
      if (band === BANDS.brokenPromise) this.dueToday(assignee, instant, limit).forEach(add);
    }
    return rankCandidates([...candidates.values()], instant, limit);
  }

  /** The group's accounts below the top band with a promise due today in the debtor's own calendar, best first, at most `limit`. */
  private dueToday(assignee: string, instant: QueueInstant, limit: number): WorkQueueEntryDoc[] {
    const due: WorkQueueEntryDoc[] = [];
    const dates = this.dueOn.get(assignee);
    for (const date of datesAround(instant.now)) {
      for (const id of dates?.get(date) ?? []) {
        const doc = this.docs.get(id);
        if (doc && doc.band !== BANDS.brokenPromise && doc.promiseDueDates.includes(instant.of(doc).today)) due.push(doc);
      }
    }
    const open = (doc: WorkQueueEntryDoc) => Number(instant.of(doc).callingWindow.openNow);
    return [...new Set(due)].sort((a, b) => open(b) - open(a) || byStaticOrder(a, b)).slice(0, limit);
  }

  private listOf(assignee: string, band: number): WorkQueueEntryDoc[] {
    let bands = this.lists.get(assignee);
    if (!bands) this.lists.set(assignee, (bands = new Map()));
    let list = bands.get(band);
    if (!list) bands.set(band, (list = []));
    return list;
  }

  /** Binary search: the first position whose document does not come before `doc`. */
  private insertionPoint(list: readonly WorkQueueEntryDoc[], doc: WorkQueueEntryDoc): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byStaticOrder(list[middle], doc) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
