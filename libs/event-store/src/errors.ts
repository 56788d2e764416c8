/**
 * An event id is already in the store. Event ids are unique across the whole store, so
 * this is a retried or duplicated command, not a concurrency conflict: reload and decide
 * again rather than retrying the same events.
 */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly streamId: string,
    options?: { cause?: unknown },
  ) {
    super(`stream ${streamId}: an event id in this append is already stored`, options);
    this.name = 'DuplicateEventIdError';
  }
}
