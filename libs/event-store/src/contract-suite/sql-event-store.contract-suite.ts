/**
 * What the two SQL adapters (PostgreSQL and PGlite) promise beyond the port: schema
 * isolation, idempotent migration (including the upgrade of the first table layout),
 * concurrent appends to one stream, and the SQL-level failure paths of an append.
 * {@link concurrentSessionsContract} adds what needs a second connection (PostgreSQL only).
 */
import { createHash, randomUUID } from 'node:crypto';
import { EventToAppend, GENESIS_HASH, RecordedEvent, chainEvents, encodeJson, verifyChain } from '@lib/es-core';
import { DuplicateEventIdError } from '../errors';
import { SqlEventStore, SqlEventStoreOptions } from '../sql/sql-event-store';
import { Statement, appendStatement, sqlNames } from '../sql/sql-statements';

export interface SqlStoreFactory {
  /** A migrated store on the given schema of the shared database. */
  create(schema: string, options?: Partial<SqlEventStoreOptions>): Promise<SqlEventStore>;
  /** Removes a schema created by `create`. */
  dropSchema(schema: string): Promise<void>;
  /** Runs one statement on the shared database, outside any store (fixtures). */
  execute<Row = Record<string, unknown>>(statement: Statement): Promise<Row[]>;
}

/** A connection of its own, so a test can hold a transaction open while a store works. */
export interface SqlSession {
  query<Row = Record<string, unknown>>(statement: Statement): Promise<Row[]>;
  close(): Promise<void>;
}

export interface ConcurrentSqlStoreFactory extends SqlStoreFactory {
  openSession(): Promise<SqlSession>;
}

/**
 * The events table as the first release created it: positions from a sequence, appends
 * serialised by a per-schema advisory lock. Kept verbatim so the upgrade stays tested.
 */
