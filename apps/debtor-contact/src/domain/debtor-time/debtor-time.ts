/**
 * The debtor's local time, which contact windows and promise dates are judged in.
 * Pure: the instant comes from the command; `Intl` only converts it.
 */

const NEW_YORK = 'America/New_York';
const CHICAGO = 'America/Chicago';
const DENVER = 'America/Denver';
const LOS_ANGELES = 'America/Los_Angeles';

/**
 * US states, DC and the inhabited territories (by their ISO 3166-2 `US-XX` codes, which are
 * also their postal codes) to every IANA zone part of them keeps, the zone most of the
 * population lives in first. An address names only the state, so a state split between
 * zones (the Florida panhandle, El Paso, western Kentucky...) is judged in each of them.
 * Only the officially observed zones are listed, not local customs (e.g. Phenix City, AL).
 */
const US_REGION_ZONES: Readonly<Record<string, readonly string[]>> = {
  AL: [CHICAGO],
  AK: ['America/Anchorage', 'America/Adak'],
  // The Navajo Nation keeps daylight saving time; the rest of Arizona does not.
  AZ: ['America/Phoenix', DENVER],
  AR: [CHICAGO],
  CA: [LOS_ANGELES],
  CO: [DENVER],
  CT: [NEW_YORK],
  DC: [NEW_YORK],
  DE: [NEW_YORK],
  FL: [NEW_YORK, CHICAGO],
  GA: [NEW_YORK],
  HI: ['Pacific/Honolulu'],
  IA: [CHICAGO],
  ID: ['America/Boise', LOS_ANGELES],
  IL: [CHICAGO],
  IN: ['America/Indiana/Indianapolis', CHICAGO],
  KS: [CHICAGO, DENVER],
  KY: [NEW_YORK, CHICAGO],
  LA: [CHICAGO],
  MA: [NEW_YORK],
  MD: [NEW_YORK],
  ME: [NEW_YORK],
  MI: ['America/Detroit', 'America/Menominee'],
  MN: [CHICAGO],
  MO: [CHICAGO],
  MS: [CHICAGO],
  MT: [DENVER],
  NC: [NEW_YORK],
  ND: [CHICAGO, DENVER],
  NE: [CHICAGO, DENVER],
  NH: [NEW_YORK],
  NJ: [NEW_YORK],
  NM: [DENVER],
  // West Wendover keeps mountain time by federal order.
  NV: [LOS_ANGELES, DENVER],
  NY: [NEW_YORK],
  OH: [NEW_YORK],
  OK: [CHICAGO],
  OR: [LOS_ANGELES, 'America/Boise'],
  PA: [NEW_YORK],
  RI: [NEW_YORK],
  SC: [NEW_YORK],
  SD: [CHICAGO, DENVER],
  TN: [CHICAGO, NEW_YORK],
  TX: [CHICAGO, DENVER],
  UT: [DENVER],
  VA: [NEW_YORK],
  VT: [NEW_YORK],
  WA: [LOS_ANGELES],
  WI: [CHICAGO],
  WV: [NEW_YORK],
  WY: [DENVER],
  PR: ['America/Puerto_Rico'],
  GU: ['Pacific/Guam'],
  VI: ['America/St_Thomas'],
  AS: ['Pacific/Pago_Pago'],
  MP: ['Pacific/Saipan'],
};

/** A US address whose state is not known may be anywhere in the US: every zone above. */
const EVERY_US_ZONE: readonly string[] = [...new Set(Object.values(US_REGION_ZONES).flat())];

/** US territories have ISO 3166-1 codes of their own, which a client may give as the country. */
const US_TERRITORIES: readonly string[] = ['PR', 'GU', 'VI', 'AS', 'MP'];

/** Countries with a single zone, so the region does not matter. */
const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  AT: 'Europe/Vienna',
  CH: 'Europe/Zurich',
  IT: 'Europe/Rome',
  PL: 'Europe/Warsaw',
};

/** Intake keeps the region as typed: `CA`, `ca`, ` CA ` and `US-CA` are one state. */
function normalisedRegion(countryCode: string, region: string | undefined): string {
  const code = (region ?? '').trim().toUpperCase();
  return code.startsWith(`${countryCode}-`) ? code.slice(countryCode.length + 1) : code;
}

/**
 * The debtor's jurisdiction as ISO 3166-2 (`US-MA`), or the country alone where the
 * region is not given (`US`, `GB`): what jurisdiction-scoped rules are selected by.
 */
export function debtorJurisdiction(country: string, region?: string): string {
  const countryCode = country.trim().toUpperCase();
  const regionCode = normalisedRegion(countryCode, region);
  return regionCode ? `${countryCode}-${regionCode}` : countryCode;
}

/**
 * Every IANA zone the debtor's address may lie in: one where the address settles it,
 * several for a state split between zones or a US address without a known state, none for
 * a country this service knows no zone of. Callers judge a time in every zone listed
 * rather than guess one (a guess, e.g. UTC, could allow a call at 07:30 the debtor's time).
 */
export function debtorTimeZones(country: string, region?: string): readonly string[] {
  const countryCode = country.trim().toUpperCase();
  if (US_TERRITORIES.includes(countryCode)) return US_REGION_ZONES[countryCode];
  if (countryCode === 'US') return US_REGION_ZONES[normalisedRegion(countryCode, region)] ?? EVERY_US_ZONE;
  const zone = COUNTRY_ZONES[countryCode];
  return zone ? [zone] : [];
}

/** UTC-12, where each calendar day ends last: a date is over there only once it is over everywhere. */
const LAST_DAY_ON_EARTH = 'Etc/GMT+12';

/**
 * Today's date for the debtor: where the zone is uncertain, the earliest date among its
 * candidate zones (anywhere on earth when none is known), so a date counts as past only
 * once it has passed wherever the debtor may be.
 */
export function debtorToday(zones: readonly string[], at: Date): string {
  const dates = (zones.length > 0 ? zones : [LAST_DAY_ON_EARTH]).map((zone) => localTimeIn(zone, at).date);
  return dates.reduce((earliest, date) => (date < earliest ? date : earliest));
}

export type Weekday = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';

export interface LocalTime {
  timeZone: string;
  /** YYYY-MM-DD, the calendar day there. */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  /** HH:MM, for messages. */
  clock: string;
}

const WEEKDAYS: Readonly<Record<string, Weekday>> = {
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
  Sun: 'Sunday',
};

// Building a formatter is costly and its output depends only on the zone, so one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at the instant `at`. */
export function localTimeIn(timeZone: string, at: Date): LocalTime {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  return {
    timeZone,
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday],
    minuteOfDay: hour * 60 + minute,
    clock: `${parts.hour}:${parts.minute}`,
  };
}
