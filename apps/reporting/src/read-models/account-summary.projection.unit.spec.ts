import {
  AccountClosed,
  AccountPaidInFull,
  AccountPlaced,
  AccountReopened,
  ContactAttemptRecorded,
  ConvertedToThirdParty,
  LegalReferralAuthorized,
  LegalStageChanged,
  NoticeSent,
  PaymentPosted,
  PaymentReversed,
  PreCollectionReminderSent,
  PromiseToPayMade,
} from '@lib/contracts';
import { accountSummaryProjection } from './account-summary.projection';
import {
  accountClosed,
  accountPaidInFull,
  accountPlaced,
  accountReopened,
  contactAttemptRecorded,
  convertedToThirdParty,
  foldProjection,
  legalReferralAuthorized,
  legalStageChanged,
  noticeSent,
  paymentPosted,
  paymentReversed,
  projected,
  promiseToPayMade,
} from './reporting.fixtures';

const ACCOUNT = 'acc-1';
const CLIENT = 'client-1';
const placed = projected(AccountPlaced, accountPlaced(ACCOUNT, CLIENT, 300_000), `account-${ACCOUNT}`, 0);
const summaryOf = (...events: ReturnType<typeof projected>[]) => foldProjection(accountSummaryProjection, events, ACCOUNT);

