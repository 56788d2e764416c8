import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { outboundCall } from '../contact-case/contact-case.fixtures';
import { ceaseRequested, consumerOpened } from './compliance.fixtures';

describe('cease-contact v1', () => {
  it('after a request to stop all contact, an outbound contact on any channel is refused and recorded', () => {
    for (const channel of ['call', 'email', 'letter', 'text'] as const) {
      given(contactCaseDecider, [consumerOpened(), ceaseRequested('all-channels')])
        .when(outboundCall({ channel }))
        .thenRejects('cease-contact', [
          {
            type: 'ContactAttemptRefused',
            data: { accountId: 'acc-1', clientId: 'client-1', rule: 'cease-contact', version: 1, channel, reason: `the debtor asked on 2026-01-02 that all contact cease: no outbound ${channel} may be made` },
          },
        ]);
    }
  });

  it('after a request for writing only, a call is refused but a letter, an email or a text is allowed', () => {
    given(contactCaseDecider, [consumerOpened(), ceaseRequested('written-only')]).when(outboundCall()).thenRejects('cease-contact');
    for (const channel of ['email', 'letter', 'text'] as const) {
      expect(Array.isArray(given(contactCaseDecider, [consumerOpened(), ceaseRequested('written-only')]).when(outboundCall({ channel })).decision)).toBe(true);
    }
  });

  it('the debtor calling in is still recorded', () =>
    expect(Array.isArray(given(contactCaseDecider, [consumerOpened(), ceaseRequested('all-channels')]).when(outboundCall({ direction: 'inbound' })).decision)).toBe(true));

  it('a later request for writing only does not narrow a request to stop everything', () =>
    given(contactCaseDecider, [consumerOpened(), ceaseRequested('all-channels'), ceaseRequested('written-only')]).when(outboundCall({ channel: 'letter' })).thenRejects('cease-contact'));

  it('recording a cease request records it once; the same request again records nothing', () => {
    const record = { type: 'RecordCeaseRequest' as const, mode: 'written-only' as const, receivedOn: '2026-01-02', recordedBy: 'collector-7', now: new Date('2026-01-02T15:00:00.000Z') };
    given(contactCaseDecider, [consumerOpened()]).when(record).then([ceaseRequested('written-only')]);
    given(contactCaseDecider, [consumerOpened(), ceaseRequested('written-only')]).when(record).then([]);
    given(contactCaseDecider, [consumerOpened(), ceaseRequested('written-only')]).when({ ...record, mode: 'all-channels' }).then([ceaseRequested('all-channels')]);
  });

  it('a cease request for an account without a case is refused as case-unknown', () =>
    given(contactCaseDecider, []).when({ type: 'RecordCeaseRequest', mode: 'all-channels', receivedOn: '2026-01-02', recordedBy: 'c', now: new Date() }).thenRejects('case-unknown'));
});
