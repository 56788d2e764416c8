import {
  AccountClosed,
  AccountPaidInFull,
  AccountPlaced,
  ContactAttemptRecorded,
  LegalReferralAuthorized,
  LegalStageChanged,
  NoticeSent,
  PaymentPosted,
  PaymentReversed,
  PromiseToPayMade,
} from '@lib/contracts';
import { accountSummaryProjection } from './account-summary.projection';
import {
  accountClosed,
  accountPaidInFull,
  accountPlaced,
  contactAttemptRecorded,
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
