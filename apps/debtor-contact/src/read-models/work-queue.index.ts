import { datesAround, QueueInstant } from './work-queue.priority';
import { BANDS, WorkQueueEntryDoc } from './work-queue.projection';

const BANDS_DOWN = [BANDS.brokenPromise, BANDS.installmentMissed, BANDS.callDue, BANDS.legalReview, BANDS.rest];
/** A promise due today sits between a broken promise (5) and a missed installment (4), as in `rankEntry`. */
const PROMISE_DUE_TODAY_RANK = 4.5;
/** The assignee number of the unassigned pool. */
const POOL = 0;
const DAY_MS = 86_400_000;
/** Before every instant a date can hold: an empty `openedAt` and "never contacted" sort first, as the empty string does. */
const BEFORE_ANY_INSTANT = -8.64e15 - 1;
const FIRST_CAPACITY = 1024;
/** Documents of answered accounts kept for the next questions: ten pages of the largest limit, about 0.5 KB each. */
const ANSWERED_KEPT = 2_000;

/** An ISO instant as milliseconds; the texts the read model holds (the clock's ISO strings) order as these numbers do. */
const instantOf = (text: string | null): number => {
  const ms = text ? Date.parse(text) : NaN;
  return Number.isNaN(ms) ? BEFORE_ANY_INSTANT : ms;
};

