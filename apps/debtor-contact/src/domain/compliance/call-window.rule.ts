import { debtorTimeZones, LocalTime, localTimeIn, Weekday } from '../debtor-time/debtor-time';
import { allow, allowOn, ComplianceRule, deny } from './compliance-rule';

export interface CallWindow {
  label: string;
  days: readonly Weekday[];
  /** Minutes since local midnight; the window is [from, until). */
  from: number;
  until: number;
}

const WEEKDAYS: readonly Weekday[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const EVERY_DAY: readonly Weekday[] = [...WEEKDAYS, 'Saturday', 'Sunday'];

/** A company is called in its default business hours. */
export const BUSINESS_HOURS: CallWindow = { label: 'Monday-Friday 08:00-18:00', days: WEEKDAYS, from: 8 * 60, until: 18 * 60 };
/** A person is called 08:00-21:00 local, any day (Regulation F's convenient hours). */
export const PERSONAL_HOURS: CallWindow = { label: 'every day 08:00-21:00', days: EVERY_DAY, from: 8 * 60, until: 21 * 60 };

/**
 * Only a person gets the personal window; any other kind (company, or a kind this
 * service does not know) gets business hours, the narrower of the two.
 */
export const callWindowFor = (debtorKind: string): CallWindow => (debtorKind === 'person' ? PERSONAL_HOURS : BUSINESS_HOURS);

const isInside = (window: CallWindow, local: LocalTime) => window.days.includes(local.weekday) && local.minuteOfDay >= window.from && local.minuteOfDay < window.until;

/**
 * An outbound call only inside the debtor's window, in the debtor's local time.
 *
 * v2: where the address leaves the zone uncertain (a state split between zones, a US
 * address without a known state) the call must fall inside the window in every zone the
 * debtor may be in, and where no zone is known at all no call is allowed; the zones judged
 * in are recorded with the decision. v1 judged a split state in its majority zone and an
 * unknown region or country in UTC, which let a call at 07:30 the debtor's time through.
 */
export const callWindowRule: ComplianceRule = {
  name: 'call-window',
  version: 2,
  scope: { accounts: 'all' },
  checks: "outbound calls only inside the debtor's local window (person 08:00-21:00 every day, company Monday-Friday 08:00-18:00), in every zone the debtor may be in",
  judge(contact, contactCase) {
    if (contact.channel !== 'call' || contact.direction !== 'outbound') return allow;
    const { debtor } = contactCase;
    const window = callWindowFor(debtor.kind);
    const timeZones = debtorTimeZones(debtor.country, debtor.region);
    const rule = `a ${debtor.kind === 'person' ? 'person' : 'company'} may be called ${window.label} in its local time`;
    if (timeZones.length === 0) {
      const address = `country ${debtor.country}, region ${debtor.region?.trim() || 'not given'}`;
      return deny(`${rule}, and no time zone is known for its address (${address}): a call cannot be placed inside that window`, { timeZones });
    }
    const outside = timeZones.map((zone) => localTimeIn(zone, contact.now)).find((local) => !isInside(window, local));
    if (!outside) return allowOn({ timeZones });
    if (timeZones.length === 1) return deny(`${rule} (${outside.timeZone}); it is ${outside.weekday} ${outside.clock} there`, { timeZones });
    return deny(`${rule}, which may be any of ${timeZones.join(', ')} for its address; it is ${outside.weekday} ${outside.clock} in ${outside.timeZone}`, { timeZones });
  },
};
