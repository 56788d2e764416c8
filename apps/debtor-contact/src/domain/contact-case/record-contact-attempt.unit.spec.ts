import { given } from '@lib/es-core/testing/given-when-then';
import { allow, ComplianceRule, deny } from '../compliance/compliance-rule';
import { contactCaseDecider, contactCaseDeciderWith } from './contact-case.decider';
import { ComplianceDecision, ContactAttemptRecorded } from './contact-case.events';
import { firstDemand, opened, outboundCall } from './contact-case.fixtures';

const ALLOWED: ComplianceDecision[] = [
  { rule: 'case-closed', version: 1, decision: 'allow' },
  { rule: 'bankruptcy-stay', version: 1, decision: 'allow' },
  { rule: 'dispute-hold', version: 1, decision: 'allow' },
  { rule: 'account-hold', version: 1, decision: 'allow' },
  { rule: 'cease-contact', version: 1, decision: 'allow' },
  { rule: 'do-not-contact', version: 1, decision: 'allow' },
  { rule: 'time-barred-no-suit-threat', version: 1, decision: 'allow' },
  { rule: 'channel-frequency-cap', version: 1, decision: 'allow' },
  { rule: 'call-window', version: 2, decision: 'allow', timeZones: ['America/New_York'] },
];

function recorded(overrides: Partial<ContactAttemptRecorded['data']> = {}): ContactAttemptRecorded {
  return {
    type: 'ContactAttemptRecorded',
    data: {
      accountId: 'acc-1',
      clientId: 'client-1',
      attemptId: 'att-1',
      collectorId: 'collector-7',
      channel: 'call',
      direction: 'outbound',
      outcome: 'no-answer',
      rightPartyContact: false,
      attemptedAt: '2026-01-05T15:00:00.000Z',
      compliance: [...ALLOWED],
      ...overrides,
    },
  };
}

const promise = { amount: 750_050, currency: 'USD', dueDate: '2026-01-20' };

describe('recording a contact attempt', () => {
  it('records an allowed call with every allow decision of the compliance ledger', () =>
    given(contactCaseDecider, [opened(), firstDemand]).when(outboundCall()).then([recorded()]));

  it('keeps the notes and marks a right-party contact', () =>
    given(contactCaseDecider, [opened()])
      .when(outboundCall({ outcome: 'right-party-contact', notes: 'spoke to the AP manager' }))
      .then([recorded({ outcome: 'right-party-contact', notes: 'spoke to the AP manager', rightPartyContact: true })]));

  it('records a promise to pay made in a right-party contact', () =>
    given(contactCaseDecider, [opened()])
      .when(outboundCall({ outcome: 'right-party-contact', promise }))
      .then([
        recorded({ outcome: 'right-party-contact', rightPartyContact: true }),
        {
          type: 'PromiseToPayMade',
          data: { accountId: 'acc-1', clientId: 'client-1', promiseId: 'ptp-1', attemptId: 'att-1', collectorId: 'collector-7', amount: 750_050, currency: 'USD', dueDate: '2026-01-20' },
        },
      ]));

  it('refuses an attempt on an account with no case, recording nothing', () =>
    given(contactCaseDecider).when(outboundCall()).thenRejects('case-unknown', []));

  it('lets only the debtor promise: a promise needs a right-party contact', () =>
    given(contactCaseDecider, [opened()]).when(outboundCall({ outcome: 'left-message', promise })).thenRejects('promise-needs-right-party-contact', []));

  it('refuses a promise in another currency than the account', () =>
    given(contactCaseDecider, [opened()])
      .when(outboundCall({ outcome: 'right-party-contact', promise: { ...promise, currency: 'EUR' } }))
      .thenRejects('promise-currency-mismatch', []));

  it('refuses a promise of nothing', () =>
    given(contactCaseDecider, [opened()])
      .when(outboundCall({ outcome: 'right-party-contact', promise: { ...promise, amount: 0 } }))
      .thenRejects('promise-amount-positive', []));

  it("refuses a promise due before today in the debtor's time", () =>
    given(contactCaseDecider, [opened()])
      .when(outboundCall({ outcome: 'right-party-contact', promise: { ...promise, dueDate: '2026-01-04' } }))
      .thenRejects('promise-due-date-past', []));

  it("accepts a promise due today in the debtor's time though the day has already ended in UTC", () => {
    // 2026-01-06 02:00 UTC is still Monday 2026-01-05 21:00 in New York; a letter has no window.
    const lateEvening = new Date('2026-01-06T02:00:00.000Z');
    const { decision } = given(contactCaseDecider, [opened()]).when(
      outboundCall({ channel: 'letter', outcome: 'right-party-contact', promise: { ...promise, dueDate: '2026-01-05' }, now: lateEvening }),
    );
    expect(decision).toMatchObject([{ type: 'ContactAttemptRecorded' }, { type: 'PromiseToPayMade', data: { dueDate: '2026-01-05' } }]);
  });

  it('accepts a promise due on a day that may still be today where a debtor of unknown zone is', () => {
    // 05:00 UTC on Tuesday is still Monday evening from Chicago to Pago Pago; "Calif" names no state.
    const debtor = { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'Calif' };
    const { decision } = given(contactCaseDecider, [opened(debtor)]).when(
      outboundCall({ channel: 'letter', outcome: 'right-party-contact', promise: { ...promise, dueDate: '2026-01-05' }, now: new Date('2026-01-06T05:00:00.000Z') }),
    );
    expect(decision).toMatchObject([{ type: 'ContactAttemptRecorded' }, { type: 'PromiseToPayMade', data: { dueDate: '2026-01-05' } }]);
  });

  it('still refuses a promise due on a day that has passed everywhere', () =>
    given(contactCaseDecider, [opened({ kind: 'company', legalName: 'Far Away Ltd', country: 'ZZ' })])
      .when(outboundCall({ channel: 'letter', outcome: 'right-party-contact', promise: { ...promise, dueDate: '2026-01-03' } }))
      .thenRejects('promise-due-date-past', []));

  it('refuses a denied contact and records the refusal with the rule that denied it, before looking at the promise', () => {
    const saturday = new Date('2026-01-10T15:00:00.000Z');
    const { decision } = given(contactCaseDecider, [opened()]).when(outboundCall({ outcome: 'left-message', promise, now: saturday }));
    expect(decision).toMatchObject({
      rule: 'call-window',
      recordedEvents: [
        { type: 'ContactAttemptRefused', data: { accountId: 'acc-1', clientId: 'client-1', rule: 'call-window', version: 2, channel: 'call', timeZones: ['America/New_York'] } },
      ],
    });
  });
});

describe('the compliance decision ledger', () => {
  const always = (name: string, version: number): ComplianceRule => ({ name, version, judge: () => allow });
  const never = (name: string, version: number): ComplianceRule => ({ name, version, judge: () => deny(`${name} says no`) });

  it('asks every rule in order and records each allow with its version', () =>
    given(contactCaseDeciderWith([always('a', 3), always('b', 1)]), [opened()])
      .when(outboundCall())
      .then([
        recorded({
          compliance: [
            { rule: 'a', version: 3, decision: 'allow' },
            { rule: 'b', version: 1, decision: 'allow' },
          ],
        }),
      ]));

  it('stops at the first rule that denies, which names the refusal', () =>
    given(contactCaseDeciderWith([always('a', 1), never('b', 2), never('c', 1)]), [opened()])
      .when(outboundCall())
      .thenRejects('b', [{ type: 'ContactAttemptRefused', data: { accountId: 'acc-1', clientId: 'client-1', rule: 'b', version: 2, channel: 'call', reason: 'b says no' } }]));
});
