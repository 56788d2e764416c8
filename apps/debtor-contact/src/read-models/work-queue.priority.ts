import { callWindowFor } from '../domain/compliance/call-window.rule';
import { debtorTimeZones, debtorToday, localTimeIn } from '../domain/debtor-time/debtor-time';
import { BANDS, WorkQueueEntryDoc } from './work-queue.projection';

export const REASON_CODES = ['broken-promise', 'promise-due-today', 'plan-installment-missed', 'call-due', 'legal-review-due', 'calling-window', 'balance', 'age', 'last-contact'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface QueueReason {
  code: ReasonCode;
  detail: string;
}

/** Where the debtor's calling window stands now: open in every zone the debtor may be in, and for how many more minutes. */
export interface CallingWindowNow {
  openNow: boolean;
  /** Minutes until the window closes in the first zone where it closes; null while it is not open. */
  minutesLeft: number | null;
  timeZones: string[];
}

export interface RankedEntry {
  doc: WorkQueueEntryDoc;
  /** The band with promises due today placed between a broken promise and a missed installment. */
  rank: number;
  promiseDueToday: boolean;
  callingWindow: CallingWindowNow;
  ageDays: number;
  reasons: QueueReason[];
}

/** A promise due today sits between a broken promise (5) and a missed installment (4). */
const PROMISE_DUE_TODAY_RANK = 4.5;

/** The calendar days (UTC) on which "today" may fall somewhere: the store is asked for promises due on any of them. */
export function datesAround(now: Date): string[] {
  return [-1, 0, 1].map((offset) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10));
}

export function callingWindowNow(doc: Pick<WorkQueueEntryDoc, 'debtorKind' | 'country' | 'region'>, now: Date): CallingWindowNow {
  const timeZones = [...debtorTimeZones(doc.country, doc.region ?? undefined)];
  if (timeZones.length === 0) return { openNow: false, minutesLeft: null, timeZones };
  const window = callWindowFor(doc.debtorKind);
  let minutesLeft = Infinity;
  for (const zone of timeZones) {
    const local = localTimeIn(zone, now);
    const inside = window.days.includes(local.weekday) && local.minuteOfDay >= window.from && local.minuteOfDay < window.until;
    if (!inside) return { openNow: false, minutesLeft: null, timeZones };
    minutesLeft = Math.min(minutesLeft, window.until - local.minuteOfDay);
  }
  return { openNow: true, minutesLeft, timeZones };
}

const money = (minor: number, currency: string) => `${currency} ${(minor / 100).toFixed(2)}`;
const daysBetween = (from: string, now: Date) => Math.max(0, Math.floor((now.getTime() - Date.parse(from)) / 86_400_000));

/** Where a debtor stands at the moment of the question: its today and its calling window. */
export interface DebtorNow {
  today: string;
  callingWindow: CallingWindowNow;
}

/**
 * The debtor's today and calling window at one instant, computed once per kind of debtor
 * and place (a few dozen in a portfolio) rather than once per account: the time zone work
 * is the costly part of ranking.
 */
export class QueueInstant {
  private readonly places = new Map<string, DebtorNow>();

  constructor(readonly now: Date) {}

  of(doc: Pick<WorkQueueEntryDoc, 'debtorKind' | 'country' | 'region'>): DebtorNow {
    const key = `${doc.debtorKind === 'person' ? 'person' : 'other'}|${doc.country}|${doc.region ?? ''}`;
    let place = this.places.get(key);
    if (!place) {
      const zones = debtorTimeZones(doc.country, doc.region ?? undefined);
      place = { today: zones.length > 0 ? debtorToday(zones, this.now) : this.now.toISOString().slice(0, 10), callingWindow: callingWindowNow(doc, this.now) };
      this.places.set(key, place);
    }
    return place;
  }
}

/** Why the account is where it is, most weighty first: the band, then the calling window, balance, age and last contact. */
export function rankEntry(doc: WorkQueueEntryDoc, instant: Date | QueueInstant): RankedEntry {
  const at = instant instanceof QueueInstant ? instant : new QueueInstant(instant);
  const now = at.now;
  const { today, callingWindow } = at.of(doc);
  const promiseDueToday = Object.values(doc.pendingPromises).includes(today);
  const rank = doc.band === BANDS.brokenPromise ? doc.band : promiseDueToday ? PROMISE_DUE_TODAY_RANK : doc.band;
  const ageDays = doc.openedAt ? daysBetween(doc.openedAt, now) : 0;
  const reasons: QueueReason[] = [];
  if (doc.brokenPromiseAt) reasons.push({ code: 'broken-promise', detail: `a promise was broken on ${doc.brokenPromiseAt.slice(0, 10)} and no contact since` });
  if (promiseDueToday) reasons.push({ code: 'promise-due-today', detail: `a promise to pay is due today (${today})` });
  if (doc.installmentMissedAt) reasons.push({ code: 'plan-installment-missed', detail: `a plan installment was missed on ${doc.installmentMissedAt.slice(0, 10)} and no contact since` });
  if (doc.callDueSince) reasons.push({ code: 'call-due', detail: `the contact strategy called for a call on ${doc.callDueSince.slice(0, 10)}` });
  if (doc.legalReviewDueSince) reasons.push({ code: 'legal-review-due', detail: `the contact strategy reached its legal review on ${doc.legalReviewDueSince.slice(0, 10)}` });
  reasons.push({
    code: 'calling-window',
    detail: callingWindow.openNow ? `inside the debtor's calling window now, ${callingWindow.minutesLeft} minutes left` : callingWindow.timeZones.length === 0 ? 'no time zone known for the debtor: not callable' : "outside the debtor's calling window now",
  });
  reasons.push({ code: 'balance', detail: `balance ${money(doc.balance, doc.currency)}` });
  reasons.push({ code: 'age', detail: `placed ${ageDays} days ago` });
  reasons.push({ code: 'last-contact', detail: doc.lastContactAt ? `last contact ${daysBetween(doc.lastContactAt, now)} days ago (${doc.lastContactOutcome})` : 'never contacted' });
  return { doc, rank, promiseDueToday, callingWindow, ageDays, reasons };
}

/**
 * The order of the queue (docs/debtor-contact.md, "The work queue"): the higher rank;
 * then inside the calling window now before outside it; then the larger balance; then
 * the older account; then the longer since the last contact (never contacted first);
 * then the account id, so the order is total.
 */
export function compareRanked(a: RankedEntry, b: RankedEntry): number {
  return (
    b.rank - a.rank ||
    Number(b.callingWindow.openNow) - Number(a.callingWindow.openNow) ||
    b.doc.balance - a.doc.balance ||
    a.doc.openedAt.localeCompare(b.doc.openedAt) ||
    (a.doc.lastContactAt ?? '').localeCompare(b.doc.lastContactAt ?? '') ||
    a.doc.accountId.localeCompare(b.doc.accountId)
  );
}

/** Ranks candidates (duplicates by account dropped) and keeps the first `limit`. */
export function rankCandidates(candidates: readonly WorkQueueEntryDoc[], instant: Date | QueueInstant, limit: number): RankedEntry[] {
  const at = instant instanceof QueueInstant ? instant : new QueueInstant(instant);
  const unique = new Map(candidates.map((doc) => [doc.accountId, doc]));
  return [...unique.values()].map((doc) => rankEntry(doc, at)).sort(compareRanked).slice(0, limit);
}
