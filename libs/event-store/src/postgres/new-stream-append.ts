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
import { createHash } from 'node:crypto';
import { EventToAppend, GENESIS_HASH } from '@lib/es-core';
import { canonicalEncode } from '../sql/canonical-encode';
import { POSITION_TX_SHIFT, SqlNames, Statement, hashTail } from '../sql/sql-statements';

const POSITIONS_PER_TX = 2 ** POSITION_TX_SHIFT;

/** One row per inserted event. */
export interface NewStreamRow {
  global_position: string | bigint;
}

/** The stored metadata of each event (its own fields plus `previousHash` and `hash`) as JSON text, linked from GENESIS. */
export function chainNewStream(streamId: string, events: readonly EventToAppend[]): { data: string[]; metadata: string[] } {
  const data = new Array<string>(events.length);
  const metadata = new Array<string>(events.length);
  let previous = GENESIS_HASH;
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index];
    const { previousHash: _previous, hash: _hash, ...ownMetadata } = event.metadata;
    const eventData = canonicalEncode(event.data);
    const eventMetadata = canonicalEncode(ownMetadata);
    // The body the append function hashes (and `hashEvent` of @lib/es-core), version = index.
    const hash = createHash('sha256')
      .update(`${previous}\n{"data":${eventData},"metadata":${eventMetadata}${hashTail(streamId, event.type)}${index}}`)
      .digest('hex');
    data[index] = eventData;
    // Own metadata always holds eventId, so it is never '{}'.
    metadata[index] = `${eventMetadata.slice(0, -1)},"hash":"${hash}","previousHash":"${previous}"}`;
    previous = hash;
  }
  return { data, metadata };
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

/** Appends `events` (at least one) as versions 0.. of a new stream; fails on the unique keys otherwise. */
export function newStreamStatement(names: SqlNames, streamId: string, events: readonly EventToAppend[]): Statement {
  const { data, metadata } = chainNewStream(streamId, events);
  const columns = `${names.events} (global_position, stream_id, version, event_id, type, data, metadata, occurred_at)`;
  if (events.length === 1) {
    const [event] = events;
    return {
      name: `es_new_stream_1_${names.schema}`,
      text: `${basePositionSql(names, '$1')}
        INSERT INTO ${columns}
        SELECT next_free.position, $1::text, 0, $2::uuid, $3::text, $4::jsonb, $5::jsonb, $6::timestamptz FROM next_free
        RETURNING global_position`,
      values: [streamId, event.metadata.eventId, event.type, data[0], metadata[0], event.metadata.occurredAt],
    };
  }
  // Each column travels as one JSON array of strings (see textArray in sql-statements.ts), zipped by ROWS FROM.
  const column = (index: number) => `json_array_elements_text($${index}::json)`;
  return {
    name: `es_new_stream_n_${names.schema}`,
    text: `${basePositionSql(names, '$1')}
      INSERT INTO ${columns}
      SELECT next_free.position + e.n - 1, $1::text, (e.n - 1)::int, e.event_id::uuid, e.type, e.data::jsonb, e.metadata::jsonb, e.occurred_at::timestamptz
      FROM next_free, ROWS FROM (${column(2)}, ${column(3)}, ${column(4)}, ${column(5)}, ${column(6)})
        WITH ORDINALITY AS e(event_id, type, data, metadata, occurred_at, n)
      RETURNING global_position`,
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
