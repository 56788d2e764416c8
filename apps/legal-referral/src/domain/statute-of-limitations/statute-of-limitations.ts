import type { ClaimType, JurisdictionLimitations, LimitationPeriod, RevivalRule, Tolling } from './limitation-period';
import { LIMITATION_PERIODS } from './limitation-periods.data';

const BY_JURISDICTION: ReadonlyMap<string, JurisdictionLimitations> = new Map(LIMITATION_PERIODS.map((entry) => [entry.jurisdiction, entry]));

/** The territories have their own ISO 3166-1 codes: a debtor placed with country `PR` is in `US-PR`. */
const US_TERRITORIES = new Set(['PR', 'GU', 'VI', 'AS', 'MP']);

/**
 * The table's key for a debtor as placed: `US-NY` from (`US`, `NY`), (`us`, `US-NY`) or
 * (`US`, `ny`), as the attorney's jurisdiction is compared; `US-PR` from (`PR`, null).
 */
export function limitationsJurisdiction(country: string, region: string | null): string {
  const code = country.trim().toUpperCase();
  if (US_TERRITORIES.has(code)) return `US-${code}`;
  let subdivision = (region ?? '').trim().toUpperCase();
  if (subdivision.startsWith(`${code}-`)) subdivision = subdivision.slice(code.length + 1);
  return subdivision ? `${code}-${subdivision}` : code;
}

/** The table's entry for a jurisdiction (`US-TX`), or undefined outside the United States and its territories. */
export const limitationsOf = (jurisdiction: string): JurisdictionLimitations | undefined => BY_JURISDICTION.get(jurisdiction);


/** What the period of one account depends on, as its case knows it. */
export interface LimitationFacts {
  debtorCountry: string;
  debtorRegion: string | null;
  claimType: ClaimType;
  /** `YYYY-MM-DD`: the oldest due date, when the claim accrued (the debtor was delinquent). */
  delinquentSince: string;
  /** Standing payments (a reversed one is no payment), `YYYY-MM-DD`. */
  paymentDates: readonly string[];
  /** Signed written acknowledgements of the debt, `YYYY-MM-DD`. */
  acknowledgementDates: readonly string[];
  tollings: readonly Tolling[];
}

export type ClockStart = { kind: 'delinquency' | 'payment' | 'written-acknowledgement'; on: string };

/**
 * The account's limitation period worked out: `expiresOn` is the first day suit is barred
 * (null while a tolling still stands, or when the table has no entry), with why in `reason`.
 */
export interface LimitationsStatus {
  jurisdiction: string;
  claimType: ClaimType;
  period: LimitationPeriod | null;
  revival: RevivalRule | null;
  runsFrom: ClockStart;
  tolledDays: number;
  tolledSince: Tolling | null;
  expiresOn: string | null;
  reason: string;
}

/**
 * 11 U.S.C. § 108(c): once a bankruptcy stay ends the creditor has at least 30 days to sue,
 * whatever was left of the period.
 */
export const DAYS_TO_SUE_AFTER_STAY = 30;

const DAY_MS = 86_400_000;
const dayOf = (date: string) => date.slice(0, 10);
const utc = (day: string) => Date.parse(`${dayOf(day)}T00:00:00.000Z`);
const plusDays = (day: string, days: number) => new Date(utc(day) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY_MS);
const latest = (days: readonly string[]) => days.reduce<string | undefined>((max, day) => (max === undefined || dayOf(day) > max ? dayOf(day) : max), undefined);

/** `YYYY-MM-DD` plus whole calendar years (a 29 February start ends on 1 March of a common year). */
export function plusYears(day: string, years: number): string {
  const [year, month, date] = dayOf(day).split('-').map(Number);
  return new Date(Date.UTC(year + years, month - 1, date)).toISOString().slice(0, 10);
}

/**
 * Where the clock last started: the delinquency, or a later payment or written
 * acknowledgement when the jurisdiction says that one restarts it. A restart counts
 * before and after the period ran out: the revival statutes treat it as a new promise.
 */
export function clockStart(facts: LimitationFacts, revival: RevivalRule | null): ClockStart {
  let start: ClockStart = { kind: 'delinquency', on: dayOf(facts.delinquentSince) };
  const payment = revival?.byPayment ? latest(facts.paymentDates) : undefined;
  if (payment && payment > start.on) start = { kind: 'payment', on: payment };
  const acknowledgement = revival?.byWrittenAcknowledgement ? latest(facts.acknowledgementDates) : undefined;
  if (acknowledgement && acknowledgement > start.on) start = { kind: 'written-acknowledgement', on: acknowledgement };
  return start;
}

const START_WORDS: Record<ClockStart['kind'], string> = {
  delinquency: 'the oldest due date',
  payment: 'the last payment',
  'written-acknowledgement': 'the last written acknowledgement',
};

/**
 * The account's statute of limitations: the period for its jurisdiction and claim type,
 * run from the last restart, pushed back by every day a tolling held it (only tolling that
 * began before the period ran out: a barred claim is not revived by a stay), and never
 * ending before 30 days after a bankruptcy stay ends.
 */
export function statuteOfLimitations(facts: LimitationFacts): LimitationsStatus {
  const jurisdiction = limitationsJurisdiction(facts.debtorCountry, facts.debtorRegion);
  const entry = limitationsOf(jurisdiction);
  const runsFrom = clockStart(facts, entry?.revival ?? null);
  const base = { jurisdiction, claimType: facts.claimType, runsFrom, tolledDays: 0, tolledSince: null };
  if (!entry) {
    return { ...base, period: null, revival: null, expiresOn: null, reason: `no statute-of-limitations table for ${jurisdiction}: refer by hand after a legal check` };
  }
  const period = entry.periods[facts.claimType];
  const from = `${period.years} years (${period.citation}, ${facts.claimType}) from ${runsFrom.on} (${START_WORDS[runsFrom.kind]})`;
  let expiresOn = plusYears(runsFrom.on, period.years);
  let tolledDays = 0;
  // Days already counted (the clock's start, then the end of the last tolling): overlapping tollings count once.
  let countedThrough = runsFrom.on;
  for (const tolling of [...facts.tollings].sort((a, b) => a.startsOn.localeCompare(b.startsOn))) {
    if (tolling.endsOn !== null && tolling.endsOn <= countedThrough) continue;
    const startsOn = tolling.startsOn > countedThrough ? tolling.startsOn : countedThrough;
    if (startsOn >= expiresOn) continue;
    if (tolling.endsOn === null) {
      return { ...base, period, revival: entry.revival, tolledDays, tolledSince: tolling, expiresOn: null, reason: `${from}; the clock stands still since ${tolling.startsOn} (${tolling.reason})` };
    }
    const days = daysBetween(startsOn, tolling.endsOn);
    tolledDays += days;
    countedThrough = tolling.endsOn;
    expiresOn = plusDays(expiresOn, days);
    if (tolling.reason === 'bankruptcy-stay') {
      const lastChance = plusDays(tolling.endsOn, DAYS_TO_SUE_AFTER_STAY);
      if (lastChance > expiresOn) expiresOn = lastChance;
    }
  }
  const tolled = tolledDays > 0 ? `, plus ${tolledDays} days tolled` : '';
  return { ...base, period, revival: entry.revival, tolledDays, expiresOn, reason: `${from}${tolled}: barred from ${expiresOn}` };
}

/** Barred from the first moment (UTC) of `expiresOn`; an open tolling or an unknown table is not barred but unknown. */
export const isTimeBarred = (status: LimitationsStatus, now: Date): boolean => status.expiresOn !== null && now.getTime() >= utc(status.expiresOn);
