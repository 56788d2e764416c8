import { commissionOf, CommissionInput, tierOf } from './commission';
import { ratePlan } from './commission.fixtures';

const account = { category: 'standard' as const, ageDaysAtPlacement: 100, placedAmount: 100_000 };
const input = (overrides: Partial<CommissionInput> = {}): CommissionInput => ({
  plan: ratePlan(),
  account,
  withAttorney: false,
  collectedBefore: 0,
  commissionBefore: 0,
  applied: 10_000,
  feeCase: null,
  ...overrides,
});

describe('the tier of an account', () => {
  const plan = ratePlan({
    tiers: [
      { tierId: 'nsf', category: 'nsf-cheque', rateBp: 5_000 },
      { tierId: 'aged', minAgeDays: 365, rateBp: 3_300 },
      { tierId: 'small', maxPlacedAmount: 50_000, rateBp: 3_000 },
      { tierId: 'large', minPlacedAmount: 1_000_000, rateBp: 2_000 },
    ],
  });

  it('is the first tier whose every condition holds, by category, age at placement and amount placed', () => {
    expect(tierOf(plan, { ...account, category: 'nsf-cheque', ageDaysAtPlacement: 400 })).toEqual({ tierId: 'nsf', rateBp: 5_000 });
    expect(tierOf(plan, { ...account, ageDaysAtPlacement: 365 })).toEqual({ tierId: 'aged', rateBp: 3_300 });
    expect(tierOf(plan, { ...account, ageDaysAtPlacement: 364, placedAmount: 49_999 })).toEqual({ tierId: 'small', rateBp: 3_000 });
    expect(tierOf(plan, { ...account, placedAmount: 1_000_000 })).toEqual({ tierId: 'large', rateBp: 2_000 });
  });

  it('treats a minimum as inclusive and a maximum as exclusive, and falls back to the base rate', () => {
    expect(tierOf(plan, { ...account, placedAmount: 50_000 })).toEqual({ tierId: 'base', rateBp: 2_500 });
    expect(tierOf(plan, { ...account, placedAmount: 999_999 })).toEqual({ tierId: 'base', rateBp: 2_500 });
  });
});

describe('the commission on a payment', () => {
  it('charges the tier rate, rounded half-up', () => {
    expect(commissionOf(input({ applied: 1_002 }))).toEqual({ commission: 251, rateBp: 2_500, tierId: 'base' });
  });

  describe('collected-to-date thresholds ("first 300.00 at 50%, then 20%")', () => {
    const plan = ratePlan({ baseRateBp: 2_000, collectedThresholds: [{ upTo: 30_000, rateBp: 5_000 }] });

    it('charges the first 300.00 the account collects at 50%', () => expect(commissionOf(input({ plan, applied: 20_000 })).commission).toBe(10_000));

    it('counts what earlier payments collected, and splits a payment across the threshold', () => {
      // 100.00 left under the threshold at 50%, the other 100.00 at 20%.
      expect(commissionOf(input({ plan, collectedBefore: 20_000, applied: 20_000 })).commission).toBe(5_000 + 2_000);
    });

    it('charges the tier rate once the threshold is passed', () => expect(commissionOf(input({ plan, collectedBefore: 30_000, applied: 10_000 })).commission).toBe(2_000));

    it('rounds the split once, not slice by slice', () => {
      const cents = ratePlan({ baseRateBp: 5_000, collectedThresholds: [{ upTo: 1, rateBp: 5_000 }] });
      expect(commissionOf(input({ plan: cents, applied: 2 })).commission).toBe(1);
    });

    it('walks several thresholds in order', () => {
      const stepped = ratePlan({ baseRateBp: 1_000, collectedThresholds: [{ upTo: 10_000, rateBp: 5_000 }, { upTo: 20_000, rateBp: 3_000 }] });
      expect(commissionOf(input({ plan: stepped, collectedBefore: 5_000, applied: 25_000 })).commission).toBe(2_500 + 3_000 + 1_000);
    });
  });

  it('charges only the legal rate once the account is with an attorney, thresholds and tiers aside', () => {
    const plan = ratePlan({ collectedThresholds: [{ upTo: 30_000, rateBp: 5_000 }], tiers: [{ tierId: 'all', rateBp: 1_000 }] });
    expect(commissionOf(input({ plan, withAttorney: true }))).toEqual({ commission: 4_000, rateBp: 4_000, tierId: 'legal' });
  });

  it('halves the commission for a half-fee case the plan names, and only then', () => {
    const plan = ratePlan({ halfFeeCases: ['returned-merchandise'] });
    expect(commissionOf(input({ plan, applied: 10_002, feeCase: 'returned-merchandise' })).commission).toBe(1_251); // 2500.5 -> 2501 -> 1250.5 -> 1251
    expect(commissionOf(input({ plan, feeCase: 'paid-before-placement' })).commission).toBe(2_500);
  });

  it('lifts a small commission to the minimum fee, but never above the amount applied', () => {
    const plan = ratePlan({ minimumFee: 1_000 });
    expect(commissionOf(input({ plan, applied: 2_000 })).commission).toBe(1_000);
    expect(commissionOf(input({ plan, applied: 600 })).commission).toBe(600);
    expect(commissionOf(input({ plan, applied: 10_000 })).commission).toBe(2_500);
  });

  it("caps the account's commission together at the maximum fee, which wins over the minimum", () => {
    const plan = ratePlan({ maximumFee: 5_000, minimumFee: 1_000 });
    expect(commissionOf(input({ plan, commissionBefore: 4_000 })).commission).toBe(1_000);
    expect(commissionOf(input({ plan, commissionBefore: 4_500 })).commission).toBe(500);
    expect(commissionOf(input({ plan, commissionBefore: 5_000 })).commission).toBe(0);
  });
});
