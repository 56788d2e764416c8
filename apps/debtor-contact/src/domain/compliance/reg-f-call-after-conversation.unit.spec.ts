import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { MONDAY_10_NEW_YORK, opened, outboundCall } from '../contact-case/contact-case.fixtures';
import { attemptAt, consumerOpened, hoursBefore } from './compliance.fixtures';

const conversation = (hoursAgo: number, direction: 'inbound' | 'outbound' = 'outbound') =>
  attemptAt(hoursBefore(MONDAY_10_NEW_YORK, hoursAgo), { outcome: 'right-party-contact', rightPartyContact: true, direction });

describe('reg-f-call-after-conversation v1', () => {
  it('a call within 7 days after a telephone conversation with the debtor is refused, saying until when', () => {
    const { decision } = given(contactCaseDecider, [consumerOpened(), conversation(48)]).when(outboundCall());
    expect(decision).toMatchObject({
      rule: 'reg-f-call-after-conversation',
      reason: 'the debtor was spoken to by telephone at 2026-01-03T15:00:00.000Z: Regulation F allows no call about the debt until 2026-01-10T15:00:00.000Z',
      recordedEvents: [{ type: 'ContactAttemptRefused', data: { rule: 'reg-f-call-after-conversation', version: 1, channel: 'call' } }],
    });
  });

  it('a conversation the debtor started by calling in counts too', () =>
    given(contactCaseDecider, [consumerOpened(), conversation(2, 'inbound')]).when(outboundCall()).thenRejects('reg-f-call-after-conversation'));

  it('a call 7 days (168 hours) after the conversation is allowed', () => {
    const { decision } = given(contactCaseDecider, [consumerOpened(), conversation(168)]).when(outboundCall());
    expect(Array.isArray(decision)).toBe(true);
  });

  it('a letter or an email after a conversation is not concerned', () => {
    const { decision } = given(contactCaseDecider, [consumerOpened(), conversation(1)]).when(outboundCall({ channel: 'letter' }));
    expect(Array.isArray(decision)).toBe(true);
  });

  it('a call that reached no one is not a conversation', () => {
    const { decision } = given(contactCaseDecider, [consumerOpened(), attemptAt(hoursBefore(MONDAY_10_NEW_YORK, 1), { outcome: 'left-message' })]).when(outboundCall());
    expect(Array.isArray(decision)).toBe(true);
  });

  it('does not apply to a commercial account', () => {
    const { decision } = given(contactCaseDecider, [opened(), conversation(1)]).when(outboundCall());
    expect(Array.isArray(decision)).toBe(true);
  });
});
