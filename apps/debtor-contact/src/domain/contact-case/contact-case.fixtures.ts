import { RecordContactAttempt } from './contact-case.commands';
import { CaseDebtor, ContactCaseClosed, ContactCaseOpened, ContactCaseReopened, NoticeSent } from './contact-case.events';

/** Monday 2026-01-05 10:00 in New York. */
export const MONDAY_10_NEW_YORK = new Date('2026-01-05T15:00:00.000Z');

export const NY_COMPANY: CaseDebtor = { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY' };

export function opened(debtor: CaseDebtor = NY_COMPANY, overrides: Partial<ContactCaseOpened['data']> = {}): ContactCaseOpened {
  return {
    type: 'ContactCaseOpened',
    data: {
      accountId: 'acc-1',
      clientId: 'client-1',
      commercial: debtor.kind === 'company',
      debtor,
      currency: 'USD',
      placedAmount: 750_050,
      openedAt: '2026-01-05T14:00:00.000Z',
      ...overrides,
    },
  };
}

export const firstDemand: NoticeSent = {
  type: 'NoticeSent',
  data: { accountId: 'acc-1', clientId: 'client-1', noticeType: 'first-demand', channel: 'letter', sentAt: '2026-01-05T14:00:00.000Z' },
};

export const closedPaid: ContactCaseClosed = {
  type: 'ContactCaseClosed',
  data: { accountId: 'acc-1', clientId: 'client-1', closingCode: 'paid-in-full', closedAt: '2026-01-06T12:00:00.000Z' },
};

/** A payment bounced after the paid-in-full closure. */
export const reopenedAfterPaid: ContactCaseReopened = {
  type: 'ContactCaseReopened',
  data: { accountId: 'acc-1', clientId: 'client-1', previousClosingCode: 'paid-in-full', reason: 'payment-reversed', reopenedAt: '2026-01-07T12:00:00.000Z' },
};

export function outboundCall(overrides: Partial<RecordContactAttempt> = {}): RecordContactAttempt {
  return {
    type: 'RecordContactAttempt',
    attemptId: 'att-1',
    promiseId: 'ptp-1',
    collectorId: 'collector-7',
    channel: 'call',
    direction: 'outbound',
    outcome: 'no-answer',
    now: MONDAY_10_NEW_YORK,
    ...overrides,
  };
}
