import type { AccountEvent, AccountPlaced, ClosingCode, PaymentNoted } from './account.events';
import type { CollectionStanding } from './account.state';

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

export const standing = (overrides: Partial<CollectionStanding> = {}): CollectionStanding => ({
  balance: 500_000,
  payments: [],
  directReports: [],
  workBegan: false,
  planActive: false,
  openPlans: [],
  endedPlans: [],
  disputeOpen: false,
  openDisputes: [],
  clearedDisputes: [],
  ...overrides,
});

export const paymentNoted = (overrides: Partial<PaymentNoted['data']> = {}): AccountEvent => ({
  type: 'PaymentNoted',
  data: { accountId: 'acc-1', paymentId: 'pay-1', method: 'check', amount: 100_000, balanceAfter: 400_000, postedAt: NOW.toISOString(), ...overrides },
});

export const contactNoted: AccountEvent = {
  type: 'ContactAttemptNoted',
  data: { accountId: 'acc-1', attemptId: 'att-1', channel: 'call', occurredAt: NOW.toISOString() },
};

export const directReported = (reportId = 'rep-1'): AccountEvent => ({
  type: 'DirectPaymentReported',
  data: { accountId: 'acc-1', clientId: 'client-1', reportId, amount: 100_000, currency: 'USD', method: 'check', paidOn: '2026-02-27', reportedAt: NOW.toISOString() },
});
