/**
 * Every SQL statement the PostgreSQL and PGlite adapters run, built in one place so the
 * two stores cannot drift apart. Statements are plain `{ text, values }`; values are
 * strings, numbers or null only, because `pg` and PGlite serialise those the same way
 * (bigints travel as decimal strings, arrays as JSON text, and are cast in SQL).
 */
import { createHash } from 'node:crypto';
import { EventToAppend, ExpectedVersion, GENESIS_HASH, Json, RecordedEvent, decodeJson } from '@lib/es-core';
import { canonicalEncode } from './canonical-encode';

export type SqlValue = string | number | null;

export interface Statement {
  text: string;
  values: SqlValue[];
  /** Set on hot statements: `pg` prepares them once per connection under this name. */
  name?: string;
}

/** Lower-case only: PGlite sends `LISTEN <name>` unquoted, which folds to lower case. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** Constraint names the adapters recognise in unique-violation errors. */
export const STREAM_VERSION_CONSTRAINT = 'events_stream_version_key';
export const EVENT_ID_CONSTRAINT = 'events_event_id_key';

/**
 * A global position is `(transaction id << POSITION_TX_SHIFT) + n`, n counting the
 * events one transaction appends (at most 2^20 = 1 048 576). Ordering positions therefore
 * orders transactions, which is what lets readers stop at the oldest transaction still
 * running (see docs/event-store.md, "Global order without a global lock").
 */
export const POSITION_TX_SHIFT = 20;

/** Names derived from the schema: quoted table and function names, the channel, lock keys. */
export interface SqlNames {
  schema: string;
  events: string;
  checkpoints: string;
  appendFunction: string;
  channel: string;
  /** Seeds the per-stream lock keys, so equal stream ids in two schemas do not queue on each other. */
  streamLockSeed: string;
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
    appendFunction: `"${schema}".append_events`,
    channel: `${schema}_events`,
    streamLockSeed: advisoryLockKey(`event-store:stream:${schema}`),
    migrateLockKey: advisoryLockKey(`event-store:migrate:${schema}`),
  };
}

/** A stable signed 64-bit key derived from a label (an advisory lock key or hash seed). */
export function advisoryLockKey(label: string): string {
  return createHash('sha256').update(label).digest().readBigInt64BE(0).toString();
}

/** The highest position any transaction may use, exclusive, relative to its own base. */
const POSITIONS_PER_TX = 2 ** POSITION_TX_SHIFT;

/**
 * The append, as one PL/pgSQL function: one call per append, run as a single-statement
 * transaction. It locks the stream (not the schema), reads the head, checks the expected
 * version, links the hash chain, inserts every event and queues the NOTIFY.
 *
 * The hash is `sha256(previousHash + "\n" + body)` exactly as `hashEvent` in
 * `@lib/es-core` computes it, with body = `{"data":<data>,"metadata":<metadata><tail><version>}`:
 * the client sends data and metadata as canonical JSON text (keys sorted, tagged), which
 * is both what is hashed and what is stored, and the tail `,"streamId":…,"type":…,"version":`,
 * because only the database knows the version and the previous hash.
 */
