import type { AccountEvent, AccountPlaced, ClosingCode } from './account.events';

export const NOW = new Date('2026-03-01T12:00:00.000Z');

export const placed: AccountPlaced = {
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

export const closedAs = (closingCode: ClosingCode, closedAt = NOW): AccountEvent => ({
  type: 'AccountClosed',
  data: { accountId: 'acc-1', clientId: 'client-1', closingCode, closedAt: closedAt.toISOString() },
});

export const closedPaid = closedAs('paid-in-full');

export const reopened = (paymentId = 'pay-1', reopenedAt = NOW): AccountEvent => ({
  type: 'AccountReopened',
  data: {
    accountId: 'acc-1',
    clientId: 'client-1',
    previousClosingCode: 'paid-in-full',
    reason: 'payment-reversed',
    paymentId,
    balance: 500_000,
    reopenedAt: reopenedAt.toISOString(),
  },
});

export const legalAuthorized: AccountEvent = {
  type: 'LegalReferralAuthorized',
  data: { accountId: 'acc-1', clientId: 'client-1', authorizedAt: NOW.toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true },
};
