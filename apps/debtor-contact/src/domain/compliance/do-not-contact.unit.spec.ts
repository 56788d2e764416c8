import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { CaseDebtor } from '../contact-case/contact-case.events';
import { MONDAY_10_NEW_YORK, NY_COMPANY, opened, outboundCall } from '../contact-case/contact-case.fixtures';
import type { ContactUnderReview } from './compliance-rule';
import { doNotContactRule } from './do-not-contact.rule';

const debtor: CaseDebtor = {
  ...NY_COMPANY,
  phones: [
    { number: '+1 (212) 555-0100', consent: true, doNotContact: true },
    { number: '+12125550199', consent: false, doNotContact: false },
  ],
  emails: [{ address: 'AP@acme.example', consent: true, doNotContact: true }],
};
const openCase = { status: 'open' as const, ...opened(debtor).data };
const contact = (overrides: Partial<ContactUnderReview> = {}): ContactUnderReview => ({ channel: 'call', direction: 'outbound', now: MONDAY_10_NEW_YORK, ...overrides });
const verdict = (c: ContactUnderReview, on = openCase) => doNotContactRule.judge(c, on);

describe('do-not-contact v1', () => {
  it('refuses a call or text to a number marked do-not-contact, however the number is written, consent or not', () => {
    expect(verdict(contact({ to: '+12125550100' }))).toEqual({ decision: 'deny', reason: 'the number +1 (212) 555-0100 is marked do-not-contact by the client' });
    expect(verdict(contact({ channel: 'text', to: '1 212 555 0100' })).decision).toBe('deny');
  });

  it('allows a call to a number of the case that is not barred', () => expect(verdict(contact({ to: '+1 212 555 0199' }))).toEqual({ decision: 'allow' }));

  it('refuses an email to an address marked do-not-contact, in any case', () =>
    expect(verdict(contact({ channel: 'email', to: 'ap@ACME.example' }))).toEqual({ decision: 'deny', reason: 'the address AP@acme.example is marked do-not-contact by the client' }));

  it('refuses a contact that does not name its number while a number of the case is barred', () =>
    expect(verdict(contact())).toEqual({ decision: 'deny', reason: "the debtor's number +1 (212) 555-0100 is marked do-not-contact: name the number used (to)" }));

  it('is not concerned by letters, inbound contacts or a case with nothing barred', () => {
    expect(verdict(contact({ channel: 'letter' })).decision).toBe('allow');
    expect(verdict(contact({ direction: 'inbound' })).decision).toBe('allow');
    expect(verdict(contact(), { status: 'open', ...opened().data })).toEqual({ decision: 'allow' });
  });

  it('a collector calling a barred number is refused and the refusal recorded', () =>
    given(contactCaseDecider, [opened(debtor)])
      .when(outboundCall({ to: '+12125550100' }))
      .thenRejects('do-not-contact', [
        {
          type: 'ContactAttemptRefused',
          data: { accountId: 'acc-1', clientId: 'client-1', rule: 'do-not-contact', version: 1, channel: 'call', reason: 'the number +1 (212) 555-0100 is marked do-not-contact by the client' },
        },
      ]));

  it('records the number used with an allowed call', () => {
    const { decision } = given(contactCaseDecider, [opened(debtor)]).when(outboundCall({ to: '+12125550199' }));
    expect(decision).toMatchObject([{ type: 'ContactAttemptRecorded', data: { to: '+12125550199' } }]);
  });
});
