import { fold } from '@lib/es-core';
import { contactCaseDecider } from './contact-case.decider';
import { ContactCaseClosed } from './contact-case.events';
import { closedPaid, firstDemand, NY_COMPANY, opened, reopenedAfterPaid } from './contact-case.fixtures';

const recalled: ContactCaseClosed = { type: 'ContactCaseClosed', data: { accountId: 'acc-1', clientId: 'client-1', closingCode: 'recalled', closedAt: '2026-01-08T12:00:00.000Z' } };
const asPlaced = { accountId: 'acc-1', clientId: 'client-1', commercial: true, debtor: NY_COMPANY, currency: 'USD', placedAmount: 750_050, openedAt: '2026-01-05T14:00:00.000Z' };

describe('the contact case as its events fold', () => {
  it('is open as placed once opened', () => {
    expect(fold(contactCaseDecider, [opened(), firstDemand])).toEqual({ status: 'open', ...asPlaced });
  });

  it('carries the closing code and time while closed', () => {
    expect(fold(contactCaseDecider, [opened(), firstDemand, closedPaid])).toEqual({ status: 'closed', ...asPlaced, closingCode: 'paid-in-full', closedAt: '2026-01-06T12:00:00.000Z' });
  });

  it('drops the closure on a reopening and keeps what the reopening undid', () => {
    expect(fold(contactCaseDecider, [opened(), firstDemand, closedPaid, reopenedAfterPaid])).toEqual({
      status: 'open',
      ...asPlaced,
      lastReopening: { reopenedAt: '2026-01-07T12:00:00.000Z', reason: 'payment-reversed', previousClosingCode: 'paid-in-full' },
    });
  });

  it('keeps the latest reopening when the case closes again', () => {
    expect(fold(contactCaseDecider, [opened(), firstDemand, closedPaid, reopenedAfterPaid, recalled])).toMatchObject({
      status: 'closed',
      closingCode: 'recalled',
      closedAt: '2026-01-08T12:00:00.000Z',
      lastReopening: { reopenedAt: '2026-01-07T12:00:00.000Z', previousClosingCode: 'paid-in-full' },
    });
  });

  it('ignores a closure or a reopening of a case it never opened', () => {
    expect(fold(contactCaseDecider, [closedPaid, reopenedAfterPaid])).toEqual({ status: 'none' });
  });
});
