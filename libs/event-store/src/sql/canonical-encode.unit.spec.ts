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
    ['event metadata', { eventId: '7a6f1c5e-8a59-4b1e-9d9e-0f3a1f1d2c3b', principal: { role: 'collector', id: 'c-7' }, occurredAt: '2024-05-01T10:00:00.000Z' }],
  ];

  it.each(samples)('equals canonicalJson for %s', (_, value) => {
    expect(canonicalEncode(value)).toBe(canonicalJson(value));
  });

  it('refuses non-finite numbers as encodeJson does', () => {
    expect(() => canonicalEncode({ ratio: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ ratio: Number.NaN })).toThrow(TypeError);
  });
});
