import { canonicalJson } from '@lib/es-core';
import { canonicalEncode } from './canonical-encode';

describe('canonicalEncode', () => {
  const samples: Array<[string, unknown]> = [
    ['primitives', [null, true, false, 0, -0, 1.5, -7, 1e21, 2 ** 53 - 1, '', 'text']],
    ['escapes and unicode', { quote: '"', backslash: '\\', controls: '\u0001\n\t\r\b\f\u001f', emoji: '👩🏽‍⚖️🏦', rtl: 'مرحبا', line: '\u2028', del: '\u007f' }],
    ['tags', { big: 2n ** 64n + 7n, negative: -(2n ** 60n) - 3n, at: new Date('2024-02-29T23:59:59.123Z') }],
    ['sorting at every depth', { z: 1, a: { y: [3, { d: 1, c: 2 }], b: null }, B: 2, _: 3, 'é': 4 }],
    ['integer-like keys, which objects list first', { b: 1, '10': 5, '9': 6, '01': 7, '-1': 8, '4294967295': 9, '4294967294': 10, a: { '2': 1, x: 2, '1': 3 } }],
    ['undefined, functions and symbols', { gone: undefined, fn: () => 1, sym: Symbol('s'), list: [undefined, () => 1, Symbol('s'), 1] }],
    ['nested arrays and empties', [[1, [2, [3, { deep: [4n, new Date('2000-01-01T00:00:00.000Z')] }]]], [], [[]], {}]],
    ['many keys, and keys that compare by UTF-16 code units', Object.fromEntries(['b', 'a', 'B', 'é', 'z', '😀', '\uffff', 'aa', 'a_', 'a-', ...Array.from({ length: 30 }, (_, index) => `k${(index * 7) % 30}`)].map((key, index) => [key, index]))],
    ['a long key and a key that is a digit without being an index', { ['x'.repeat(100)]: 1, '1a': 2, '0': 3, '007': 4 }],
    ['event metadata', { eventId: '7a6f1c5e-8a59-4b1e-9d9e-0f3a1f1d2c3b', principal: { role: 'collector', id: 'c-7' }, occurredAt: '2024-05-01T10:00:00.000Z' }],
  ];

  it.each(samples)('equals canonicalJson for %s', (_, value) => {
    expect(canonicalEncode(value)).toBe(canonicalJson(value));
  });

  it('equals canonicalJson for a thousand random values', () => {
    let seed = 42;
    const next = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const keyPool = ['a', 'b', 'B', '_', 'é', '10', '9', '01', 'id', 'amount', 'minor', '$x', 'a b', '😀', ''];
    const randomValue = (depth: number): unknown => {
      switch (next(depth > 3 ? 5 : 8)) {
        case 0:
          return null;
        case 1:
          return next(2) === 0;
        case 2:
          return next(1_000_000) / (next(5) + 1) - 5_000;
        case 3:
          return keyPool[next(keyPool.length)] + '"\\\n'.slice(0, next(4));
        case 4:
          return next(3) === 0 ? BigInt(next(1_000_000)) * 10n ** 15n : new Date(next(2 ** 30) * 1000);
        case 5:
        case 6:
          return Object.fromEntries(Array.from({ length: next(20) }, () => [keyPool[next(keyPool.length)] + String(next(3) === 0 ? next(40) : ''), randomValue(depth + 1)]));
        default:
          return Array.from({ length: next(5) }, () => randomValue(depth + 1));
      }
    };
    for (let sample = 0; sample < 1000; sample += 1) {
      const value = randomValue(0);
      expect(canonicalEncode(value)).toBe(canonicalJson(value));
    }
  });

  it('refuses non-finite numbers as encodeJson does', () => {
    expect(() => canonicalEncode({ ratio: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ ratio: Number.NaN })).toThrow(TypeError);
  });
});
