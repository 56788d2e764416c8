import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from './contact-case.decider';
import { OpenContactCase } from './contact-case.commands';
import { NY_COMPANY, opened } from './contact-case.fixtures';

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
});
