import { given } from '@lib/es-core/testing/given-when-then';
import type { ReportDirectPayment } from './account.commands';
import { accountDecider } from './account.decider';
import { closedAs, contactNoted, directReported, NOW, paymentNoted, placed } from './account.fixtures';

describe('the client reports a direct payment', () => {
  const report = (overrides: Partial<ReportDirectPayment> = {}): ReportDirectPayment => ({
    type: 'ReportDirectPayment',
    clientId: 'client-1',
    reportId: 'rep-1',
    amount: 100_000,
    currency: 'USD',
    method: 'check',
    paidOn: '2026-02-27',
    now: NOW,
    ...overrides,
  });

  it('records it, for payments to post as direct', () => given(accountDecider, [placed]).when(report()).then([directReported('rep-1')]));

  it('accepts it on a closed account: the commission is owed whenever the debtor paid while the account was placed', () =>
    given(accountDecider, [placed, closedAs('recalled')]).when(report()).then([directReported('rep-1')]));

  it('account-unknown: another client\'s account', () => given(accountDecider, [placed]).when(report({ clientId: 'client-2' })).thenRejects('account-unknown'));

  it('currency-mismatch: in another currency than the account\'s', () => given(accountDecider, [placed]).when(report({ currency: 'EUR' })).thenRejects('currency-mismatch'));

  it('payment-amount-positive: nothing paid', () => given(accountDecider, [placed]).when(report({ amount: 0 })).thenRejects('payment-amount-positive'));

  it('direct-payment-in-future: paid after today', () => given(accountDecider, [placed]).when(report({ paidOn: '2026-03-02' })).thenRejects('direct-payment-in-future'));

  it('direct-payment-before-placement: paid before the account was placed', () =>
    given(accountDecider, [placed]).when(report({ paidOn: '2026-01-31' })).thenRejects('direct-payment-before-placement'));
});

describe('intake notes the work other services report', () => {
  const notePayment = { type: 'NotePayment' as const, paymentId: 'pay-1', method: 'check', amount: 100_000, balanceAfter: 400_000, postedAt: NOW.toISOString() };
  const noteContact = { type: 'NoteContactAttempt' as const, attemptId: 'att-1', channel: 'call', occurredAt: NOW.toISOString() };

  it('notes a posted payment once (a redelivery changes nothing)', () => {
    given(accountDecider, [placed]).when(notePayment).then([paymentNoted()]);
    given(accountDecider, [placed, paymentNoted()]).when(notePayment).then([]);
  });

  it('notes the first contact attempt only: work began', () => {
    given(accountDecider, [placed]).when(noteContact).then([contactNoted]);
    given(accountDecider, [placed, contactNoted]).when({ ...noteContact, attemptId: 'att-2' }).then([]);
  });

  it('ignores messages for an account it does not have', () => {
    given(accountDecider).when(notePayment).then([]);
    given(accountDecider).when(noteContact).then([]);
  });
});
