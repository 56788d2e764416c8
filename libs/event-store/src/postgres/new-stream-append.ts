/**
 * The append that creates a stream (`expectedVersion: 'no_stream'`), as one plain INSERT
 * instead of a call of the append function. It is the commonest append (every command
 * that creates an aggregate, every scheduled item) and needs nothing the function reads:
 * the versions are 0..n-1 and the chain starts at GENESIS, so the client links the
 * hashes itself. The server then parses, plans once per connection and runs one INSERT,
 * where the function ran seven statements through PL/pgSQL (see docs/event-store.md,
 * "Creating a stream without the append function").
 *
 * What the function guarantees still holds:
 * - expected version: the unique key (stream_id, version) refuses version 0 of a stream
 *   that exists, also one another transaction is writing (the insert waits for it);
 * - appends with `any` or a version to the same stream: the statement takes the same
 *   per-stream lock first, so the function's head read, which runs after that lock,
 *   sees this stream once it commits instead of colliding with it;
 * - positions: the transaction's base position, continuing after what this transaction
 *   already appended, exactly as in the function.
 */
import { hash } from 'node:crypto';
import { EventToAppend, GENESIS_HASH } from '@lib/es-core';
import { canonicalEncode, droppedMemberCount } from '../sql/canonical-encode';
import { POSITION_TX_SHIFT, SqlNames, SqlValue, Statement, hashTail } from '../sql/sql-statements';

const POSITIONS_PER_TX = 2 ** POSITION_TX_SHIFT;

/**
 * Up to this many events a creation binds five parameters per event (one prepared
 * statement per count, so at most this many per connection); larger ones send each
 * column as one JSON array. Binding costs neither side any escaping or JSON parsing.
 */
export const MAX_BOUND_EVENTS = 64;

/** The one row of a creation: the position of its last event. */
export interface NewStreamRow {
  last_position: string | bigint;
}

/**
 * The stored data and metadata of each event as JSON text, the metadata with
 * `previousHash` and `hash` linked from GENESIS, and whether the text leaves any doubt
 * about what `validateEventsToAppend` checks inside data and metadata (see
 * {@link contentNeedsFullCheck}).
 */
export interface ChainedEvents {
  data: string[];
  metadata: string[];
  contentNeedsFullCheck: boolean;
}

/** Links `events` as versions 0.. of `streamId`. Throws what canonicalEncode throws (a non-finite number). */
export function chainNewStream(streamId: string, events: readonly EventToAppend[]): ChainedEvents {
  const data = new Array<string>(events.length);
  const metadata = new Array<string>(events.length);
  let doubt = false;
  let previous = GENESIS_HASH;
  // Consecutive events mostly share their type: its part of the hashed body is built once per run.
  let tailType: string | undefined;
  let tail = '';
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index];
    if (event.type !== tailType) {
      tailType = event.type;
      tail = hashTail(streamId, tailType);
    }
    const { previousHash: _previous, hash: _hash, ...ownMetadata } = event.metadata;
    const dropped = droppedMemberCount();
    const eventData = canonicalEncode(event.data);
    const eventMetadata = canonicalEncode(ownMetadata);
    // What is in the value but not in the text (hash fields the caller sent, members the
    // encoding leaves out) is still checked by the full walk.
    doubt ||=
      contentNeedsFullCheck(eventData) ||
      contentNeedsFullCheck(eventMetadata) ||
      _previous !== undefined ||
      _hash !== undefined ||
      droppedMemberCount() !== dropped;
    // The body the append function hashes (and `hashEvent` of @lib/es-core), version = index.
    const link = hash('sha256', `${previous}\n{"data":${eventData},"metadata":${eventMetadata}${tail}${index}}`, 'hex');
    data[index] = eventData;
    // Own metadata always holds eventId, so it is never '{}'.
    metadata[index] = `${eventMetadata.slice(0, -1)},"hash":"${link}","previousHash":"${previous}"}`;
    previous = link;
  }
  return { data, metadata, contentNeedsFullCheck: doubt };
}

/**
 * Whether canonical JSON text may hold what the append validation refuses inside data or
 * metadata: a key starting with `$`, a NUL or a lone surrogate. JSON.stringify escapes the
 * last two as `\u....`, and every key and every `$`-string starts with `"$`; text with
 * neither cannot hold them, so the walk over the value is skipped (unless the encoding
 * left a member out: see chainNewStream). Text with either (also
 * a `\u` that is an escaped backslash, a `$date` tag or a string value starting with `$`)
 * gets the full walk, which decides.
 */
export function contentNeedsFullCheck(text: string): boolean {
  return text.includes('"$') || text.includes('\\u');
}

