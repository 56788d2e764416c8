import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { MONDAY_10_NEW_YORK, opened, outboundCall } from '../contact-case/contact-case.fixtures';
import type { MessageSent } from '../communications/message.events';
import { ContactCaseEvent } from '../contact-case/contact-case.events';
import { ContactCaseState } from '../contact-case/contact-case.state';
import { channelFrequencyCapRule } from './channel-frequency-cap.rule';
import { attemptAt, hoursBefore } from './compliance.fixtures';

const sent = (channel: 'email' | 'text', hoursAgo: number): MessageSent => ({
  type: 'MessageSent',
  data: {
    accountId: 'acc-1', clientId: 'client-1', messageId: `m-${channel}-${hoursAgo}`, channel, templateId: 't', templateVersion: 1, contentSha256: 'x', to: '***',
    providerMessageId: 'p', sentAt: hoursBefore(MONDAY_10_NEW_YORK, hoursAgo).toISOString(), compliance: [], judgedAtVersion: 1,
  },
});
const caseAfter = (events: ContactCaseEvent[]) => events.reduce(contactCaseDecider.evolve, contactCaseDecider.initialState()) as Exclude<ContactCaseState, { status: 'none' }>;

describe('channel-frequency-cap v1', () => {
  it('the 4th email in 7 days is refused by the default cap; sent messages and recorded emails both count', () =>
    given(contactCaseDecider, [opened(), sent('email', 1), sent('email', 30), attemptAt(hoursBefore(MONDAY_10_NEW_YORK, 50), { channel: 'email' })])
      .when(outboundCall({ channel: 'email' }))
      .thenRejects('channel-frequency-cap', [
        {
          type: 'ContactAttemptRefused',
          data: { accountId: 'acc-1', clientId: 'client-1', rule: 'channel-frequency-cap', version: 1, channel: 'email', reason: '3 emails went to the debtor about this debt in the last 7 days: the cap is 3' },
        },
      ]));

  it('each channel has its own count: three emails do not stop a text', () =>
    expect(Array.isArray(given(contactCaseDecider, [opened(), sent('email', 1), sent('email', 2), sent('email', 3)]).when(outboundCall({ channel: 'text' })).decision)).toBe(true));

  it('messages older than 7 days do not count', () =>
    expect(Array.isArray(given(contactCaseDecider, [opened(), sent('text', 170), sent('text', 169), sent('text', 2)]).when(outboundCall({ channel: 'text' })).decision)).toBe(true));

  it('a pack may set other caps', () => {
    const strict = channelFrequencyCapRule({ email: 1, text: 0 });
    const contactCase = caseAfter([opened(), sent('email', 1)]);
    expect(strict.judge({ channel: 'email', direction: 'outbound', now: MONDAY_10_NEW_YORK }, contactCase).decision).toBe('deny');
    expect(strict.judge({ channel: 'text', direction: 'outbound', now: MONDAY_10_NEW_YORK }, contactCase).decision).toBe('deny');
    expect(strict.judge({ channel: 'call', direction: 'outbound', now: MONDAY_10_NEW_YORK }, contactCase).decision).toBe('allow');
  });
});
