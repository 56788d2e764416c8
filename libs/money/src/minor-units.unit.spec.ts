import { formatMajorUnits, minorUnitsOf, parseMajorUnits } from './minor-units';
import { percentOf, percentOfSlices } from './money';

describe('ISO 4217 minor units', () => {
  it('knows the currencies without, with two and with three decimals', () => {
    expect(['JPY', 'USD', 'EUR', 'BHD', 'KWD', 'OMR', 'JOD', 'TND'].map(minorUnitsOf)).toEqual([0, 2, 2, 3, 3, 3, 3, 3]);
    expect(minorUnitsOf('XYZ')).toBeUndefined();
  });

  it('reads "300.00" per currency into minor units', () => {
    expect(parseMajorUnits('300.00', 'USD')).toEqual({ ok: true, minor: 30_000 });
    expect(parseMajorUnits('300', 'USD')).toEqual({ ok: true, minor: 30_000 });
    expect(parseMajorUnits('300', 'JPY')).toEqual({ ok: true, minor: 300 });
    expect(parseMajorUnits('300.125', 'BHD')).toEqual({ ok: true, minor: 300_125 });
    expect(parseMajorUnits('0.5', 'KWD')).toEqual({ ok: true, minor: 500 });
  });

  it('refuses more precision than the currency has, and anything that is not a plain decimal', () => {
    expect(parseMajorUnits('300.1250', 'BHD')).toMatchObject({ ok: false, reason: expect.stringMatching(/3 decimals/) });
    expect(parseMajorUnits('300.5', 'JPY')).toMatchObject({ ok: false, reason: expect.stringMatching(/no minor unit/) });
    expect(parseMajorUnits('300.001', 'USD')).toMatchObject({ ok: false });
    for (const bad of ['-1', '1e3', '1,000.00', '', ' 1', 300]) expect(parseMajorUnits(bad, 'USD').ok).toBe(false);
    expect(parseMajorUnits('1', 'XYZ')).toMatchObject({ ok: false, reason: expect.stringMatching(/XYZ/) });
    expect(parseMajorUnits('90071992547409.92', 'USD')).toMatchObject({ ok: false, reason: 'is too large' });
  });

  it('writes minor units back with exactly the currency decimals', () => {
    expect([formatMajorUnits(30_000, 'USD'), formatMajorUnits(300, 'JPY'), formatMajorUnits(300_000, 'BHD'), formatMajorUnits(5, 'USD'), formatMajorUnits(-5, 'KWD')]).toEqual([
      '300.00',
      '300',
      '300.000',
      '0.05',
      '-0.005',
    ]);
    for (const [minor, currency] of [[1, 'BHD'], [123_456, 'USD'], [7, 'JPY']] as const) {
      expect(parseMajorUnits(formatMajorUnits(minor, currency), currency)).toEqual({ ok: true, minor });
    }
  });
});

describe('percent of slices', () => {
  it('rounds the sum once, half-up, not each slice', () => {
    // 1 at 50% = 0.5 and 1 at 50% = 0.5: one rounding gives 1, two roundings would give 2.
    expect(percentOfSlices([{ amount: 1, basisPoints: 5_000 }, { amount: 1, basisPoints: 5_000 }])).toBe(1);
    expect(percentOfSlices([{ amount: 30_000, basisPoints: 5_000 }, { amount: 10_001, basisPoints: 2_000 }])).toBe(17_000);
    expect(percentOfSlices([{ amount: 1_002, basisPoints: 2_500 }])).toBe(percentOf(1_002, 2_500));
  });
});