/** A calendar date `YYYY-MM-DD` as a day number; null for anything else (it can never equal a debtor's today). */
const dayOf = (date: string): number | null => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00.000Z`) / DAY_MS : null);

/** The document's fields in one fixed order, without the store's bookkeeping (`_id`): a document as the store returns it takes twice the heap. */
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

/** The fields `QueueInstant` reads: a debtor's kind and place, shared by every account of that kind and place. */
type Place = Pick<WorkQueueEntryDoc, 'debtorKind' | 'country' | 'region'>;

/** A longer copy of a typed array (its length is the index's capacity). */
function resized<T extends Float64Array | Uint8Array | Uint32Array>(from: T, capacity: number): T {
  const to = new (from.constructor as new (length: number) => T)(capacity);
  to.set(from);
  return to;
}

/** Slots of the index in one order: an `Int32Array` that grows, so an entry costs 4 bytes. */
class SlotList {
  private items = new Int32Array(8);
  length = 0;

  at(position: number): number {
    return this.items[position];
  }

  push(slot: number): void {
    this.insert(this.length, slot);
  }

  insert(position: number, slot: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items.copyWithin(position + 1, position, this.length);
    this.items[position] = slot;
    this.length += 1;
  }

  removeAt(position: number): void {
    this.items.copyWithin(position, position + 1, this.length);
    this.length -= 1;
  }

  sort(compare: (a: number, b: number) => number): void {
    this.items.subarray(0, this.length).sort(compare);
  }
}

/**
 * The open accounts of the work queue read model, reduced to what orders and filters them,
 * kept in the queue's static order per assignee and band, so a question walks a few
 * entries instead of sorting the portfolio (docs/debtor-contact.md, "The work queue": the
 * store alone took p99 ~100 ms at 10,000 accounts). It answers account ids; the caller
 * reads those documents from the store by id, and may leave them here for the next
 * question (`remember`). The projector feeds it every document it changes, as stored.
 *
 * An account is a slot: its id (the one string it keeps), and in typed arrays its
 * balance, `openedAt` and `lastContactAt` as numbers, its band, its assignee and its
 * debtor's kind and place as numbers into tables shared by every account, and its first
 * promise due date as a day number. About 110 bytes of heap per open account instead of
 * the 0.5 KB a copy of the document took (docs/benchmarks.md, "Work-queue index: keys only").
 */
export class WorkQueueIndex {
  private readonly slotOf = new Map<string, number>();
  private ids: Array<string | undefined> = [];
  private readonly freeSlots: number[] = [];
  private capacity = 0;
  private balance = new Float64Array(0);
  private openedAt = new Float64Array(0);
  private lastContactAt = new Float64Array(0);
  private band = new Uint8Array(0);
  private assignee = new Uint32Array(0);
  private place = new Uint32Array(0);
  /** The first of the account's promise due dates (day number), NaN without one; the others are in `laterDueDays`. */
  private firstDueDay = new Float64Array(0);
  private readonly laterDueDays = new Map<number, number[]>();
  /** Counts every change the index took; `changedAt[slot]` is the count when the slot's account last changed. */
  private changeCount = 0;
  private changedAt = new Float64Array(0);
  /** The documents of recently answered accounts, least recently answered first; a change replaces an account's, a closure drops it. */
  private readonly answered = new Map<string, WorkQueueEntryDoc>();

  private readonly assignees = new Map<string, number>([['', POOL]]);
  private readonly placeIds = new Map<string, number>();
  private readonly places: Place[] = [];

  /** Per assignee number, per band: the slots in static order. */
  private readonly lists = new Map<number, Map<number, SlotList>>();
  /** Per assignee number, per day number: the slots with a pending promise due then. */
  private readonly dueOn = new Map<number, Map<number, Set<number>>>();

  get size(): number {
    return this.slotOf.size;
  }

  /** A count that moves with every change the index takes: what `remember` is told a document was read after. */
  get changes(): number {
    return this.changeCount;
  }

  /** The document of an account answered lately, as it still stands in the index; undefined if not kept. */
  answeredDocument(accountId: string): WorkQueueEntryDoc | undefined {
    const doc = this.answered.get(accountId);
    if (doc) {
      this.answered.delete(accountId);
      this.answered.set(accountId, doc);
    }
    return doc;
  }

  /**
   * Keeps the document of an account just answered, read from the store after the index
   * stood at `readAfter` changes, unless the account changed since (the read may then
   * be older than the index; the change left the newer document here already). At most `ANSWERED_KEPT` are kept, the least recently
   * answered leaving first.
   */
  remember(doc: WorkQueueEntryDoc, readAfter: number): void {
    const slot = this.slotOf.get(doc.accountId);
    if (slot === undefined || this.changedAt[slot] > readAfter) return;
    this.answered.delete(doc.accountId);
    this.answered.set(doc.accountId, entryOf(doc));
    if (this.answered.size > ANSWERED_KEPT) this.answered.delete(this.answered.keys().next().value!);
  }

  /** Starts over from these documents, sorted once per list (one by one, each insertion would move half a band). */
  load(docs: readonly WorkQueueEntryDoc[]): void {
    this.beginLoad();
    this.addLoaded(docs);
    this.endLoad();
  }

  /**
   * `load` in parts: `beginLoad`, then `addLoaded` once per page of open documents, then
   * `endLoad`, so a start never holds every open document at once (at 100,000 open
   * accounts about 100 MB of parsed documents against the all-in-one's 192 MB old space).
   */
  beginLoad(): void {
    this.slotOf.clear();
    this.ids = [];
    this.freeSlots.length = 0;
    this.capacity = 0;
    this.balance = this.openedAt = this.lastContactAt = this.firstDueDay = this.changedAt = new Float64Array(0);
    this.band = new Uint8Array(0);
    this.assignee = this.place = new Uint32Array(0);
    this.laterDueDays.clear();
    this.answered.clear();
    this.changeCount += 1;
    this.lists.clear();
    this.dueOn.clear();
  }

  /** One page of `beginLoad`'s documents: appended to their lists unsorted until `endLoad`. */
  addLoaded(docs: readonly WorkQueueEntryDoc[]): void {
    let open = 0;
    for (const doc of docs) if (doc.open) open += 1;
    this.grow(this.ids.length + open);
    for (const doc of docs) {
      if (!doc.open) continue;
      const slot = this.fill(doc);
      this.listOf(this.assignee[slot], this.band[slot]).push(slot);
    }
  }

  /** Sorts each list once (one by one, each insertion would move half a band). */
  endLoad(): void {
    for (const bands of this.lists.values()) for (const list of bands.values()) list.sort(this.byStaticOrder);
  }

  /** The document as stored now: an open account is (re)placed in its order, a closed one leaves. */
  upsert(doc: WorkQueueEntryDoc): void {
    const kept = this.answered.has(doc.accountId);
    this.remove(doc.accountId);
    if (!doc.open) return;
    const slot = this.fill(doc);
    const list = this.listOf(this.assignee[slot], this.band[slot]);
    list.insert(this.insertionPoint(list, slot), slot);
    // The document as stored now replaces a kept one: the next question needs no read for it.
    if (kept) this.answered.set(doc.accountId, entryOf(doc));
  }

  remove(accountId: string): void {
    this.changeCount += 1;
    this.answered.delete(accountId);
    const slot = this.slotOf.get(accountId);
    if (slot === undefined) return;
    const list = this.listOf(this.assignee[slot], this.band[slot]);
    const at = this.insertionPoint(list, slot);
    if (at < list.length && list.at(at) === slot) list.removeAt(at);
    const days = this.dueOn.get(this.assignee[slot]);
    for (const day of this.dueDaysOf(slot)) {
      const slots = days?.get(day);
      slots?.delete(slot);
      if (slots?.size === 0) days!.delete(day);
    }
    this.laterDueDays.delete(slot);
    this.slotOf.delete(accountId);
    this.ids[slot] = undefined;
    this.freeSlots.push(slot);
  }

  /**
   * The collector's next accounts (ids, best first): assigned to them first, then the
   * unassigned pool, each group in the queue's order (`compareRanked`).
   */
  next(collectorId: string, instant: QueueInstant, limit: number): string[] {
    const now = new QuestionInstant(instant, this.places);
    const assignee = collectorId === '' ? undefined : this.assignees.get(collectorId);
    const mine = assignee === undefined ? [] : this.group(assignee, now, limit);
    const all = mine.length >= limit ? mine : [...mine, ...this.group(POOL, now, limit - mine.length)];
    return all.map((slot) => this.ids[slot]!);
  }

  /**
   * Gathers every account that can be among the group's first `limit` (per band, the
   * first `limit` inside the calling window and, until those are found, the first outside
   * it; the promises due today of the lower bands), then ranks them exactly.
   */
  private group(assignee: number, now: QuestionInstant, limit: number): number[] {
    if (limit <= 0) return [];
    const candidates = new Set<number>();
    const bands = this.lists.get(assignee);
    for (const band of BANDS_DOWN) {
      // Every band ranks above the next: once the ones above fill the limit, no lower account can enter.
      if (candidates.size >= limit) break;
      let inside = 0;
      let outside = 0;
      const list = bands?.get(band);
      for (let position = 0; list && position < list.length; position++) {
        const slot = list.at(position);
        if (now.openNow(this.place[slot])) {
          candidates.add(slot);
          if (++inside >= limit) break;
        } else if (outside < limit) {
          candidates.add(slot);
          outside++;
        }
      }
      if (band === BANDS.brokenPromise) for (const slot of this.dueToday(assignee, now, limit)) candidates.add(slot);
    }
    const rank = (slot: number) => (this.band[slot] === BANDS.brokenPromise ? BANDS.brokenPromise : this.isDueToday(slot, now) ? PROMISE_DUE_TODAY_RANK : this.band[slot]);
    const open = (slot: number) => Number(now.openNow(this.place[slot]));
    return [...candidates].sort((a, b) => rank(b) - rank(a) || open(b) - open(a) || this.byStaticOrder(a, b)).slice(0, limit);
  }

  /** The group's accounts below the top band with a promise due today in the debtor's own calendar, best first, at most `limit`. */
  private dueToday(assignee: number, now: QuestionInstant, limit: number): number[] {
    const due = new Set<number>();
    const days = this.dueOn.get(assignee);
    for (const day of now.daysAround) {
      for (const slot of days?.get(day) ?? []) {
        if (this.band[slot] !== BANDS.brokenPromise && this.isDueToday(slot, now)) due.add(slot);
      }
    }
    const open = (slot: number) => Number(now.openNow(this.place[slot]));
    return [...due].sort((a, b) => open(b) - open(a) || this.byStaticOrder(a, b)).slice(0, limit);
  }

  private isDueToday(slot: number, now: QuestionInstant): boolean {
    const today = now.todayOf(this.place[slot]);
    return this.firstDueDay[slot] === today || (this.laterDueDays.get(slot)?.includes(today) ?? false);
  }

  /** The order inside a band that does not depend on the time of the question: larger balance, older account, longer since the last contact, account id. */
  private readonly byStaticOrder = (a: number, b: number): number =>
    this.balance[b] - this.balance[a] || this.openedAt[a] - this.openedAt[b] || this.lastContactAt[a] - this.lastContactAt[b] || this.ids[a]!.localeCompare(this.ids[b]!);

  /** Takes a slot for the account and writes its fields; the caller places it in its list. */
  private fill(doc: WorkQueueEntryDoc): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.ids.length;
      this.grow(slot + 1);
      this.ids.push(undefined);
    }
    this.slotOf.set(doc.accountId, slot);
    this.ids[slot] = doc.accountId;
    this.changedAt[slot] = this.changeCount;
    this.balance[slot] = doc.balance;
    this.openedAt[slot] = instantOf(doc.openedAt);
    this.lastContactAt[slot] = instantOf(doc.lastContactAt);
    this.band[slot] = doc.band;
    this.assignee[slot] = this.assigneeNumber(doc.assignee ?? '');
    this.place[slot] = this.placeNumber(doc);
    const days = [...new Set(doc.promiseDueDates.map(dayOf).filter((day): day is number => day !== null))];
    this.firstDueDay[slot] = days.length > 0 ? days[0] : NaN;
    if (days.length > 1) this.laterDueDays.set(slot, days.slice(1));
    let dates = this.dueOn.get(this.assignee[slot]);
    if (!dates) this.dueOn.set(this.assignee[slot], (dates = new Map()));
    for (const day of days) {
      const slots = dates.get(day) ?? new Set<number>();
      slots.add(slot);
      dates.set(day, slots);
    }
    return slot;
  }

  private dueDaysOf(slot: number): number[] {
    const first = this.firstDueDay[slot];
    return Number.isNaN(first) ? [] : [first, ...(this.laterDueDays.get(slot) ?? [])];
  }

  private assigneeNumber(assignee: string): number {
    let number = this.assignees.get(assignee);
    if (number === undefined) this.assignees.set(assignee, (number = this.assignees.size));
    return number;
  }

  private placeNumber(doc: Place): number {
    const key = `${doc.debtorKind}|${doc.country}|${doc.region ?? ''}`;
    let number = this.placeIds.get(key);
    if (number === undefined) {
      this.placeIds.set(key, (number = this.places.length));
      this.places.push({ debtorKind: doc.debtorKind, country: doc.country, region: doc.region });
    }
    return number;
  }

  /** Makes room for `slots` slots: the typed arrays grow by half again, copying what they hold. */
  private grow(slots: number): void {
    if (slots <= this.capacity) return;
    const capacity = Math.max(slots, FIRST_CAPACITY, Math.ceil(this.capacity * 1.5));
    this.balance = resized(this.balance, capacity);
    this.openedAt = resized(this.openedAt, capacity);
    this.lastContactAt = resized(this.lastContactAt, capacity);
    this.firstDueDay = resized(this.firstDueDay, capacity);
    this.changedAt = resized(this.changedAt, capacity);
    this.band = resized(this.band, capacity);
    this.assignee = resized(this.assignee, capacity);
    this.place = resized(this.place, capacity);
    this.capacity = capacity;
  }

  private listOf(assignee: number, band: number): SlotList {
    let bands = this.lists.get(assignee);
    if (!bands) this.lists.set(assignee, (bands = new Map()));
    let list = bands.get(band);
    if (!list) bands.set(band, (list = new SlotList()));
    return list;
  }

  /** Binary search: the first position whose account does not come before `slot`'s. */
  private insertionPoint(list: SlotList, slot: number): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.byStaticOrder(list.at(middle), slot) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** One question's instant, per place of the index: whether the calling window is open and the debtor's today (day number), each computed once. */
class QuestionInstant {
  private readonly open: Array<boolean | undefined> = [];
  private readonly today: Array<number | undefined> = [];
  readonly daysAround: number[];

  constructor(
    private readonly instant: QueueInstant,
    private readonly places: readonly Place[],
  ) {
    this.daysAround = datesAround(instant.now).map((date) => dayOf(date)!);
  }

  openNow(place: number): boolean {
    return (this.open[place] ??= this.instant.of(this.places[place]).callingWindow.openNow);
  }

  todayOf(place: number): number {
    return (this.today[place] ??= dayOf(this.instant.of(this.places[place]).today) ?? NaN);
  }
}
