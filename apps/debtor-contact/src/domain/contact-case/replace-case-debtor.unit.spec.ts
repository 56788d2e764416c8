import { given } from '@lib/es-core/testing/given-when-then';
import type { ReplaceCaseDebtor } from './contact-case.commands';
import { contactCaseDecider } from './contact-case.decider';
import type { CaseDebtor, ContactCaseEvent } from './contact-case.events';
import { closedPaid, MONDAY_10_NEW_YORK, NY_COMPANY, opened, outboundCall } from './contact-case.fixtures';

const withPhone: CaseDebtor = { ...NY_COMPANY, phones: [{ number: '+12125550100', consent: true, doNotContact: false }] };
const barred: CaseDebtor = { ...NY_COMPANY, legalName: 'Acme Widgets Holdings LLC', phones: [{ number: '+12125550100', consent: true, doNotContact: true }] };
const replace = (debtor: CaseDebtor): ReplaceCaseDebtor => ({ type: 'ReplaceCaseDebtor', debtor, changed: ['legalName', 'phones'], now: MONDAY_10_NEW_YORK });
const replaced: ContactCaseEvent = {
  type: 'CaseDebtorReplaced',
  data: { accountId: 'acc-1', clientId: 'client-1', debtor: barred, changed: ['legalName', 'phones'], replacedAt: MONDAY_10_NEW_YORK.toISOString() },
};

describe("intake's debtor update reaches the contact case", () => {
  it("replaces the case's debtor, contacts and flags included", () => given(contactCaseDecider, [opened(withPhone)]).when(replace(barred)).then([replaced]));

  it('from then on, a call to a number the update marked do-not-contact is refused', () => {
    const call = outboundCall({ to: '+1 212 555 0100' });
    expect(Array.isArray(given(contactCaseDecider, [opened(withPhone)]).when(call).decision)).toBe(true);
    given(contactCaseDecider, [opened(withPhone), replaced]).when(call).thenRejects('do-not-contact');
  });

  it('a closed case takes it too, for when it reopens', () => given(contactCaseDecider, [opened(withPhone), closedPaid]).when(replace(barred)).then([replaced]));

  it('the same debtor heard again changes nothing', () => given(contactCaseDecider, [opened(withPhone), replaced]).when(replace(barred)).then([]));

  it('case-unknown: no case for the account', () => given(contactCaseDecider).when(replace(barred)).thenRejects('case-unknown'));
});
