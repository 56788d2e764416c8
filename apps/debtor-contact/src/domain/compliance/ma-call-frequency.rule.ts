import { contactsInLastSevenDays } from './compliance-facts';
import { allow, ComplianceRule, deny } from './compliance-rule';

/** Massachusetts (940 CMR 7.04(1)(f)): telephone communications a collector may initiate in 7 days. */
export const MA_PHONE_CONTACTS_PER_SEVEN_DAYS = 2;

/**
 * A jurisdiction's rule on top of Regulation F: a consumer in Massachusetts may be
 * contacted by telephone (calls and texts) at most twice in 7 days. Counted as Regulation
 * F's calls are: attempts, over a rolling 168 hours.
 */
export const maCallFrequencyRule: ComplianceRule = {
  name: 'ma-call-frequency',
  version: 1,
  scope: { accounts: 'consumer', jurisdictions: ['US-MA'] },
  checks: 'at most 2 outbound calls or texts in 7 days to a consumer in Massachusetts',
  judge(contact, contactCase) {
    if ((contact.channel !== 'call' && contact.channel !== 'text') || contact.direction !== 'outbound') return allow;
    const count = contactsInLastSevenDays(contactCase.compliance, 'call', contact.now).length + contactsInLastSevenDays(contactCase.compliance, 'text', contact.now).length;
    if (count < MA_PHONE_CONTACTS_PER_SEVEN_DAYS) return allow;
    return deny(`${count} calls or texts went to this Massachusetts debtor in the last 7 days: the state allows at most ${MA_PHONE_CONTACTS_PER_SEVEN_DAYS}`);
  },
};