function firstLayoutStatements(schema: string): Statement[] {
  return [
    { text: `CREATE SCHEMA "${schema}"`, values: [] },
    {
      text: `CREATE TABLE "${schema}".events (
        global_position bigserial PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL CHECK (version >= 0),
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT events_event_id_key UNIQUE (event_id),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, version)
      )`,
      values: [],
    },
    {
      text: `CREATE TABLE "${schema}".checkpoints (name text PRIMARY KEY, position bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
      values: [],
    },
  ];
}

/** An insert as the first release's append ran it (the position left to the sequence). */
function firstLayoutInsert(schema: string, streamId: string, firstVersion: number, event: EventToAppend): Statement {
  return {
    text: `INSERT INTO "${schema}".events (stream_id, version, event_id, type, data, metadata, occurred_at)
      VALUES ($1, $2::int, $3::uuid, $4, $5::jsonb, $6::jsonb, $7::timestamptz) RETURNING global_position`,
    values: [
      streamId,
      firstVersion,
      event.metadata.eventId,
      event.type,
      JSON.stringify(encodeJson(event.data)),
      JSON.stringify(encodeJson(event.metadata)),
      event.metadata.occurredAt,
    ],
  };
}

export function sqlEventStoreContract(adapterName: string, factory: SqlStoreFactory): void {
  describe(`SQL event store: ${adapterName}`, () => {
    const schemas: string[] = [];
    const stores: SqlEventStore[] = [];

    async function aStore(): Promise<SqlEventStore> {
      const schema = randomSchema();
      schemas.push(schema);
      const store = await factory.create(schema);
      stores.push(store);
      return store;
    }

    afterEach(async () => {
      await Promise.all(stores.splice(0).map((store) => store.close()));
      for (const schema of schemas.splice(0)) await factory.dropSchema(schema);
    });

    it('keeps schemas apart: a store sees only its own events and checkpoints', async () => {
      const left = await aStore();
      const right = await aStore();
      await left.appendToStream('account-1', [anEvent('Left')], { expectedVersion: 'no_stream' });
      await right.appendToStream('account-1', [anEvent('Right')], { expectedVersion: 'no_stream' });
      await left.save('relay', 1n);

      expect((await left.readAll()).map((event) => event.type)).toEqual(['Left']);
      expect((await right.readStream('account-1')).map((event) => event.type)).toEqual(['Right']);
      expect(await right.load('relay')).toBeNull();
    });

    it('reads a content digest of every event, the events whole only from the version asked, and another digest once a row is changed', async () => {
      const store = await aStore();
      await store.appendToStream('ledger-1', [anEvent('A'), anEvent('B'), anEvent('C')], { expectedVersion: 'no_stream' });
      const schema = schemas[schemas.length - 1];

      const first = await store.readStreamDigests('ledger-1', 2);
      expect(first.versions).toEqual([0, 1, 2]);
      expect(first.digests).toHaveLength(3);
      expect(new Set(first.digests).size).toBe(3);
      for (const digest of first.digests) expect(digest).toMatch(/^[0-9a-f]{64}$/);
      expect(first.events).toEqual((await store.readStream('ledger-1')).slice(2));
      expect(await store.readStreamDigests('ledger-1', 0)).toEqual({ ...first, events: await store.readStream('ledger-1') });
      expect(await store.readStreamDigests('ledger-1', 3)).toEqual({ ...first, events: [] });
      expect(await store.readStreamDigests('nothing-here', 0)).toEqual({ digests: [], versions: [], events: [] });

      await factory.execute({ text: `UPDATE "${schema}".events SET data = jsonb_set(data, '{n}', '"changed"') WHERE stream_id = 'ledger-1' AND version = 1`, values: [] });
      const after = await store.readStreamDigests('ledger-1', 3);
      expect(after.digests[0]).toBe(first.digests[0]);
      expect(after.digests[1]).not.toBe(first.digests[1]);
      expect(after.digests[2]).toBe(first.digests[2]);

      await factory.execute({ text: `DELETE FROM "${schema}".events WHERE stream_id = 'ledger-1' AND version = 1`, values: [] });
      expect((await store.readStreamDigests('ledger-1', 3)).versions).toEqual([0, 2]);
      await expect(store.readStreamDigests('ledger-1', -1)).rejects.toThrow(RangeError);
    });

    it('reads one fingerprint per stream that holds events: its count, first and last versions, and the SHA-256 of its content digests', async () => {
      const store = await aStore();
      await store.appendToStream('ledger-1', [anEvent('A'), anEvent('B'), anEvent('C')], { expectedVersion: 'no_stream' });
      await store.appendToStream('ledger-2', [anEvent('D')], { expectedVersion: 'no_stream' });
      const schema = schemas[schemas.length - 1];
      const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
      const byStream = async () => new Map((await store.readStreamFingerprints(['ledger-1', 'nothing-here', 'ledger-2'])).map((stream) => [stream.streamId, stream]));

      const first = await byStream();
      expect([...first.keys()].sort()).toEqual(['ledger-1', 'ledger-2']);
      expect(first.get('ledger-1')).toEqual({ streamId: 'ledger-1', events: 3, firstVersion: 0, lastVersion: 2, fingerprint: sha256((await store.readStreamDigests('ledger-1', 3)).digests.join('')) });
      expect(first.get('ledger-2')).toEqual({ streamId: 'ledger-2', events: 1, firstVersion: 0, lastVersion: 0, fingerprint: sha256((await store.readStreamDigests('ledger-2', 1)).digests.join('')) });
      expect(await store.readStreamFingerprints([])).toEqual([]);

      await factory.execute({ text: `UPDATE "${schema}".events SET data = jsonb_set(data, '{n}', '"changed"') WHERE stream_id = 'ledger-1' AND version = 1`, values: [] });
      const changed = await byStream();
      expect(changed.get('ledger-1')).toMatchObject({ events: 3, firstVersion: 0, lastVersion: 2 });
      expect(changed.get('ledger-1')?.fingerprint).not.toBe(first.get('ledger-1')?.fingerprint);
      expect(changed.get('ledger-2')).toEqual(first.get('ledger-2'));

      await factory.execute({ text: `DELETE FROM "${schema}".events WHERE stream_id = 'ledger-1' AND version = 0`, values: [] });
      expect((await byStream()).get('ledger-1')).toMatchObject({ events: 2, firstVersion: 1, lastVersion: 2 });
    });

    it('fingerprints text as the database digests it: any characters in the data, and a type holding the separator of the rows it reads', async () => {
      const store = await aStore();
      const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
      const odd = { note: 'ünïcode 😀 "quoted"\n\u001e\ttab', 'odd.key': ['\\', 'back\\slash'], n: 1.5 };
      await store.appendToStream('ledger-1', [anEvent('A', odd), anEvent('B', { n: 2 })], { expectedVersion: 'no_stream' });
      await store.appendToStream('ledger-2', [anEvent('Odd\u001eType'), anEvent('C', odd)], { expectedVersion: 'no_stream' });
      const expected = async (streamId: string) => sha256((await store.readStreamDigests(streamId, 0)).digests.join(''));

      const ledger1 = { streamId: 'ledger-1', events: 2, firstVersion: 0, lastVersion: 1, fingerprint: await expected('ledger-1') };
      const ledger2 = { streamId: 'ledger-2', events: 2, firstVersion: 0, lastVersion: 1, fingerprint: await expected('ledger-2') };
      expect(await store.readStreamFingerprints(['ledger-1'])).toEqual([ledger1]);
      expect(await store.readStreamFingerprints(['ledger-2'])).toEqual([ledger2]);
      const both = await store.readStreamFingerprints(['ledger-2', 'ledger-1']);
      expect(both.sort((a, b) => a.streamId.localeCompare(b.streamId))).toEqual([ledger1, ledger2]);
    });

    it('lets concurrent appends with any to one stream all succeed, one after another, in one unbroken chain', async () => {
      const store = await aStore();
      await store.appendToStream('ledger-1', [anEvent('Opened')], { expectedVersion: 'no_stream' });

      const results = await Promise.all(
        Array.from({ length: 8 }, (_, writer) =>
          store.appendToStream('ledger-1', [anEvent(`W${writer}a`), anEvent(`W${writer}b`)], { expectedVersion: writer % 2 === 0 ? 'any' : 'stream_exists' }),
        ),
      );

      const read = await store.readStream('ledger-1');
      expect(read).toHaveLength(17);
      expect(verifyChain('ledger-1', read).ok).toBe(true);
      expect(results.map((result) => result.nextExpectedVersion).sort((a, b) => a - b)).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
      for (let index = 1; index < read.length; index += 2) {
        // Each append's two events stay together: appends to one stream never interleave.
        expect(read[index].type.slice(0, -1)).toBe(read[index + 1].type.slice(0, -1));
      }
    });

    it('upgrades a table of the first layout in place: old events, chain and checkpoints keep working', async () => {
      const schema = randomSchema();
      schemas.push(schema);
      for (const statement of firstLayoutStatements(schema)) await factory.execute(statement);
      const oldEvents = chainEvents('account-1', GENESIS_HASH, 0, [anEvent('Old0'), anEvent('Old1')]);
      const oldPositions: bigint[] = [];
      for (const [index, event] of oldEvents.entries()) {
        const [row] = await factory.execute<{ global_position: string | bigint }>(firstLayoutInsert(schema, 'account-1', index, event));
        oldPositions.push(BigInt(row.global_position));
      }
      const [other] = chainEvents('account-2', GENESIS_HASH, 0, [anEvent('Other0')]);
      await factory.execute(firstLayoutInsert(schema, 'account-2', 0, other));
      await factory.execute({ text: `INSERT INTO "${schema}".checkpoints (name, position) VALUES ('relay', $1::bigint)`, values: [oldPositions[0].toString()] });

      const store = await factory.create(schema);
      stores.push(store);

      const before = await store.readAll();
      expect(before.map((event) => event.type)).toEqual(['Old0', 'Old1', 'Other0']);
      expect(before.slice(0, 2).map((event) => event.globalPosition)).toEqual(oldPositions);
      const written = await store.appendToStream('account-1', [anEvent('New2')], { expectedVersion: 1 });
      await expect(store.appendToStream('account-1', [anEvent('Stale')], { expectedVersion: 1 })).rejects.toMatchObject({
        name: 'WrongExpectedVersionError',
        actual: 2,
      });
      const stream = await store.readStream('account-1');
      expect(stream.map((event) => event.type)).toEqual(['Old0', 'Old1', 'New2']);
      expect(verifyChain('account-1', stream).ok).toBe(true);
      const checkpoint = await store.load('relay');
      expect((await store.readAll({ after: checkpoint ?? undefined })).map((event) => event.type)).toEqual(['Old1', 'Other0', 'New2']);
      expect(written.lastGlobalPosition > before[2].globalPosition).toBe(true);

      // A process still running the first release's append fails instead of writing below the readers.
      await expect(factory.execute(firstLayoutInsert(schema, 'account-3', 0, anEvent('Late')))).rejects.toThrow(/global_position/);
      await store.migrate();
      expect((await store.readAll()).map((event) => event.type)).toEqual(['Old0', 'Old1', 'Other0', 'New2']);
      // The first layout's checkpoints table gains the state column.
      await store.saveState('scheduler', { position: checkpoint ?? 0n, state: { upgraded: true } });
      expect(await store.loadState('scheduler')).toEqual({ position: checkpoint, state: { upgraded: true } });
    });

    it('keeps a named state with the position it covers, replaced by the next save, apart from position checkpoints', async () => {
      const store = await aStore();
      expect(await store.loadState('scheduler')).toBeNull();
      await store.save('relay', 7n);
      expect(await store.loadState('relay')).toBeNull();

      await store.saveState('scheduler', { position: 41n, state: { version: 1, items: [{ id: 'a"b', at: null }] } });
      await store.saveState('scheduler', { position: 42n, state: { version: 1, items: [] } });

      expect(await store.loadState('scheduler')).toEqual({ position: 42n, state: { version: 1, items: [] } });
      expect(await store.load('scheduler')).toBe(42n);
      expect(await store.load('relay')).toBe(7n);
    });

    it('stores text with quotes, backslashes and braces exactly, and its chain verifies', async () => {
      const store = await aStore();
      const awkward = { quote: 'say "hi"', slash: 'C:\\temp\\', both: '\\"', braces: '{a,b}', json: '{"k":"v"}', key: { 'a"b\\c': 1 } };
      await store.appendToStream('account-1', [anEvent('Awkward', awkward)], { expectedVersion: 'no_stream' });

      const read = await store.readStream('account-1');
      expect(read[0].data).toEqual(awkward);
      expect(verifyChain('account-1', read).ok).toBe(true);
    });

    it('migrates idempotently', async () => {
      const store = await aStore();
      await store.appendToStream('account-1', [anEvent('Kept')], { expectedVersion: 'no_stream' });

      await store.migrate();
      await store.migrate();

      expect(await store.readStream('account-1')).toHaveLength(1);
    });

    it('skips the migration of a schema this version migrated, and migrates one whose fingerprint differs', async () => {
      const schema = randomSchema();
      schemas.push(schema);
      const store = await factory.create(schema);
      stores.push(store);
      const stateColumn = async () =>
        (await factory.execute<{ n: number }>({ text: `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'checkpoints' AND column_name = 'state'`, values: [schema] }))[0].n;
      // Changed behind the migration's back: a start that trusts the fingerprint does not put it back.
      await factory.execute({ text: `ALTER TABLE "${schema}".checkpoints DROP COLUMN state`, values: [] });
      await store.migrate();
      expect(await stateColumn()).toBe(0);

      // The fingerprint of another version (or none): the whole idempotent DDL runs again.
      await factory.execute({ text: `COMMENT ON TABLE "${schema}".checkpoints IS 'event-store migration of another version'`, values: [] });
      await store.migrate();
      expect(await stateColumn()).toBe(1);
      await store.saveState('scheduler', { position: 1n, state: { ok: true } });
      expect(await store.loadState('scheduler')).toEqual({ position: 1n, state: { ok: true } });
    });

    it('rolls back a whole large batch when one of its last events fails', async () => {
      const store = await aStore();
      const size = 1010;
      const batch = Array.from({ length: size }, (_, index) => anEvent('PaymentPosted', { index }));
      const clash = batch[size - 5];
      batch[size - 5] = { ...clash, metadata: { ...clash.metadata, eventId: batch[0].metadata.eventId } };

      await expect(store.appendToStream('ledger-1', batch, { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(DuplicateEventIdError);

      expect(await store.readStream('ledger-1')).toEqual([]);
      expect(await store.readAll()).toEqual([]);
    });

    it('refuses an event id that is already stored, in any stream', async () => {
      const store = await aStore();
      const event = anEvent('Once');
      await store.appendToStream('account-1', [event], { expectedVersion: 'no_stream' });

      await expect(store.appendToStream('account-2', [event], { expectedVersion: 'any' })).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream('account-2')).toEqual([]);
    });

    it('refuses malformed input before writing', async () => {
      const store = await aStore();
      await expect(store.appendToStream('account-1', [anEvent('A')], { expectedVersion: -1 })).rejects.toBeInstanceOf(RangeError);
      const badId = anEvent('A');
      badId.metadata.eventId = 'not-a-uuid';
      await expect(store.appendToStream('account-1', [badId], { expectedVersion: 'any' })).rejects.toThrow(/eventId must be a UUID/);
      const badTime = anEvent('A');
      badTime.metadata.occurredAt = 'yesterday';
      await expect(store.appendToStream('account-1', [badTime], { expectedVersion: 'any' })).rejects.toThrow(/occurredAt/);
      expect(await store.readAll()).toEqual([]);
    });

    it('returns the current head for an empty append after checking the expected version', async () => {
      const store = await aStore();
      expect(await store.appendToStream('account-1', [], { expectedVersion: 'no_stream' })).toEqual({ nextExpectedVersion: -1, lastGlobalPosition: -1n });
      const written = await store.appendToStream('account-1', [anEvent('A')], { expectedVersion: 'no_stream' });
      expect(await store.appendToStream('account-1', [], { expectedVersion: 0 })).toEqual(written);
      await expect(store.appendToStream('account-1', [], { expectedVersion: 'no_stream' })).rejects.toMatchObject({ name: 'WrongExpectedVersionError' });
    });
  });
}

/**
 * Appends whose transactions overlap, which needs a second connection: PGlite is one
 * connection, where a transaction held open would block the store itself.
 */
export function concurrentSessionsContract(adapterName: string, factory: ConcurrentSqlStoreFactory): void {
  describe(`SQL event store with concurrent sessions: ${adapterName}`, () => {
    const schemas: string[] = [];
    const cleanups: Array<() => Promise<void>> = [];

    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      for (const schema of schemas.splice(0)) await factory.dropSchema(schema);
    });

    it('never lets a reader pass an append that commits after a later one: A appends first, B commits first, readers still get A', async () => {
      const schema = randomSchema();
      schemas.push(schema);
      const store = await factory.create(schema, { visibilityWaitMs: 300, pollIntervalMs: 50 });
      cleanups.push(() => store.close());
      const writerA = await factory.openSession();
      cleanups.push(() => writerA.close());
      const marker = (await store.appendToStream('marker', [anEvent('Marker')], { expectedVersion: 'no_stream' })).lastGlobalPosition;

      const subscribed: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({ after: marker, onEvent: async (event) => void subscribed.push(event) });
      cleanups.push(() => subscription.close());
      // A relay: reads after its checkpoint and moves the checkpoint to the last event it got.
      const relayed: RecordedEvent[] = [];
      let checkpoint = marker;
      const relayOnce = async (): Promise<void> => {
        const page = await store.readAll({ after: checkpoint });
        relayed.push(...page);
        if (page.length > 0) checkpoint = page[page.length - 1].globalPosition;
      };

      // Writer A runs the store's own append statement in a transaction it keeps open.
      await writerA.query({ text: 'BEGIN', values: [] });
      await writerA.query(appendStatement(sqlNames(schema), 'late-a', 'no_stream', [anEvent('A')]));
      const b = await store.appendToStream('early-b', [anEvent('B')], { expectedVersion: 'no_stream' });

      expect((await store.readStream('early-b')).map((event) => event.type)).toEqual(['B']);
      for (let poll = 0; poll < 3; poll += 1) await relayOnce();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(relayed).toEqual([]);
      expect(subscribed).toEqual([]);

      await writerA.query({ text: 'COMMIT', values: [] });
      const deadline = Date.now() + 10_000;
      while ((relayed.length < 2 || subscribed.length < 2) && Date.now() < deadline) {
        await relayOnce();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      expect(relayed.map((event) => event.type)).toEqual(['A', 'B']);
      expect(subscribed.map((event) => event.type)).toEqual(['A', 'B']);
      expect(relayed[1].globalPosition).toBe(b.lastGlobalPosition);
      expect(relayed[0].globalPosition < relayed[1].globalPosition).toBe(true);
      expect(verifyChain('late-a', await store.readStream('late-a')).ok).toBe(true);
    });

    it('numbers on when one transaction calls the append function twice', async () => {
      const schema = randomSchema();
      schemas.push(schema);
      const store = await factory.create(schema);
      cleanups.push(() => store.close());
      const session = await factory.openSession();
      cleanups.push(() => session.close());

      await session.query({ text: 'BEGIN', values: [] });
      const [first] = await session.query<{ last_position: string }>(appendStatement(sqlNames(schema), 'one', 'no_stream', [anEvent('A0'), anEvent('A1')]));
      const [second] = await session.query<{ last_position: string }>(appendStatement(sqlNames(schema), 'two', 'no_stream', [anEvent('B0')]));
      await session.query({ text: 'COMMIT', values: [] });

      expect(BigInt(second.last_position)).toBe(BigInt(first.last_position) + 1n);
      const all = await store.readAll();
      expect(all.map((event) => event.type)).toEqual(['A0', 'A1', 'B0']);
      expect(all.map((event) => event.globalPosition)).toEqual([BigInt(first.last_position) - 1n, BigInt(first.last_position), BigInt(second.last_position)]);
    });

    it('lets appends to different streams run at the same time: a held-open append does not block another stream', async () => {
      const schema = randomSchema();
      schemas.push(schema);
      const store = await factory.create(schema);
      cleanups.push(() => store.close());
      const writerA = await factory.openSession();
      cleanups.push(() => writerA.close());

      await writerA.query({ text: 'BEGIN', values: [] });
      await writerA.query(appendStatement(sqlNames(schema), 'stream-a', 'no_stream', [anEvent('A')]));
      const other = store.appendToStream('stream-b', [anEvent('B')], { expectedVersion: 'no_stream' });
      const sameStream = store.appendToStream('stream-a', [anEvent('A2')], { expectedVersion: 'any' });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('neither'), 5_000);
      });
      const settledFirst = await Promise.race([other.then(() => 'other'), sameStream.then(() => 'same'), timeout]);
      clearTimeout(timer);

      expect(settledFirst).toBe('other');
      await writerA.query({ text: 'COMMIT', values: [] });
      expect(await sameStream).toMatchObject({ nextExpectedVersion: 1 });
      expect((await store.readStream('stream-a')).map((event) => event.type)).toEqual(['A', 'A2']);
    });
  });
}

export function randomSchema(): string {
  return `es_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

function anEvent(type: string, data: Record<string, unknown> = {}): EventToAppend {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      principal: { role: 'system', id: 'test' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2024-05-01T10:00:00.000Z',
    },
  };
}
