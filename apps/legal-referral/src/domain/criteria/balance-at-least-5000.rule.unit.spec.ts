import { caseAfter, daysAfterPlacement, opened, paymentNoted } from '../referral/referral.fixtures';
import { balanceAtLeast5000 } from './balance-at-least-5000.rule';

describe('balance-at-least-5000', () => {
  const now = daysAfterPlacement(45);

  it('passes an account placed at 7,500.50', () => {
    expect(balanceAtLeast5000.check({ referral: caseAfter([opened()]), now })).toEqual({ pass: true });
  });

  it('passes a balance of exactly 5,000.00', () => {
    expect(balanceAtLeast5000.check({ referral: caseAfter([opened({ balance: 500_000 })]), now })).toEqual({ pass: true });
  });

  it('refuses a balance one cent below 5,000.00, saying by how much it falls short', () => {
    expect(balanceAtLeast5000.check({ referral: caseAfter([opened({ balance: 499_999 })]), now })).toEqual({
      pass: false,
      reason: 'balance 4,999.99 USD is below 5,000.00',
    });
  });

  it('judges the balance after payments, not the placed amount', () => {
    const referral = caseAfter([opened(), paymentNoted('p-1', 300_000, 450_050, daysAfterPlacement(2))]);
    expect(balanceAtLeast5000.check({ referral, now }).pass).toBe(false);
  });
});
