import { EventToAppend, ExpectedVersion } from '@lib/es-core';
import { validateExpectedVersion } from './expected-version';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refuses malformed events before any I/O, with a message naming the event, instead of
 * a driver error halfway through a batch. Every adapter stores the event id as a UUID
 * and indexes `occurredAt` for point-in-time reads, so both must parse.
 */
export function validateEventsToAppend(streamId: string, events: readonly EventToAppend[]): void {
  validate(streamId, events, true);
}

/**
 * The same checks except those inside data and metadata, for a caller that has ruled
 * those out another way and otherwise calls {@link validateEventsToAppend} (the
 * PostgreSQL creation of a stream reads its own canonical JSON text instead of walking
 * every value twice: postgres/new-stream-append.ts).
 */
export function validateEventEnvelopes(streamId: string, events: readonly EventToAppend[]): void {
  validate(streamId, events, false);
}

function validate(streamId: string, events: readonly EventToAppend[], content: boolean): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('stream id must be a non-empty string');
  events.forEach((event, index) => {
    const where = `stream ${streamId}, event #${index}`;
    if (typeof event.type !== 'string' || event.type.length === 0) throw new TypeError(`${where}: type must be a non-empty string`);
    if (!event.metadata || typeof event.metadata !== 'object') throw new TypeError(`${where}: metadata is missing`);
    if (typeof event.metadata.eventId !== 'string' || !UUID.test(event.metadata.eventId)) {
      throw new TypeError(`${where}: metadata.eventId must be a UUID; got ${String(event.metadata.eventId)}`);
    }
    if (typeof event.metadata.occurredAt !== 'string' || Number.isNaN(Date.parse(event.metadata.occurredAt))) {
      throw new TypeError(`${where}: metadata.occurredAt must be an ISO-8601 instant; got ${String(event.metadata.occurredAt)}`);
    }
    if (!content) return;
    const bad = findPath(event.data, 'data', UNSTORABLE) ?? findPath(event.metadata, 'metadata', UNSTORABLE);
    if (bad) throw new TypeError(`${where}: ${bad} holds a NUL character or a lone UTF-16 surrogate, which cannot be stored`);
    const reserved = findPath(event.data, 'data', RESERVED_KEY) ?? findPath(event.metadata, 'metadata', RESERVED_KEY);
    if (reserved) {
      throw new TypeError(`${where}: ${reserved}: object keys starting with '$' are reserved for the codec's tags ($bigint, $date); rename the field`);
    }
  });
}

/** Every append of an `appendToStreams` call, before any I/O; a stream named twice is refused too. */
export function validateStreamAppends(appends: readonly { streamId: string; events: readonly EventToAppend[]; expectedVersion: ExpectedVersion }[]): void {
  const seen = new Set<string>();
  for (const { streamId, events, expectedVersion } of appends) {
    validateExpectedVersion(expectedVersion);
    validateEventsToAppend(streamId, events);
    if (seen.has(streamId)) throw new RangeError(`stream ${streamId} appears twice in one appendToStreams call`);
    seen.add(streamId);
  }
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** What one check refuses: object keys, string values, or both. */
interface Refusal {
  key?: (key: string) => boolean;
  text?: (text: string) => boolean;
}

/**
 * PostgreSQL's jsonb refuses both, and EventStoreDB would store them; refusing them in
 * every adapter keeps one behaviour whichever store runs.
 */
const UNSTORABLE: Refusal = { key: unstorable, text: unstorable };

/**
 * The codec writes bigints and dates as `{ "$bigint": ... }` and `{ "$date": ... }`, so
 * data of the same shape would come back as the wrong type (and then fail its hash).
 * Refusing every `$` key, not only those two, keeps the stored form exactly the data and
 * leaves room for another tag later.
 */
const RESERVED_KEY: Refusal = { key: (key) => key.startsWith('$') };

/** The path of the first object key or string value in `value` that `refusal` refuses. */
function findPath(value: unknown, path: string, refusal: Refusal): string | null {
  const trail = findTrail(value, refusal);
  return trail === null ? null : path + trail;
}

/**
 * The rest of that path, built only once something is found: appends call this for every
 * event, and building a path string per visited key cost more than the checks themselves.
 */
function findTrail(value: unknown, refusal: Refusal): string | null {
  if (typeof value === 'string') return refusal.text?.(value) ? '' : null;
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  const isArray = Array.isArray(value);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!isArray && refusal.key?.(key)) return `.${key}`;
    const found = findTrail(record[key], refusal);
    if (found !== null) return isArray ? `[${key}]${found}` : `.${key}${found}`;
  }
  return null;
}
