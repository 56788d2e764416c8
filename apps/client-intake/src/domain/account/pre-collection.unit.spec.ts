import { given } from '@lib/es-core/testing/given-when-then';
import type { PlaceAccount } from './account.commands';
import { accountDecider } from './account.decider';
import type { AccountEvent, AccountPlaced } from './account.events';
import { closedPaid, paymentNoted, placed as thirdPartyPlaced } from './account.fixtures';
import { preCollectionWork } from './pre-collection';

const PLACED_AT = '2026-03-01T12:00:00.000Z';
const WINDOW_END = '2026-03-31T12:00:00.000Z';
const TERMS = { agreementVersion: 2, windowDays: 30, reminderDays: [0, 7, 14], flatFee: 1_500 };

const placement = (overrides: Partial<PlaceAccount> = {}): PlaceAccount => ({
  type: 'PlaceAccount',
  accountId: 'acc-1',
  clientId: 'client-1',
  clientReference: 'REF-1',
  commercial: true,
  debtor: { kind: 'company', legalName: 'Acme Ltd', country: 'US', region: 'NY' },
  invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 500_000, currency: 'USD' }],
  service: 'pre-collection',
  preCollectionTerms: TERMS,
  now: new Date(PLACED_AT),
  ...overrides,
});

const preCollectionPlaced: AccountPlaced = {
  type: 'AccountPlaced',
  data: {
    ...thirdPartyPlaced.data,
    placedAt: PLACED_AT,
    service: 'pre-collection',
    preCollection: { agreementVersion: 2, windowEndsAt: WINDOW_END, reminderDays: [0, 7, 14], flatFee: 1_500 },
  },
};

const reminder = (day: number, at: string): AccountEvent => ({ type: 'PreCollectionReminderSent', data: { accountId: 'acc-1', clientId: 'client-1', day, sentAt: at } });

describe('placing an account as pre-collection', () => {
  it("fixes the agreement's window end, reminder days and flat fee on the placement", () => {
    const { decision } = given(accountDecider).when(placement());
    expect(decision).toMatchObject([{ type: 'AccountPlaced', data: { service: 'pre-collection', preCollection: { agreementVersion: 2, windowEndsAt: WINDOW_END, reminderDays: [0, 7, 14], flatFee: 1_500 } } }]);
  });

  it("is refused when the client's agreement in force sets no pre-collection terms", () => {
    given(accountDecider).when(placement({ preCollectionTerms: undefined })).thenRejects('pre-collection-not-agreed');
  });

  it('places a third-party account as before, whatever terms the agreement has', () => {
    const { decision } = given(accountDecider).when(placement({ service: 'third-party' }));
    expect((decision as AccountEvent[])[0].data).not.toHaveProperty('service');
    expect((decision as AccountEvent[])[0].data).not.toHaveProperty('preCollection');
  });

  it('books one reminder per agreed day and the conversion at the window end, under ids that do not change', () => {
    expect(preCollectionWork('acc-1', PLACED_AT, preCollectionPlaced.data.preCollection!)).toEqual([
      { workId: 'pre-collection-reminder-acc-1-day-0', kind: 'pre-collection-reminder', dueAt: PLACED_AT, payload: { accountId: 'acc-1', day: 0 } },
      { workId: 'pre-collection-reminder-acc-1-day-7', kind: 'pre-collection-reminder', dueAt: '2026-03-08T12:00:00.000Z', payload: { accountId: 'acc-1', day: 7 } },
      { workId: 'pre-collection-reminder-acc-1-day-14', kind: 'pre-collection-reminder', dueAt: '2026-03-15T12:00:00.000Z', payload: { accountId: 'acc-1', day: 14 } },
      { workId: 'pre-collection-conversion-acc-1', kind: 'pre-collection-conversion', dueAt: WINDOW_END, payload: { accountId: 'acc-1' } },
    ]);
  });
});

describe('pre-collection reminders', () => {
  const at = '2026-03-08T12:00:00.000Z';

  it("sends the day's reminder in the client's name", () => {
    given(accountDecider, [preCollectionPlaced]).when({ type: 'SendPreCollectionReminder', day: 7, now: new Date(at) }).then([reminder(7, at)]);
  });

  it('sends each day once, however often the scheduler runs it', () => {
    given(accountDecider, [preCollectionPlaced, reminder(7, at)]).when({ type: 'SendPreCollectionReminder', day: 7, now: new Date(at) }).then([]);
  });

  it('sends none once the account is paid in full, or converted, or was placed third-party', () => {
    given(accountDecider, [preCollectionPlaced, closedPaid]).when({ type: 'SendPreCollectionReminder', day: 14, now: new Date(at) }).then([]);
    given(accountDecider, [thirdPartyPlaced]).when({ type: 'SendPreCollectionReminder', day: 14, now: new Date(at) }).then([]);
  });
});

describe('converting to third-party at the window end', () => {
  const late = new Date('2026-04-02T08:00:00.000Z');

  it('converts an account still owing, dated at the window end whenever the scheduler ran, with what third-party collection starts from', () => {
    const { decision } = given(accountDecider, [preCollectionPlaced, paymentNoted({ amount: 100_000, balanceAfter: 400_000 })]).when({ type: 'ConvertToThirdParty', now: late });
    expect(decision).toEqual([
      {
        type: 'ConvertedToThirdParty',
        data: {
          accountId: 'acc-1',
          clientId: 'client-1',
          commercial: true,
          currency: 'USD',
          placedAmount: 500_000,
          balance: 400_000,
          invoiceDueDates: ['2026-01-31'],
          clientReference: preCollectionPlaced.data.clientReference,
          invoices: preCollectionPlaced.data.invoices,
          debtor: preCollectionPlaced.data.debtor,
          convertedAt: WINDOW_END,
        },
      },
    ]);
  });

  it('leaves an account paid in full in the window closed, and converts once', () => {
    given(accountDecider, [preCollectionPlaced, closedPaid]).when({ type: 'ConvertToThirdParty', now: late }).then([]);
    const { decision } = given(accountDecider, [preCollectionPlaced]).when({ type: 'ConvertToThirdParty', now: late });
    given(accountDecider, [preCollectionPlaced, ...(decision as AccountEvent[])]).when({ type: 'ConvertToThirdParty', now: late }).then([]);
  });

  it('sends no more reminders after converting', () => {
    const { decision } = given(accountDecider, [preCollectionPlaced]).when({ type: 'ConvertToThirdParty', now: late });
    given(accountDecider, [preCollectionPlaced, ...(decision as AccountEvent[])]).when({ type: 'SendPreCollectionReminder', day: 14, now: late }).then([]);
  });
});
