import { add, money, percentOf, subtract } from './money';

describe('money', () => {
  it('rounds percentages half-up to the minor unit', () => {
    expect(percentOf(1_001, 2_500)).toBe(250); // 250.25 -> 250
    expect(percentOf(1_002, 2_500)).toBe(251); // 250.50 -> 251
    expect(percentOf(10_000, 3_300)).toBe(3_300);
    expect(percentOf(1, 5_000)).toBe(1); // 0.5 -> 1
  });

  it('mirrors a reversal exactly', () => {
    expect(percentOf(-1_002, 2_500)).toBe(-percentOf(1_002, 2_500));
  });

  it('stays exact for large amounts where floating point would not', () => {
    expect(percentOf(9_007_199_254_740_991, 3_333)).toBe(Number((9_007_199_254_740_991n * 3_333n + 5_000n) / 10_000n));
  });

  it('refuses fractions of a minor unit and mixed currencies', () => {
    expect(() => money(10.5, 'USD')).toThrow(/whole minor units/);
    expect(() => add(money(1, 'USD'), money(1, 'EUR'))).toThrow(/currency mismatch/);
    expect(subtract(money(500, 'USD'), money(200, 'USD'))).toEqual({ amount: 300, currency: 'USD' });
  });
});
