import { canonicalJson, decodeJson, encodeJson } from './codec';

describe('event data codec', () => {
  it('round-trips bigints beyond 2^53 and dates through plain JSON', () => {
    const value = { big: 2n ** 70n, at: new Date('2026-03-01T12:00:00.000Z'), list: [1, 'two', { three: 3n }] };
    const wire = JSON.parse(JSON.stringify(encodeJson(value)));
    expect(decodeJson(wire)).toEqual(value);
  });

  it('drops undefined fields like JSON does, and refuses non-finite numbers', () => {
    expect(encodeJson({ a: undefined, b: 1 })).toEqual({ b: 1 });
    expect(() => encodeJson({ a: Number.NaN })).toThrow(/non-finite/);
  });

  it('writes keys in one order whatever order they were built in', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('reads an object that only looks like a tag as the plain object it was, so its hash still verifies', () => {
    // Stores refuse such keys at append; these guard data written before they did.
    const lookalikes = { note: { $date: '2026-01-01' }, amount: { $bigint: '12.5' }, empty: { $date: '' } };
    const decoded = decodeJson(JSON.parse(JSON.stringify(encodeJson(lookalikes))));
    expect(decoded).toEqual(lookalikes);
    expect(canonicalJson(decoded)).toBe(canonicalJson(lookalikes));
  });

  it('still reads what it wrote as tags', () => {
    const value = { at: new Date('2026-01-01T00:00:00.000Z'), big: -(2n ** 64n), zero: 0n };
    expect(decodeJson(JSON.parse(JSON.stringify(encodeJson(value))))).toEqual(value);
  });
});