describe('the account summary read model', () => {
  it('opens an active account whose balance is what was placed', () => {
    expect(summaryOf(placed)).toMatchObject({
      accountId: ACCOUNT,
      clientId: CLIENT,
      currency: 'USD',
      status: 'active',
      closingCode: null,
      reopenedAt: null,
      placedAmount: 300_000,
      collected: 0,
      balance: 300_000,
      lastContactAt: null,
      promises: [],
      legalStage: null,
    });
  });

  it("follows payments and reversals, taking the ledger's balance after each", () => {
    const summary = summaryOf(
      placed,
      projected(PaymentPosted, paymentPosted(ACCOUNT, CLIENT, 'p1', 100_000, 215_000), `ledger-${ACCOUNT}`, 1),
      projected(PaymentReversed, paymentReversed(ACCOUNT, CLIENT, 'p1', 100_000, 315_000), `ledger-${ACCOUNT}`, 2),
    );
    expect(summary).toMatchObject({ collected: 0, balance: 315_000 });
  });

  it('keeps the ledger balance when the placement arrives after a payment', () => {
    const summary = summaryOf(projected(PaymentPosted, paymentPosted(ACCOUNT, CLIENT, 'p1', 100_000, 200_000), `ledger-${ACCOUNT}`, 1), placed);
    expect(summary).toMatchObject({ placedAmount: 300_000, collected: 100_000, balance: 200_000 });
  });

  it('closes with the closing code and notes when payments reported it paid in full', () => {
    const summary = summaryOf(
      placed,
      projected(AccountPaidInFull, accountPaidInFull(ACCOUNT, CLIENT), `ledger-${ACCOUNT}`, 1),
      projected(AccountClosed, accountClosed(ACCOUNT, CLIENT, 'paid-in-full'), `account-${ACCOUNT}`, 1),
    );
    expect(summary).toMatchObject({ status: 'closed', closingCode: 'paid-in-full', closedAt: '2026-08-01T09:00:00.000Z', paidInFullAt: '2026-07-30T09:00:00.000Z' });
  });

  it('reads a settled account as settled, never paid in full, whichever of a paid in full and the closing arrives first', () => {
    const paidInFull = projected(AccountPaidInFull, accountPaidInFull(ACCOUNT, CLIENT), `ledger-${ACCOUNT}`, 1);
    const settled = projected(AccountClosed, accountClosed(ACCOUNT, CLIENT, 'settled'), `account-${ACCOUNT}`, 1);
    expect(summaryOf(placed, paidInFull, settled)).toMatchObject({ status: 'closed', closingCode: 'settled', paidInFullAt: null });
    expect(summaryOf(placed, settled, paidInFull)).toMatchObject({ status: 'closed', closingCode: 'settled', paidInFullAt: null });
  });

  it('reads a written-off account as written off, never paid in full, whichever arrives first', () => {
    const paidInFull = projected(AccountPaidInFull, accountPaidInFull(ACCOUNT, CLIENT), `ledger-${ACCOUNT}`, 1);
    const writtenOff = projected(AccountClosed, accountClosed(ACCOUNT, CLIENT, 'written-off'), `account-${ACCOUNT}`, 1);
    expect(summaryOf(placed, paidInFull, writtenOff)).toMatchObject({ status: 'closed', closingCode: 'written-off', paidInFullAt: null });
    expect(summaryOf(placed, writtenOff, paidInFull)).toMatchObject({ status: 'closed', closingCode: 'written-off', paidInFullAt: null });
  });

  describe('closed, reopened after a bounced payment, closed again', () => {
    // The order intake and payments publish in: paid in full, closed; bounced, reopened; paid off again, closed again.
    const paidOff = (version: number, paidAt: string) => [
      projected(PaymentPosted, paymentPosted(ACCOUNT, CLIENT, `p${version}`, 300_000, 0), `ledger-${ACCOUNT}`, version),
      projected(AccountPaidInFull, accountPaidInFull(ACCOUNT, CLIENT, paidAt), `ledger-${ACCOUNT}`, version),
    ];
    const closed = (version: number, closedAt = '2026-08-01T09:00:00.000Z') =>
      projected(AccountClosed, accountClosed(ACCOUNT, CLIENT, 'paid-in-full', closedAt), `account-${ACCOUNT}`, version);
    const bounced = projected(PaymentReversed, paymentReversed(ACCOUNT, CLIENT, 'p1', 300_000, 300_000), `ledger-${ACCOUNT}`, 2);
    const reopened = (version: number, reopenedAt = '2026-08-05T09:00:00.000Z') =>
      projected(AccountReopened, accountReopened(ACCOUNT, CLIENT, 300_000, 'p1', reopenedAt), `account-${ACCOUNT}`, version);

    it('is active again on the reopening: no closing code, no closing instant, no longer paid in full, with when it reopened', () => {
      const summary = summaryOf(placed, ...paidOff(1, '2026-07-30T09:00:00.000Z'), closed(1), bounced, reopened(2));
      expect(summary).toMatchObject({
        status: 'active',
        closingCode: null,
        closedAt: null,
        reopenedAt: '2026-08-05T09:00:00.000Z',
        paidInFullAt: null,
        collected: 0,
        balance: 300_000,
      });
    });

    it('closes again on the next closing, keeping when it last reopened', () => {
      const summary = summaryOf(
        placed,
        ...paidOff(1, '2026-07-30T09:00:00.000Z'),
        closed(1),
        bounced,
        reopened(2),
        ...paidOff(3, '2026-08-20T09:00:00.000Z'),
        closed(3, '2026-08-21T09:00:00.000Z'),
      );
      expect(summary).toMatchObject({
        status: 'closed',
        closingCode: 'paid-in-full',
        closedAt: '2026-08-21T09:00:00.000Z',
        reopenedAt: '2026-08-05T09:00:00.000Z',
        paidInFullAt: '2026-08-20T09:00:00.000Z',
        collected: 300_000,
        balance: 0,
      });
    });

    it('keeps the account open when the closing the reopening undid arrives after it (a dead-lettered message replayed)', () => {
      // The store guards each contract type on its own, so only the projection can see that closing 1 is older than reopening 2.
      expect(summaryOf(placed, reopened(2), closed(1))).toMatchObject({ status: 'active', closingCode: null, closedAt: null });
      expect(summaryOf(placed, closed(1), closed(3, '2026-08-21T09:00:00.000Z'), reopened(2))).toMatchObject({
        status: 'closed',
        closedAt: '2026-08-21T09:00:00.000Z',
        reopenedAt: '2026-08-05T09:00:00.000Z',
      });
    });

    it('keeps paid in full through a reversal that leaves nothing owing', () => {
      const summary = summaryOf(placed, ...paidOff(1, '2026-07-30T09:00:00.000Z'), projected(PaymentReversed, paymentReversed(ACCOUNT, CLIENT, 'p0', 5_000, 0), `ledger-${ACCOUNT}`, 2));
      expect(summary).toMatchObject({ paidInFullAt: '2026-07-30T09:00:00.000Z', balance: 0 });
    });
  });

  it('takes the latest notice or contact attempt as the last contact, whatever order they arrive in', () => {
    const summary = summaryOf(
      placed,
      projected(ContactAttemptRecorded, contactAttemptRecorded(ACCOUNT, CLIENT, '2026-06-10T14:00:00.000Z'), `contact-${ACCOUNT}`, 3),
      projected(NoticeSent, noticeSent(ACCOUNT, CLIENT, '2026-06-01T09:05:00.000Z'), `contact-${ACCOUNT}`, 1),
      projected(ContactAttemptRecorded, contactAttemptRecorded(ACCOUNT, CLIENT, '2026-06-04T14:00:00.000Z', false), `contact-${ACCOUNT}`, 2),
    );
    expect(summary).toMatchObject({ lastContactAt: '2026-06-10T14:00:00.000Z', noticesSent: 1, contactAttempts: 2, rightPartyContacts: 1 });
  });

  it('lists the promises to pay made', () => {
    const summary = summaryOf(placed, projected(PromiseToPayMade, promiseToPayMade(ACCOUNT, CLIENT, 'ptp-1', 50_000), `contact-${ACCOUNT}`, 1));
    expect(summary?.promises).toEqual([{ promiseId: 'ptp-1', amount: 50_000, currency: 'USD', dueDate: '2026-06-30', madeAt: '2026-06-04T15:00:00.000Z' }]);
  });

  it('shows the legal authorization once legal-referral let it take effect, with the latest legal stage', () => {
    const authorization = legalReferralAuthorized(ACCOUNT, CLIENT);
    const recommended = summaryOf(
      placed,
      projected(LegalStageChanged, legalStageChanged(ACCOUNT, CLIENT, 'recommended', 300_000), `referral-${ACCOUNT}`, 0),
      projected(LegalReferralAuthorized, authorization, `account-${ACCOUNT}`, 1),
    );
    expect(recommended).toMatchObject({ legalAuthorizedAt: null, legalStage: 'recommended' });
    // legal-referral publishes the stage change of a taken authorization at the client's instant.
    const authorized = { ...legalStageChanged(ACCOUNT, CLIENT, 'authorized', 300_000), changedAt: authorization.authorizedAt };
    const forwarded = legalStageChanged(ACCOUNT, CLIENT, 'forwarded', 300_000, 'attorney-9');
    const summary = summaryOf(
      placed,
      projected(LegalStageChanged, legalStageChanged(ACCOUNT, CLIENT, 'recommended', 300_000), `referral-${ACCOUNT}`, 0),
      projected(LegalReferralAuthorized, authorization, `account-${ACCOUNT}`, 1),
      projected(LegalStageChanged, authorized, `referral-${ACCOUNT}`, 1),
      projected(LegalStageChanged, forwarded, `referral-${ACCOUNT}`, 2),
    );
    expect(summary).toMatchObject({ legalAuthorizedAt: authorization.authorizedAt, legalStage: 'forwarded' });
  });

  it('shows no legal authorization that legal-referral ignored (it then publishes no stage change)', () => {
    // Authorized before any review recommended suit: legal-referral records AuthorizationIgnored.
    const summary = summaryOf(placed, projected(LegalReferralAuthorized, legalReferralAuthorized(ACCOUNT, CLIENT), `account-${ACCOUNT}`, 1));
    expect(summary).toMatchObject({ legalAuthorizedAt: null, legalStage: null });
  });
});