function appendFunctionDdl(names: SqlNames): string {
  return `CREATE OR REPLACE FUNCTION ${names.appendFunction}(
      p_stream_id text,
      p_expected text,
      p_types text[],
      p_event_ids uuid[],
      p_data text[],
      p_metadata text[],
      p_occurred_at timestamptz[],
      p_hash_tails text[],
      OUT outcome text,
      OUT stream_version bigint,
      OUT last_position bigint
    ) LANGUAGE plpgsql AS $append$
    DECLARE
      v_count integer := coalesce(array_length(p_types, 1), 0);
      v_head_version integer;
      v_head_hash text;
      v_first_version integer;
      v_tx_base bigint;
      v_link text;
      v_previous text[] := '{}';
      v_hashes text[] := '{}';
    BEGIN
      -- Under REPEATABLE READ the head below would be read from a snapshot taken before
      -- the lock wait, and 'any' appends could collide instead of queueing.
      IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'event store appends need READ COMMITTED, not %', current_setting('transaction_isolation');
      END IF;
      PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, ${names.streamLockSeed}));
      SELECT e.version, e.metadata->>'hash', e.global_position
        INTO v_head_version, v_head_hash, last_position
        FROM ${names.events} e WHERE e.stream_id = p_stream_id ORDER BY e.version DESC LIMIT 1;
      stream_version := v_head_version;
      IF NOT (CASE p_expected
          WHEN 'any' THEN true
          WHEN 'no_stream' THEN v_head_version IS NULL
          WHEN 'stream_exists' THEN v_head_version IS NOT NULL
          ELSE coalesce(v_head_version = p_expected::numeric, false)
        END) THEN
        outcome := 'wrong_expected_version';
        RETURN;
      END IF;
      IF v_count = 0 THEN
        outcome := 'appended';
        stream_version := coalesce(v_head_version, -1);
        last_position := coalesce(last_position, -1);
        RETURN;
      END IF;
      IF v_head_version IS NOT NULL AND v_head_hash IS NULL THEN
        outcome := 'unchained_head';
        RETURN;
      END IF;
      v_first_version := coalesce(v_head_version + 1, 0);
      v_link := coalesce(v_head_hash, '${GENESIS_HASH}');
      FOR i IN 1..v_count LOOP
        v_previous[i] := v_link;
        v_link := encode(sha256(convert_to(
          v_link || E'\\n{"data":' || p_data[i] || ',"metadata":' || p_metadata[i] || p_hash_tails[i] || (v_first_version + i - 1)::text || '}',
          'UTF8')), 'hex');
        v_hashes[i] := v_link;
      END LOOP;
      v_tx_base := pg_current_xact_id()::text::bigint << ${POSITION_TX_SHIFT};
      -- next_free: a second append in the same transaction continues after the first one's events.
      WITH appended AS (
        INSERT INTO ${names.events} (global_position, stream_id, version, event_id, type, data, metadata, occurred_at)
          SELECT next_free.position + e.n - 1, p_stream_id, v_first_version + e.n - 1, e.event_id, e.type, e.data::jsonb,
                 -- Spliced into the text before the one parse (metadata is never '{}': it holds eventId).
                 (left(e.metadata, -1) || ',"hash":"' || e.hash || '","previousHash":"' || e.previous_hash || '"}')::jsonb,
                 e.occurred_at
          FROM (SELECT coalesce(max(x.global_position) + 1, v_tx_base) AS position FROM ${names.events} x
                 WHERE x.global_position >= v_tx_base AND x.global_position < v_tx_base + ${POSITIONS_PER_TX}) next_free,
               unnest(p_event_ids, p_types, p_data, p_metadata, p_occurred_at, v_previous, v_hashes)
                 WITH ORDINALITY AS e(event_id, type, data, metadata, occurred_at, previous_hash, hash, n)
          RETURNING global_position
      )
      SELECT max(a.global_position) INTO last_position FROM appended a;
      IF last_position >= v_tx_base + ${POSITIONS_PER_TX} THEN
        RAISE EXCEPTION 'one transaction may append at most % events', ${POSITIONS_PER_TX} USING ERRCODE = 'program_limit_exceeded';
      END IF;
      outcome := 'appended';
      stream_version := v_first_version + v_count - 1;
    END
    $append$`;
}

/**
 * Upgrades a table created by the first layout (`global_position bigserial`, appends
 * serialised by a per-schema lock). Its positions came from a sequence and are far below
 * `transaction id << 20`, so they stay valid and sort before every new one; the check
 * below refuses the upgrade in the one case where that would not hold. Dropping the
 * default makes a process still running the old append code fail loudly instead of
 * writing a position below what readers have already passed.
 */
function upgradeFirstLayoutStatement(names: SqlNames): string {
  return `DO $upgrade$
    DECLARE
      v_highest bigint;
    BEGIN
      IF EXISTS (
        SELECT 1 FROM information_schema.columns
        WHERE table_schema = '${names.schema}' AND table_name = 'events' AND column_name = 'global_position' AND column_default IS NOT NULL
      ) THEN
        LOCK TABLE ${names.events} IN ACCESS EXCLUSIVE MODE;
        SELECT max(global_position) INTO v_highest FROM ${names.events};
        IF v_highest >= (pg_current_xact_id()::text::bigint << ${POSITION_TX_SHIFT}) THEN
          RAISE EXCEPTION 'cannot upgrade %: its highest position % is not below the first transaction-based position', '${names.events}', v_highest;
        END IF;
        ALTER TABLE ${names.events} ALTER COLUMN global_position DROP DEFAULT;
        DROP SEQUENCE IF EXISTS "${names.schema}".events_global_position_seq;
      END IF;
    END
    $upgrade$`;
}

/**
 * Idempotent DDL, run inside one transaction under a migration lock so that two
 * processes starting together do not race on `CREATE ... IF NOT EXISTS`. Its last
 * statement records the migration's fingerprint (see {@link migratedFingerprintStatement}).
 */
