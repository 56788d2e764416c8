import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { opened, outboundCall } from '../contact-case/contact-case.fixtures';
import { consumerOpened, representedByAttorney } from './compliance.fixtures';

describe('attorney-represented v1', () => {
  it('a represented consumer may not be contacted directly on any channel; the refusal names the attorney and is recorded', () => {
    for (const channel of ['call', 'email', 'letter', 'text'] as const) {
      given(contactCaseDecider, [consumerOpened(), representedByAttorney])
        .when(outboundCall({ channel }))
        .thenRejects('attorney-represented', [
          {
            type: 'ContactAttemptRefused',
            data: {
              accountId: 'acc-1',
              clientId: 'client-1',
              rule: 'attorney-represented',
              version: 1,
              channel,
              reason: 'the debtor is represented by Sam Counsel (Counsel & Co) about this debt since 2026-01-02: contact the attorney, not the debtor',
            },
          },
        ]);
    }
  });

  it('the debtor calling in is recorded', () =>
    expect(Array.isArray(given(contactCaseDecider, [consumerOpened(), representedByAttorney]).when(outboundCall({ direction: 'inbound' })).decision)).toBe(true));

  it('does not apply to a commercial account', () =>
    expect(Array.isArray(given(contactCaseDecider, [opened(), representedByAttorney]).when(outboundCall()).decision)).toBe(true));

  it('recording the representation records it once; another attorney is recorded again', () => {
    const record = { type: 'RecordAttorneyRepresentation' as const, attorney: representedByAttorney.data.attorney, recordedBy: 'collector-7', now: new Date('2026-01-02T15:00:00.000Z') };
    given(contactCaseDecider, [consumerOpened()]).when(record).then([representedByAttorney]);
    given(contactCaseDecider, [consumerOpened(), representedByAttorney]).when(record).then([]);
    const other = given(contactCaseDecider, [consumerOpened(), representedByAttorney]).when({ ...record, attorney: { name: 'Pat Lawyer' } }).decision;
    expect(other).toMatchObject([{ type: 'AttorneyRepresentationRecorded', data: { attorney: { name: 'Pat Lawyer' } } }]);
  });
});
