import { contactsInLastSevenDays } from './compliance-facts';
import { allow, ComplianceRule, deny } from './compliance-rule';

/** Outbound emails and texts allowed per debt in 7 days (rolling 168 hours). */
export interface ChannelCaps {
  email: number;
  text: number;
}

/**
 * The agency's defaults: no law sets them (Regulation F caps calls only); three a week
 * per channel keeps the first notice (letter, email, text at once) and a reminder or two
 * within bounds without flooding the debtor.
 */
export const DEFAULT_CHANNEL_CAPS: ChannelCaps = { email: 3, text: 3 };

/**
 * Per-channel frequency caps on outbound emails and texts: the sent messages and the
 * emails and texts collectors recorded, over the last 7 days. A pack with other caps is
 * built with `channelFrequencyCapRule(caps)`; a change of the defaults is a new version.
 */
export function channelFrequencyCapRule(caps: ChannelCaps = DEFAULT_CHANNEL_CAPS): ComplianceRule {
  return {
    name: 'channel-frequency-cap',
    version: 1,
    scope: { accounts: 'all' },
    checks: `at most ${caps.email} emails and ${caps.text} texts per debt in 7 days`,
    judge(contact, contactCase) {
      if (contact.direction !== 'outbound' || (contact.channel !== 'email' && contact.channel !== 'text')) return allow;
      const cap = caps[contact.channel];
      const sent = contactsInLastSevenDays(contactCase.compliance, contact.channel, contact.now).length;
      if (sent < cap) return allow;
      return deny(`${sent} ${contact.channel === 'email' ? 'emails' : 'texts'} went to the debtor about this debt in the last 7 days: the cap is ${cap}`);
    },
  };
}

export const channelFrequencyCap = channelFrequencyCapRule();