export function migrationStatements(names: SqlNames): Statement[] {
  const statements = schemaStatements(names);
  return [...statements, { text: `COMMENT ON TABLE ${names.checkpoints} IS '${migrationFingerprint(statements)}'`, values: [] }];
}

/**
 * The fingerprint the schema holds once migrated by this version: a hash of the DDL, so
 * any change to it (a new column, a new append function) makes the next start migrate.
 */
function migrationFingerprint(statements: Statement[]): string {
  return `event-store migration ${createHash('sha256').update(statements.map((statement) => statement.text).join('\n;\n')).digest('hex')}`;
}

/**
 * Reads the fingerprint a schema's last migration left (null: none, or no schema). A
 * start whose migration left the same one has nothing to create and skips the DDL: on
 * the embedded PostgreSQL its six schemas' migrations took about 1 s of every start
 * (docs/benchmarks.md, "Start and idle memory: the empty cluster made by the build").
 * The comment is written in the migration's own transaction, so it is only ever seen
 * with every object it vouches for.
 */
export function migratedFingerprintStatement(names: SqlNames): Statement {
  return tableCommentStatement(names.checkpoints);
}

/**
 * Reads a table's comment as `fingerprint` (null: no comment, or no such table: the
 * statement needs neither). The SQL read-model store keeps its migration's fingerprint there too.
 */
export function tableCommentStatement(qualifiedTable: string): Statement {
  return { text: `SELECT obj_description(to_regclass($1), 'pg_class') AS fingerprint`, values: [qualifiedTable] };
}

/** Whether `fingerprint` (from {@link migratedFingerprintStatement}) is the one this version's migration leaves. */
export function isCurrentMigration(names: SqlNames, fingerprint: string | null | undefined): boolean {
  return fingerprint === migrationFingerprint(schemaStatements(names));
}

