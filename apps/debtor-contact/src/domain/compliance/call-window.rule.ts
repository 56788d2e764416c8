import { debtorTimeZone, localTimeIn, Weekday } from '../debtor-time/debtor-time';
import { allow, ComplianceRule, deny } from './compliance-rule';

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

/** An outbound call only inside the debtor's window, in the debtor's local time. */
export const callWindowRule: ComplianceRule = {
  name: 'call-window',
  version: 1,
  judge(contact, contactCase) {
    if (contact.channel !== 'call' || contact.direction !== 'outbound') return allow;
    const { debtor } = contactCase;
    const window = callWindowFor(debtor.kind);
    const local = localTimeIn(debtorTimeZone(debtor.country, debtor.region), contact.now);
    const inside = window.days.includes(local.weekday) && local.minuteOfDay >= window.from && local.minuteOfDay < window.until;
    if (inside) return allow;
    return deny(
      `a ${debtor.kind === 'person' ? 'person' : 'company'} may be called ${window.label} in its local time (${local.timeZone}); it is ${local.weekday} ${local.clock} there`,
    );
  },
};