describe('the account summary by service', () => {
  const preCollectionPlaced = projected(
    AccountPlaced,
    { ...accountPlaced(ACCOUNT, CLIENT, 300_000), service: 'pre-collection', preCollection: { agreementVersion: 1, windowEndsAt: '2026-07-01T09:00:00.000Z', reminderDays: [0, 7], flatFee: 1_500 } },
    `account-${ACCOUNT}`,
    0,
  );
  const reminder = (day: number, version: number) => projected(PreCollectionReminderSent, { accountId: ACCOUNT, clientId: CLIENT, day, sentAt: '2026-06-08T09:00:00.000Z' }, `account-${ACCOUNT}`, version);

  it('says a placement without a service is third-party and never converted', () => {
    expect(summaryOf(placed)).toMatchObject({ service: 'third-party', preCollectionRemindersSent: 0, convertedAt: null });
  });

  it("counts a pre-collection account's reminders and when it converted, and keeps it pre-collection whatever order the facts arrive in", () => {
    const converted = projected(ConvertedToThirdParty, convertedToThirdParty(ACCOUNT, CLIENT), `account-${ACCOUNT}`, 3);
    const expected = { service: 'pre-collection', preCollectionRemindersSent: 2, convertedAt: '2026-07-01T09:00:00.000Z' };
    expect(summaryOf(preCollectionPlaced, reminder(0, 1), reminder(7, 2), converted)).toMatchObject(expected);
    expect(summaryOf(converted, reminder(7, 2), reminder(0, 1), preCollectionPlaced)).toMatchObject(expected);
  });
});
