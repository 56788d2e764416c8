/**
 * Every SQL statement the PostgreSQL and PGlite adapters run, built in one place so the
 * two stores cannot drift apart. Statements are plain `{ text, values }`; values are
 * strings, numbers or null only, because `pg` and PGlite serialise those the same way
 * (bigints travel as decimal strings and are cast in SQL).
 */
import { createHash } from 'node:crypto';
import { EventToAppend, Json, RecordedEvent, decodeJson, encodeJson } from '@lib/es-core';

export interface Statement {
  text: string;
  values: Array<string | number | null>;
}

/** Lower-case only: PGlite sends `LISTEN <name>` unquoted, which folds to lower case. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** Constraint names the adapters recognise in unique-violation errors. */
export const STREAM_VERSION_CONSTRAINT = 'events_stream_version_key';
export const EVENT_ID_CONSTRAINT = 'events_event_id_key';

/**
 * Postgres accepts at most 65535 bind parameters per statement; 6 per row would allow
 * ~10k rows, but a 1000-row chunk keeps each statement's parse and plan cheap.
 */
export const INSERT_CHUNK_ROWS = 1000;

/** Names derived from the schema: quoted table names, the notification channel, lock keys. */
export interface SqlNames {
  schema: string;
  events: string;
  checkpoints: string;
  channel: string;
  appendLockKey: string;
  migrateLockKey: string;
}

export function sqlNames(schema: string): SqlNames {
  if (!SCHEMA_NAME.test(schema)) {
    throw new RangeError(`schema name must match ${SCHEMA_NAME.source}; got ${JSON.stringify(schema)}`);
  }
  return {
    schema,
    events: `"${schema}".events`,
    checkpoints: `"${schema}".checkpoints`,
    channel: `${schema}_events`,
    appendLockKey: advisoryLockKey(`event-store:append:${schema}`),
    migrateLockKey: advisoryLockKey(`event-store:migrate:${schema}`),
  };
}

/**
 * A stable signed 64-bit key per schema, so appends to different schemas (one per test,
 * or one per tenant) do not queue behind each other.
 */
export function advisoryLockKey(label: string): string {
  return createHash('sha256').update(label).digest().readBigInt64BE(0).toString();
}

/**
 * Idempotent DDL, run inside one transaction under a migration lock so that two
 * processes starting together do not race on `CREATE ... IF NOT EXISTS`.
 */
export function migrationStatements(names: SqlNames): Statement[] {
  return [
    { text: 'SELECT pg_advisory_xact_lock($1::bigint)', values: [names.migrateLockKey] },
    { text: `CREATE SCHEMA IF NOT EXISTS "${names.schema}"`, values: [] },
    {
      text: `CREATE TABLE IF NOT EXISTS ${names.events} (
        global_position bigserial PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL CHECK (version >= 0),
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT ${EVENT_ID_CONSTRAINT} UNIQUE (event_id),
        CONSTRAINT ${STREAM_VERSION_CONSTRAINT} UNIQUE (stream_id, version)
      )`,
      values: [],
    },
    {
      text: `CREATE TABLE IF NOT EXISTS ${names.checkpoints} (
        name text PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      values: [],
    },
  ];
}

/**
 * The first statements of every append transaction. READ COMMITTED is pinned because
 * the check that follows must see what the previous lock holder committed: under
 * REPEATABLE READ the snapshot would predate the wait for the lock.
 */
export function appendPreludeStatements(names: SqlNames): Statement[] {
  return [
    { text: 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED', values: [] },
    { text: 'SELECT pg_advisory_xact_lock($1::bigint)', values: [names.appendLockKey] },
  ];
}

export interface LastEventRow {
  version: number;
  hash: string | null;
  global_position: string | bigint;
}

export function lastEventStatement(names: SqlNames, streamId: string): Statement {
  return {
    text: `SELECT version, metadata->>'hash' AS hash, global_position
      FROM ${names.events} WHERE stream_id = $1 ORDER BY version DESC LIMIT 1`,
    values: [streamId],
  };
}

/**
 * Multi-row INSERTs, chunked; the caller runs them in one transaction. The events must
 * already carry their hash-chain link.
 */
export function insertEventsStatements(
  names: SqlNames,
  streamId: string,
  firstVersion: number,
  events: readonly EventToAppend[],
  chunkRows = INSERT_CHUNK_ROWS,
): Statement[] {
  const statements: Statement[] = [];
  for (let start = 0; start < events.length; start += chunkRows) {
    const chunk = events.slice(start, start + chunkRows);
    const values: Array<string | number | null> = [streamId];
    const tuples = chunk.map((event, index) => {
      const base = values.length;
      values.push(
        firstVersion + start + index,
        event.metadata.eventId,
        event.type,
        JSON.stringify(encodeJson(event.data)),
        JSON.stringify(encodeJson(event.metadata)),
        event.metadata.occurredAt,
      );
      return `($1, $${base + 1}::int, $${base + 2}::uuid, $${base + 3}, $${base + 4}::jsonb, $${base + 5}::jsonb, $${base + 6}::timestamptz)`;
    });
    statements.push({
      text: `INSERT INTO ${names.events} (stream_id, version, event_id, type, data, metadata, occurred_at)
        VALUES ${tuples.join(', ')} RETURNING global_position`,
      values,
    });
  }
  return statements;
}

/** Delivered at COMMIT only, so a woken subscriber always finds the new rows. */
export function notifyStatement(names: SqlNames): Statement {
  return { text: `SELECT pg_notify($1, '')`, values: [names.channel] };
}

const EVENT_COLUMNS = 'global_position, stream_id, version, type, data, metadata';

export function readStreamStatement(
  names: SqlNames,
  streamId: string,
  options: { fromVersion?: number; toVersion?: number; toTime?: Date } = {},
): Statement {
  return {
    text: `SELECT ${EVENT_COLUMNS} FROM ${names.events}
      WHERE stream_id = $1
        AND ($2::int IS NULL OR version <= $2::int)
        AND ($3::timestamptz IS NULL OR occurred_at <= $3::timestamptz)
        AND ($4::int IS NULL OR version >= $4::int)
      ORDER BY version`,
    values: [streamId, options.toVersion ?? null, options.toTime ? options.toTime.toISOString() : null, options.fromVersion ?? null],
  };
}

export function readAllStatement(names: SqlNames, after: bigint | undefined, limit: number): Statement {
  return {
    text: `SELECT ${EVENT_COLUMNS} FROM ${names.events}
      WHERE global_position > $1::bigint ORDER BY global_position LIMIT $2::int`,
    values: [(after ?? 0n).toString(), limit],
  };
}

export function loadCheckpointStatement(names: SqlNames, name: string): Statement {
  return { text: `SELECT position FROM ${names.checkpoints} WHERE name = $1`, values: [name] };
}

export function saveCheckpointStatement(names: SqlNames, name: string, position: bigint): Statement {
  return {
    text: `INSERT INTO ${names.checkpoints} (name, position, updated_at) VALUES ($1, $2::bigint, now())
      ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    values: [name, position.toString()],
  };
}

/** `pg` returns int8 as a string, PGlite as a bigint; both become a bigint here. */
export interface EventRow {
  global_position: string | bigint;
  stream_id: string;
  version: number;
  type: string;
  data: Json;
  metadata: Json;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    version: Number(row.version),
    globalPosition: BigInt(row.global_position),
    type: row.type,
    data: decodeJson<Record<string, unknown>>(row.data),
    metadata: decodeJson<RecordedEvent['metadata']>(row.metadata),
  };
}
