import { given } from '@lib/es-core/testing/given-when-then';
import { accountDecider } from './account.decider';
import { AccountEvent } from './account.events';

const now = new Date('2026-03-01T12:00:00.000Z');
const placed: AccountEvent = {
  type: 'AccountPlaced',
  data: {
    accountId: 'acc-1',
    clientId: 'client-1',
    clientReference: 'REF-1',
    commercial: true,
    debtor: { kind: 'company', legalName: 'Acme Ltd', country: 'US', region: 'NY' },
    invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 500_000, currency: 'USD' }],
    currency: 'USD',
    placedAmount: 500_000,
    placedAt: '2026-02-01T00:00:00.000Z',
    commissionRateBp: 2_500,
  },
};
const closedPaid: AccountEvent = { type: 'AccountClosed', data: { accountId: 'acc-1', clientId: 'client-1', closingCode: 'paid-in-full', closedAt: now.toISOString() } };
const authorize = { type: 'AuthorizeLegalReferral' as const, clientId: 'client-1', agreesToSuitFee: true, agreesToAdvanceCosts: true, now };

describe('closing an account', () => {
  it('closes an active account with its closing code', () =>
    given(accountDecider, [placed]).when({ type: 'CloseAccount', closingCode: 'paid-in-full', now }).then([closedPaid]));

  it('does nothing when the account is already closed (a redelivered "paid" is harmless)', () =>
    given(accountDecider, [placed, closedPaid]).when({ type: 'CloseAccount', closingCode: 'paid-in-full', now }).then([]));
});

describe('reopening after a reversal', () => {
  const reversal = { type: 'ReopenAfterReversal' as const, paymentId: 'pay-1', balanceAfter: 500_000, now };
  const reopened: AccountEvent = {
    type: 'AccountReopened',
    data: {
      accountId: 'acc-1',
      clientId: 'client-1',
      previousClosingCode: 'paid-in-full',
      reason: 'payment-reversed',
      paymentId: 'pay-1',
      balance: 500_000,
      reopenedAt: now.toISOString(),
    },
  };
  const recalled: AccountEvent = { type: 'AccountClosed', data: { ...closedPaid.data, closingCode: 'recalled' } };

  it('reopens an account closed as paid in full when the reversal leaves a balance', () =>
    given(accountDecider, [placed, closedPaid]).when(reversal).then([reopened]));

  it('leaves an active account alone (a reversal before the payoff reopens nothing)', () =>
    given(accountDecider, [placed]).when(reversal).then([]));

  it('leaves an account closed for another reason closed', () => given(accountDecider, [placed, recalled]).when(reversal).then([]));

  it('reopens nothing when no balance is owed again', () =>
    given(accountDecider, [placed, closedPaid]).when({ ...reversal, balanceAfter: 0 }).then([]));

  it('does nothing on a redelivery once reopened', () => given(accountDecider, [placed, closedPaid, reopened]).when(reversal).then([]));

  it('closes again when the reopened balance is paid off, and can then reopen again', () => {
    given(accountDecider, [placed, closedPaid, reopened]).when({ type: 'CloseAccount', closingCode: 'paid-in-full', now }).then([closedPaid]);
    given(accountDecider, [placed, closedPaid, reopened, closedPaid]).when({ ...reversal, paymentId: 'pay-2' }).then([{ ...reopened, data: { ...reopened.data, paymentId: 'pay-2' } }]);
  });

  it('lets the client authorize suit on the reopened account', () =>
    given(accountDecider, [placed, closedPaid, reopened]).when(authorize).then([expect.objectContaining({ type: 'LegalReferralAuthorized' })]));

  it('refuses an account it never placed', () => given(accountDecider, []).when(reversal).thenRejects('account-unknown'));
});

describe('a client authorizing suit', () => {
  it('records the authorization with the client agreeing to the fee and to advance costs', () =>
    given(accountDecider, [placed])
      .when(authorize)
      .then([{ type: 'LegalReferralAuthorized', data: { accountId: 'acc-1', clientId: 'client-1', authorizedAt: now.toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true } }]));

  it("cannot authorize another client's account, which reads as unknown", () =>
    given(accountDecider, [placed]).when({ ...authorize, clientId: 'client-2' }).thenRejects('account-unknown'));

  it('must agree to the suit fee and to advancing court costs', () =>
    given(accountDecider, [placed]).when({ ...authorize, agreesToAdvanceCosts: false }).thenRejects('legal-authorization-incomplete'));

  it('cannot refer a closed account', () => given(accountDecider, [placed, closedPaid]).when(authorize).thenRejects('account-closed'));
});
