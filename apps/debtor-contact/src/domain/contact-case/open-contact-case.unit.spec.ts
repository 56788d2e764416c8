import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from './contact-case.decider';
import { OpenContactCase } from './contact-case.commands';
import type { ContactCaseOpened } from './contact-case.events';
import { NY_COMPANY, opened } from './contact-case.fixtures';
import { evolveContactCase, initialContactCaseState } from './contact-case.state';

const now = new Date('2026-01-05T14:00:00.000Z');
const open: OpenContactCase = {
  type: 'OpenContactCase',
  accountId: 'acc-1',
  clientId: 'client-1',
  commercial: true,
  debtor: NY_COMPANY,
  currency: 'USD',
  placedAmount: 750_050,
  now,
};

describe('opening a contact case for a placed account', () => {
  it('opens the case and sends the first demand letter at once', () =>
    given(contactCaseDecider)
      .when(open)
      .then([
        opened(),
        { type: 'NoticeSent', data: { accountId: 'acc-1', clientId: 'client-1', noticeType: 'first-demand', channel: 'letter', sentAt: now.toISOString() } },
      ]));

  it('changes nothing when the account is placed again (a replayed placement sends no second demand)', () =>
    given(contactCaseDecider, [opened()]).when({ ...open, now: new Date('2026-01-06T00:00:00.000Z') }).then([]));

  it("keeps the debtor's addresses, phones and emails with their consent and do-not-contact flags on the case", () => {
    const debtor = {
      ...NY_COMPANY,
      taxId: '12-3456789',
      addresses: [{ lines: ['350 Fifth Avenue'], city: 'New York', region: 'NY', country: 'US' }],
      phones: [{ number: '+12125550100', consent: true, doNotContact: false }],
      emails: [{ address: 'ap@acme.example', consent: false, doNotContact: true }],
    };
    const { decision } = given(contactCaseDecider).when({ ...open, debtor });
    expect(decision).toMatchObject([{ type: 'ContactCaseOpened', data: { debtor } }, { type: 'NoticeSent' }]);
    const [caseOpened] = decision as [ContactCaseOpened];
    expect(evolveContactCase(initialContactCaseState(), caseOpened)).toMatchObject({ status: 'open', debtor });
  });
});
