import { ExpectedVersion, WrongExpectedVersionError } from '@lib/es-core';
import { CurrentVersion, assertExpectedVersion, expectedVersionHolds, validateExpectedVersion } from './expected-version';

describe('expected version', () => {
  const cases: Array<[ExpectedVersion, CurrentVersion, boolean]> = [
    ['any', 'no_stream', true],
    ['any', 4, true],
    ['no_stream', 'no_stream', true],
    ['no_stream', 0, false],
    ['stream_exists', 'no_stream', false],
    ['stream_exists', 0, true],
    [3, 3, true],
    [3, 2, false],
    [0, 'no_stream', false],
  ];

  it.each(cases)('expected %p against current %p holds: %p', (expected, current, holds) => {
    expect(expectedVersionHolds(expected, current)).toBe(holds);
  });

  it('does not throw when it holds', () => {
    expect(() => assertExpectedVersion('account-1', 5, 5)).not.toThrow();
  });

  it('names the stream, the expectation and the actual version when it does not hold', () => {
    expect(() => assertExpectedVersion('account-1', 2, 5)).toThrow(WrongExpectedVersionError);
    expect(() => assertExpectedVersion('account-1', 'no_stream', 5)).toThrow(
      expect.objectContaining({ streamId: 'account-1', expected: 'no_stream', actual: 5 }),
    );
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p as a caller error, not a conflict', (expected) => {
    expect(() => validateExpectedVersion(expected)).toThrow(RangeError);
  });
});