/** The first position free in this transaction, taken after the stream lock. */
function basePositionSql(names: SqlNames, streamParameter: string): string {
  return `WITH locked AS MATERIALIZED (
        SELECT pg_advisory_xact_lock(hashtextextended(${streamParameter}::text, ${names.streamLockSeed})) AS held
      ), tx AS MATERIALIZED (
        SELECT pg_current_xact_id()::text::bigint << ${POSITION_TX_SHIFT} AS base FROM locked
      ), next_free AS MATERIALIZED (
        SELECT coalesce((SELECT max(x.global_position) + 1 FROM ${names.events} x
          WHERE x.global_position >= tx.base AND x.global_position < tx.base + ${POSITIONS_PER_TX}), tx.base) AS position FROM tx
      )`;
}

const COLUMNS = '(global_position, stream_id, version, event_id, type, data, metadata, occurred_at)';

/** Appends `events` (at least one) as versions 0.. of a new stream; fails on the unique keys otherwise. */
export function newStreamStatement(names: SqlNames, streamId: string, events: readonly EventToAppend[], chained = chainNewStream(streamId, events)): Statement {
  return events.length <= MAX_BOUND_EVENTS ? boundStatement(names, streamId, events, chained) : jsonArrayStatement(names, streamId, events, chained);
}

/** Five parameters per event after the stream id: event id, type, data, metadata, occurred at. */
function boundStatement(names: SqlNames, streamId: string, events: readonly EventToAppend[], { data, metadata }: ChainedEvents): Statement {
  const count = events.length;
  const values = new Array<SqlValue>(1 + 5 * count);
  values[0] = streamId;
  for (let index = 0; index < count; index += 1) {
    const event = events[index];
    const at = 1 + 5 * index;
    values[at] = event.metadata.eventId;
    values[at + 1] = event.type;
    values[at + 2] = data[index];
    values[at + 3] = metadata[index];
    values[at + 4] = event.metadata.occurredAt;
  }
  const { name, text } = boundStatementText(names, count);
  return { name, text, values };
}

/** Per schema, by event count: built once, as pg prepares it once per connection. */
const boundTexts = new Map<string, Array<{ name: string; text: string }>>();

function boundStatementText(names: SqlNames, count: number): { name: string; text: string } {
  let bySize = boundTexts.get(names.schema);
  if (bySize === undefined) {
    bySize = [];
    boundTexts.set(names.schema, bySize);
  }
  let statement = bySize[count];
  if (statement === undefined) {
    const rows = Array.from({ length: count }, (_, index) => {
      const at = 2 + 5 * index;
      return `($${at}::uuid, $${at + 1}::text, $${at + 2}::jsonb, $${at + 3}::jsonb, $${at + 4}::timestamptz, ${index})`;
    });
    statement = {
      name: `es_new_stream_${count}_${names.schema}`,
      text: `${basePositionSql(names, '$1')}, appended AS (
        INSERT INTO ${names.events} ${COLUMNS}
        SELECT next_free.position + e.n, $1::text, e.n, e.event_id, e.type, e.data, e.metadata, e.occurred_at
        FROM next_free, (VALUES ${rows.join(', ')}) AS e(event_id, type, data, metadata, occurred_at, n)
        RETURNING global_position
      )
      SELECT max(global_position) AS last_position FROM appended`,
    };
    bySize[count] = statement;
  }
  return statement;
}

/** Each column as one JSON array of strings (see textArray in sql-statements.ts), zipped by ROWS FROM. */
function jsonArrayStatement(names: SqlNames, streamId: string, events: readonly EventToAppend[], { data, metadata }: ChainedEvents): Statement {
  const column = (index: number) => `json_array_elements_text($${index}::json)`;
  return {
    name: `es_new_stream_n_${names.schema}`,
    text: `${basePositionSql(names, '$1')}, appended AS (
        INSERT INTO ${names.events} ${COLUMNS}
        SELECT next_free.position + e.n - 1, $1::text, (e.n - 1)::int, e.event_id::uuid, e.type, e.data::jsonb, e.metadata::jsonb, e.occurred_at::timestamptz
        FROM next_free, ROWS FROM (${column(2)}, ${column(3)}, ${column(4)}, ${column(5)}, ${column(6)})
          WITH ORDINALITY AS e(event_id, type, data, metadata, occurred_at, n)
        RETURNING global_position
      )
      SELECT max(global_position) AS last_position FROM appended`,
    values: [
      streamId,
      JSON.stringify(events.map((event) => event.metadata.eventId)),
      JSON.stringify(events.map((event) => event.type)),
      JSON.stringify(data),
      JSON.stringify(metadata),
      JSON.stringify(events.map((event) => event.metadata.occurredAt)),
    ],
  };
}
