import { caseAfter, daysAfterPlacement, opened, paymentNoted } from '../referral/referral.fixtures';
import { noPaymentIn45Days } from './no-payment-in-45-days.rule';

describe('no-payment-in-45-days', () => {
  it('passes an account with no payment 45 days after placement', () => {
    expect(noPaymentIn45Days.check({ referral: caseAfter([opened()]), now: daysAfterPlacement(45) })).toEqual({ pass: true });
  });

  it('refuses an account placed less than 45 days ago, counting from placement', () => {
    expect(noPaymentIn45Days.check({ referral: caseAfter([opened()]), now: daysAfterPlacement(44, 23) })).toEqual({
      pass: false,
      reason: 'placed 44 days ago (2026-03-01T09:00:00.000Z); 45 days without payment are required',
    });
  });

  it('refuses an account that paid within the last 45 days', () => {
    const referral = caseAfter([opened(), paymentNoted('p-1', 10_000, 740_050, daysAfterPlacement(20))]);
    const verdict = noPaymentIn45Days.check({ referral, now: daysAfterPlacement(45) });
    expect(verdict).toEqual({ pass: false, reason: 'a payment was received 25 days ago (2026-03-21T09:00:00.000Z); 45 days without payment are required' });
  });

  it('passes again once 45 days have gone by since the last payment', () => {
    const referral = caseAfter([opened(), paymentNoted('p-1', 10_000, 740_050, daysAfterPlacement(20))]);
    expect(noPaymentIn45Days.check({ referral, now: daysAfterPlacement(65) })).toEqual({ pass: true });
  });

  it('does not count a payment that was reversed', () => {
    const referral = caseAfter([
      opened(),
      paymentNoted('p-1', 10_000, 740_050, daysAfterPlacement(20)),
      { type: 'PaymentReversalNoted', data: { accountId: 'acc-1', paymentId: 'p-1', amount: 10_000, balanceAfter: 750_050, reversedAt: daysAfterPlacement(25).toISOString() } },
    ]);
    expect(noPaymentIn45Days.check({ referral, now: daysAfterPlacement(45) })).toEqual({ pass: true });
  });
});
