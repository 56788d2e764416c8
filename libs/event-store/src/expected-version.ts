import { ExpectedVersion, WrongExpectedVersionError } from '@lib/es-core';

/** The state of a stream as an adapter found it: its last version, or none. */
export type CurrentVersion = number | 'no_stream';

/**
 * Rejects an expected version that can never hold, before any I/O, so that a caller's
 * mistake (`-1`, `1.5`) is not reported as a concurrency conflict.
 */
export function validateExpectedVersion(expected: ExpectedVersion): void {
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new RangeError(`expected version must be a non-negative integer, 'no_stream', 'stream_exists' or 'any'; got ${expected}`);
  }
}

/**
 * The one place every adapter decides whether an append may go ahead, so the
 * semantics of `ExpectedVersion` cannot drift between stores.
 */
export function assertExpectedVersion(streamId: string, expected: ExpectedVersion, current: CurrentVersion): void {
  if (!expectedVersionHolds(expected, current)) throw new WrongExpectedVersionError(streamId, expected, current);
}

export function expectedVersionHolds(expected: ExpectedVersion, current: CurrentVersion): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === 'no_stream';
    case 'stream_exists':
      return current !== 'no_stream';
    default:
      return current === expected;
  }
}
