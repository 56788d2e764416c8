import { recoveryRateBp } from './recovery-rate';

describe('the recovery rate', () => {
  it('is collected over placed in basis points, rounded half-up', () => {
    expect(recoveryRateBp(1, 3)).toBe(3_333);
    expect(recoveryRateBp(2, 3)).toBe(6_667);
    expect(recoveryRateBp(1, 20_000)).toBe(1);
    expect(recoveryRateBp(1, 20_001)).toBe(0);
    expect(recoveryRateBp(750_050, 750_050)).toBe(10_000);
  });

  it('mirrors the rounding for a negative collected figure, as percentOf does', () => {
    expect(recoveryRateBp(-1, 20_000)).toBe(-1);
    expect(recoveryRateBp(-2, 3)).toBe(-6_667);
  });

  it('is zero while nothing is placed', () => {
    expect(recoveryRateBp(500, 0)).toBe(0);
  });

  it('stays exact where floating point would not', () => {
    expect(recoveryRateBp(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1)).toBe(10_000);
    expect(() => recoveryRateBp(0.5, 100)).toThrow(/whole minor units/);
  });
});
