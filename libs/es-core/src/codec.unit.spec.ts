import fc from 'fast-check';
import { canonicalJson, decodeJson, encodeJson, Json } from './codec';

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

describe('canonical JSON written in one pass', () => {
  /** The definition: encode, insert every object's keys in sorted order, stringify. */
  function reference(value: unknown): string {
    const sortKeys = (json: Json): Json => {
      if (Array.isArray(json)) return json.map(sortKeys);
      if (json !== null && typeof json === 'object') {
        const out: { [key: string]: Json } = {};
        for (const key of Object.keys(json).sort()) out[key] = sortKeys(json[key]);
        return out;
      }
      return json;
    };
    return JSON.stringify(sortKeys(encodeJson(value)));
  }
  const outcome = (write: (value: unknown) => string, value: unknown): { text?: string; error?: string } => {
    try {
      return { text: write(value) };
    } catch (error) {
      return { error: (error as Error).constructor.name };
    }
  };

  it('writes what the definition writes, for any value events can hold', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: false }), (value) => {
        expect(outcome(canonicalJson, value)).toEqual(outcome(reference, value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('orders integer-like keys as the sorted copy lists them, and drops what JSON drops', () => {
    const value = { b: 1, 10: 'ten', 9: 'nine', a: [undefined, () => 1, Symbol('s'), -0], skipped: undefined, fn: () => 1, at: new Date(0), big: 12n };
    expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalJson(value)).toBe('{"9":"nine","10":"ten","a":[null,null,null,0],"at":{"$date":"1970-01-01T00:00:00.000Z"},"b":1,"big":{"$bigint":"12"}}');
  });
});
