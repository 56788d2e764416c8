import { given } from '@lib/es-core/testing/given-when-then';
import { referralDecider } from './referral.decider';
import { caseAfter, closed, daysAfterPlacement, opened, paymentNoted } from './referral.fixtures';
import { lastPayment } from './referral.state';

describe('keeping the balance and the status of a referral case', () => {
  const paidAt = daysAfterPlacement(10);
  const payment = { type: 'NotePayment' as const, paymentId: 'p-1', amount: 100_000, balanceAfter: 650_050, paidAt: paidAt.toISOString() };

  it('notes a payment with the balance payments reported after it', () => {
    given(referralDecider, [opened()]).when(payment).then([paymentNoted('p-1', 100_000, 650_050, paidAt)]);
  });

  it('notes a payment once, however often it is reported', () => {
    given(referralDecider, [opened(), paymentNoted('p-1', 100_000, 650_050, paidAt)]).when(payment).then([]);
  });

  it('restores the balance when a payment is reversed, and forgets it as the last payment', () => {
    const reversal = { type: 'NotePaymentReversal' as const, paymentId: 'p-1', amount: 100_000, balanceAfter: 750_050, reversedAt: daysAfterPlacement(12).toISOString() };
    const { decision } = given(referralDecider, [opened(), paymentNoted('p-1', 100_000, 650_050, paidAt)]).when(reversal);
    expect(decision).toEqual([{ type: 'PaymentReversalNoted', data: { accountId: 'acc-1', paymentId: 'p-1', amount: 100_000, balanceAfter: 750_050, reversedAt: reversal.reversedAt } }]);
    const after = caseAfter([opened(), paymentNoted('p-1', 100_000, 650_050, paidAt), ...(decision as never[])]);
    expect(after.balance).toBe(750_050);
    expect(lastPayment(after)).toBeUndefined();
  });

  it('closes the case when the account closes, once', () => {
    const close = { type: 'CloseReferralCase' as const, closingCode: 'recalled', closedAt: daysAfterPlacement(10).toISOString() };
    given(referralDecider, [opened()]).when(close).then([closed('recalled')]);
    given(referralDecider, [opened(), closed('recalled')]).when(close).then([]);
  });

  it('refuses a payment for an account it has no case for', () => {
    given(referralDecider).when(payment).thenRejects('referral-unknown');
  });
});
