import { contactsInLastSevenDays } from './compliance-facts';
import { allow, ComplianceRule, deny } from './compliance-rule';

/** Regulation F's call frequency presumption (12 CFR 1006.14(b)(2)(i)(A)). */
export const REG_F_CALLS_PER_SEVEN_DAYS = 7;

/**
 * At most 7 outbound call attempts in 7 days per debt, answered or not. The 7 days are a
 * rolling 168 hours before the call, which covers every run of 7 calendar days in any
 * zone, so the rule is never looser than the regulation's count.
 */
export const regFCallFrequencyRule: ComplianceRule = {
  name: 'reg-f-call-frequency',
  version: 1,
  scope: { accounts: 'consumer' },
  checks: 'at most 7 outbound call attempts in 7 days per debt (Regulation F)',
  judge(contact, contactCase) {
    if (contact.channel !== 'call' || contact.direction !== 'outbound') return allow;
    const calls = contactsInLastSevenDays(contactCase.compliance, 'call', contact.now);
    if (calls.length < REG_F_CALLS_PER_SEVEN_DAYS) return allow;
    const first = calls.map((c) => c.at).sort()[0];
    return deny(`${calls.length} call attempts were placed on this debt in the last 7 days (the first at ${first}): Regulation F allows at most ${REG_F_CALLS_PER_SEVEN_DAYS}`);
  },
};