function schemaStatements(names: SqlNames): Statement[] {
  return [
    { text: 'SELECT pg_advisory_xact_lock($1::bigint)', values: [names.migrateLockKey] },
    { text: `CREATE SCHEMA IF NOT EXISTS "${names.schema}"`, values: [] },
    {
      text: `CREATE TABLE IF NOT EXISTS ${names.events} (
        global_position bigint PRIMARY KEY,
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
    { text: upgradeFirstLayoutStatement(names), values: [] },
    {
      text: `CREATE TABLE IF NOT EXISTS ${names.checkpoints} (
        name text PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      values: [],
    },
    // A consumer's saved state next to its position (saveState); tables made before it get the column here.
    { text: `ALTER TABLE ${names.checkpoints} ADD COLUMN IF NOT EXISTS state jsonb`, values: [] },
    { text: appendFunctionDdl(names), values: [] },
  ];
}

/**
 * What follows data and metadata in `hashEvent`'s canonical body, up to the version
 * (keys sort as `data`, `metadata`, `streamId`, `type`, `version`).
 */
export function hashTail(streamId: string, type: string): string {
  return `,"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(type)},"version":`;
}

/** Rows of the append function. `outcome` is `appended`, `wrong_expected_version` or `unchained_head`. */
export interface AppendOutcomeRow {
  outcome: 'appended' | 'wrong_expected_version' | 'unchained_head';
  /** The stream's head after the append, or as found when refused (null: no stream). */
  stream_version: string | number | bigint | null;
  last_position: string | bigint | null;
}

/**
 * A `text[]` from a parameter holding a JSON array of strings. The batch travels as JSON
 * because `JSON.stringify` escapes a string array natively, several times faster than
 * building a PostgreSQL array literal in JavaScript (every JSON text is full of quotes),
 * and the server's JSON parser unescapes it as cheaply as the array parser would.
 */
function textArray(parameter: string): string {
  return `ARRAY(SELECT t.value FROM json_array_elements_text(${parameter}::json) WITH ORDINALITY AS t(value, n) ORDER BY t.n)`;
}

/**
 * One statement per append, whatever its size (arrays, not one bind parameter per value).
 * Waking subscribers is left to the caller, after the commit (see `SqlEventStore`).
 */
export function appendStatement(
  names: SqlNames,
  streamId: string,
  expectedVersion: ExpectedVersion,
  events: readonly EventToAppend[],
): Statement {
  const [types, eventIds, data, metadata, occurredAt, tails] = appendArguments(streamId, events);
  return {
    name: `es_append_${names.schema}`,
    text: `SELECT outcome, stream_version, last_position FROM ${names.appendFunction}(
      $1::text, $2::text, ${textArray('$3')}, ${textArray('$4')}::uuid[], ${textArray('$5')}, ${textArray('$6')},
      ${textArray('$7')}::timestamptz[], ${textArray('$8')})`,
    values: [
      streamId,
      typeof expectedVersion === 'number' ? BigInt(expectedVersion).toString() : expectedVersion,
      JSON.stringify(types),
      JSON.stringify(eventIds),
      JSON.stringify(data),
      JSON.stringify(metadata),
      JSON.stringify(occurredAt),
      JSON.stringify(tails),
    ],
  };
}

/** What {@link canonicalTextsOf} encoded, per event object, until the object is dropped. */
const canonicalTexts = new WeakMap<EventToAppend, { data: string; metadata: string }>();

/**
 * An event's data and its own metadata (without `hash`/`previousHash`) as the canonical
 * JSON text the append sends, stores and hashes. Encoded once per event object: the PGlite
 * store's recent log records the same texts right after the append (recent-log.ts), which
 * is also exactly what was sent, even if the caller changed the object in between.
 */
export function canonicalTextsOf(event: EventToAppend): { data: string; metadata: string } {
  let texts = canonicalTexts.get(event);
  if (texts === undefined) {
    const { previousHash: _previous, hash: _hash, ...ownMetadata } = event.metadata;
    texts = { data: canonicalEncode(event.data), metadata: canonicalEncode(ownMetadata) };
    canonicalTexts.set(event, texts);
  }
  return texts;
}

/** The arrays the append function takes for one stream, as {@link appendStatement} sends them. */
function appendArguments(streamId: string, events: readonly EventToAppend[]): [string[], string[], string[], string[], string[], string[]] {
  const count = events.length;
  const types = new Array<string>(count);
  const eventIds = new Array<string>(count);
  const data = new Array<string>(count);
  const metadata = new Array<string>(count);
  const occurredAt = new Array<string>(count);
  const tails = new Array<string>(count);
  for (let index = 0; index < count; index += 1) {
    const event = events[index];
    const texts = canonicalTextsOf(event);
    types[index] = event.type;
    eventIds[index] = event.metadata.eventId;
    data[index] = texts.data;
    metadata[index] = texts.metadata;
    occurredAt[index] = event.metadata.occurredAt;
    tails[index] = hashTail(streamId, event.type);
  }
  return [types, eventIds, data, metadata, occurredAt, tails];
}

const expectedText = (expectedVersion: ExpectedVersion): string =>
  typeof expectedVersion === 'number' ? BigInt(expectedVersion).toString() : expectedVersion;

/** A `text[]` from element `index` of the JSON array `spec` (see {@link textArray}). */
function specArray(index: number): string {
  return `ARRAY(SELECT t.value FROM json_array_elements_text(s.spec->${index}) WITH ORDINALITY AS t(value, n) ORDER BY t.n)`;
}

/**
 * Several streams' appends as one statement, so one transaction: the append function called
 * once per stream, in the order given (each call sees the ones before it, so positions
 * follow that order). One row per append, in the same order; a refused stream's row says so
 * and the others are made. The appends travel as one JSON parameter, each
 * `[streamId, expected, types, eventIds, data, metadata, occurredAt, hashTails]`.
 */
export function appendManyStatement(names: SqlNames, appends: readonly { streamId: string; expectedVersion: ExpectedVersion; events: readonly EventToAppend[] }[]): Statement {
  const specs = appends.map(({ streamId, expectedVersion, events }) => [streamId, expectedText(expectedVersion), ...appendArguments(streamId, events)]);
  return {
    name: `es_append_many_${names.schema}`,
    text: `SELECT a.outcome, a.stream_version, a.last_position
      FROM json_array_elements($1::json) WITH ORDINALITY AS s(spec, n)
      CROSS JOIN LATERAL ${names.appendFunction}(
        s.spec->>0, s.spec->>1, ${specArray(2)}, ${specArray(3)}::uuid[], ${specArray(4)}, ${specArray(5)},
        ${specArray(6)}::timestamptz[], ${specArray(7)}) a
      ORDER BY s.n`,
    values: [JSON.stringify(specs)],
  };
}

/** Wakes LISTENers; sent after appends commit, never inside them (see docs/event-store.md). */
export function notifyStatement(names: SqlNames): Statement {
  return { text: `SELECT pg_notify($1, '')`, values: [names.channel] };
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

const EVENT_COLUMNS = 'global_position, stream_id, version, type, data, metadata';

export function readStreamStatement(
  names: SqlNames,
  streamId: string,
  options: { fromVersion?: number; toVersion?: number; toTime?: Date } = {},
): Statement {
  return {
    name: `es_read_stream_${names.schema}`,
    text: `SELECT ${EVENT_COLUMNS} FROM ${names.events}
      WHERE stream_id = $1
        AND ($2::int IS NULL OR version <= $2::int)
        AND ($3::timestamptz IS NULL OR occurred_at <= $3::timestamptz)
        AND ($4::int IS NULL OR version >= $4::int)
      ORDER BY version`,
    values: [streamId, options.toVersion ?? null, options.toTime ? options.toTime.toISOString() : null, options.fromVersion ?? null],
  };
}

export interface DigestRow extends Omit<EventRow, 'global_position' | 'stream_id' | 'type' | 'data' | 'metadata'> {
  /** The row's content text (`CONTENT_TEXT`): its digest is the SHA-256 of it, computed by the caller. */
  content: string;
  global_position: string | bigint | null;
  stream_id: string | null;
  type: string | null;
  data: Json | null;
  metadata: Json | null;
}

/** The database's own text of an event row's type, data and metadata: what its content digest is the SHA-256 of (UTF-8). */
const CONTENT_TEXT = `type || E'\\n' || data::text || E'\\n' || metadata::text`;

/** An event row's content digest (hex): SHA-256 of the database's own text of its type, data and metadata. */
const CONTENT_DIGEST = `encode(sha256(convert_to(${CONTENT_TEXT}, 'UTF8')), 'hex')`;

/**
 * Separates the rows' texts in `readStreamContentsStatement`. `jsonb` text never holds a
 * raw control character (JSON escapes them), so only a `type` holding it could make the
 * split come out wrong, and then the parts no longer number the stream's events.
 */
export const CONTENT_SEPARATOR = '\x1e';

/**
 * Every event's content text, whose SHA-256 is its content digest, and the events whole
 * from `$2` on. The text is the database's own of the row's type, data and metadata (`jsonb`
 * prints one value one way), so an unchanged row gives the same digest and any change gives
 * another. The caller hashes it: SHA-256 in PGlite's WebAssembly cost more than sending the
 * text and hashing it in the process (`CONTENT_DIGEST` is the same digest computed by the
 * database).
 */
export function readStreamDigestsStatement(names: SqlNames, streamId: string, wholeFromVersion: number): Statement {
  return {
    name: `es_read_stream_contents_each_${names.schema}`,
    text: `SELECT version,
        ${CONTENT_TEXT} AS content,
        CASE WHEN version >= $2::int THEN global_position END AS global_position,
        CASE WHEN version >= $2::int THEN stream_id END AS stream_id,
        CASE WHEN version >= $2::int THEN type END AS type,
        CASE WHEN version >= $2::int THEN data END AS data,
        CASE WHEN version >= $2::int THEN metadata END AS metadata
      FROM ${names.events}
      WHERE stream_id = $1
      ORDER BY version`,
    values: [streamId, wholeFromVersion],
  };
}

export interface FingerprintRow {
  stream_id: string;
  events: number;
  first_version: number;
  last_version: number;
  fingerprint: string;
}

export interface ContentsRow {
  stream_id: string;
  events: number;
  first_version: number;
  last_version: number;
  contents: string;
}

/**
 * Per stream among `$1` that holds events: their number, first and last versions, and
 * every row's content text (`CONTENT_TEXT`) in version order, joined by `CONTENT_SEPARATOR`:
 * what `readStreamFingerprintsStatement` hashes, for the caller to hash itself. The
 * database only renders the rows: SHA-256 in PGlite's WebAssembly costs several times
 * what Node's does on the same text.
 */
export function readStreamContentsStatement(names: SqlNames, streamIds: readonly string[]): Statement {
  return {
    name: `es_read_stream_contents_${names.schema}`,
    text: `SELECT stream_id, count(*)::int AS events, min(version)::int AS first_version, max(version)::int AS last_version,
        string_agg(${CONTENT_TEXT}, E'\\x1e' ORDER BY version) AS contents
      FROM ${names.events}
      WHERE stream_id = ANY(${textArray('$1')})
      GROUP BY stream_id`,
    values: [JSON.stringify(streamIds)],
  };
}

/**
 * Per stream among `$1` that holds events: their number, first and last versions, and the
 * SHA-256 of their content digests (`CONTENT_DIGEST`, hex) concatenated in version order.
 * Every row is hashed, as for `readStreamDigestsStatement`; only one row per stream comes back.
 * (`readStreamFingerprints` hashes in the process instead, `readStreamContentsStatement`,
 * and uses this only for streams whose texts cannot be told apart there.)
 */
export function readStreamFingerprintsStatement(names: SqlNames, streamIds: readonly string[]): Statement {
  return {
    name: `es_read_stream_fingerprints_${names.schema}`,
    text: `SELECT stream_id, count(*)::int AS events, min(version)::int AS first_version, max(version)::int AS last_version,
        encode(sha256(convert_to(string_agg(${CONTENT_DIGEST}, '' ORDER BY version), 'UTF8')), 'hex') AS fingerprint
      FROM ${names.events}
      WHERE stream_id = ANY(${textArray('$1')})
      GROUP BY stream_id`,
    values: [JSON.stringify(streamIds)],
  };
}

/**
 * A page of the global log, cut at the visibility horizon: the first position of the
 * oldest transaction still running anywhere on the server (`pg_snapshot_xmin`). Every
 * transaction below it has ended, so nothing can ever appear below a returned event.
 * The last row is a marker (`global_position` null) carrying the horizon and the highest
 * committed position, which tells the caller whether committed events are held back.
 */
export function readAllStatement(names: SqlNames, after: bigint | undefined, limit: number): Statement {
  return {
    name: `es_read_all_${names.schema}`,
    text: `WITH horizon AS MATERIALIZED (
        SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint << ${POSITION_TX_SHIFT} AS position
      )
      (SELECT ${EVENT_COLUMNS}, NULL::bigint AS horizon, NULL::bigint AS newest FROM ${names.events}
        WHERE global_position > $1::bigint AND global_position < (SELECT position FROM horizon)
        ORDER BY global_position LIMIT $2::int)
      UNION ALL
      SELECT NULL, NULL, NULL, NULL, NULL, NULL, (SELECT position FROM horizon), (SELECT max(global_position) FROM ${names.events})`,
    values: [(after ?? -1n).toString(), limit],
  };
}

export interface ReadAllRow extends Omit<EventRow, 'global_position'> {
  global_position: string | bigint | null;
  horizon: string | bigint | null;
  newest: string | bigint | null;
}

export interface GlobalPage {
  events: RecordedEvent[];
  /** Positions at or above this belong to transactions that may still be running. */
  horizon: bigint;
  /** The highest committed position, or null for an empty log. */
  newest: bigint | null;
}

export function toGlobalPage(rows: readonly ReadAllRow[]): GlobalPage {
  const events: RecordedEvent[] = [];
  let horizon = 0n;
  let newest: bigint | null = null;
  for (const row of rows) {
    if (row.global_position === null) {
      horizon = BigInt(row.horizon ?? 0);
      newest = row.newest === null ? null : BigInt(row.newest);
    } else {
      events.push(toRecordedEvent({ ...row, global_position: row.global_position }));
    }
  }
  return { events, horizon, newest };
}

export function loadCheckpointStatement(names: SqlNames, name: string): Statement {
  return { name: `es_load_checkpoint_${names.schema}`, text: `SELECT position FROM ${names.checkpoints} WHERE name = $1`, values: [name] };
}

export function saveCheckpointStatement(names: SqlNames, name: string, position: bigint): Statement {
  return {
    name: `es_save_checkpoint_${names.schema}`,
    text: `INSERT INTO ${names.checkpoints} (name, position, updated_at) VALUES ($1, $2::bigint, now())
      ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    values: [name, position.toString()],
  };
}

export interface StateRow {
  position: string | bigint;
  state: Json;
}

export function loadStateStatement(names: SqlNames, name: string): Statement {
  return { text: `SELECT position, state FROM ${names.checkpoints} WHERE name = $1 AND state IS NOT NULL`, values: [name] };
}

/** The state travels as JSON text and is stored as jsonb: no bind-parameter type guessing. */
export function saveStateStatement(names: SqlNames, name: string, position: bigint, state: Json): Statement {
  return {
    text: `INSERT INTO ${names.checkpoints} (name, position, state, updated_at) VALUES ($1, $2::bigint, $3::jsonb, now())
      ON CONFLICT (name) DO UPDATE SET position = excluded.position, state = excluded.state, updated_at = excluded.updated_at`,
    values: [name, position.toString(), JSON.stringify(state)],
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
