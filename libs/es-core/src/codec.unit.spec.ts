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
});
