import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { EventToAppend, verifyChain, WrongExpectedVersionError } from '@lib/es-core';
import { eventStoreContract } from '../contract-suite/event-store.contract-suite';
import { ConcurrentSqlStoreFactory, concurrentSessionsContract, randomSchema, sqlEventStoreContract } from '../contract-suite/sql-event-store.contract-suite';
import { DuplicateEventIdError } from '../errors';
import { createPostgresEventStore, PostgresEventStore } from '../index';
import { appendStatement, sqlNames } from '../sql/sql-statements';
import { newStreamStatement } from './new-stream-append';

const connectionString = process.env.DATABASE_URL;

// Fails loudly rather than skipping: PostgreSQL is part of the local infrastructure
// (`npm run infra:up` writes DATABASE_URL to .infra/env), so a missing URL is a broken setup.
if (!connectionString) {
  throw new Error('DATABASE_URL is not set: run `npm run infra:up` (writes .infra/env) or export DATABASE_URL');
}

const admin = new Pool({ connectionString, max: 2 });

afterAll(async () => {
  await admin.end();
});

async function dropSchema(schema: string): Promise<void> {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

eventStoreContract('PostgreSQL', async () => {
  const schema = randomSchema();
  const store = await createPostgresEventStore({ connectionString, schema, pollIntervalMs: 50 });
  return {
    store,
    teardown: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
});

const sqlFactory: ConcurrentSqlStoreFactory = {
  create: (schema, options) => createPostgresEventStore({ connectionString, schema, pollIntervalMs: 50, ...options }),
  dropSchema,
  execute: async <Row>(statement: { text: string; values: unknown[] }) => (await admin.query(statement.text, statement.values)).rows as Row[],
  openSession: async () => {
    const client = new Client({ connectionString });
    await client.connect();
    return {
      query: async <Row>(statement: { text: string; values: unknown[] }) => (await client.query(statement.text, statement.values)).rows as Row[],
      close: () => client.end(),
    };
  },
};

sqlEventStoreContract('PostgreSQL', sqlFactory);
concurrentSessionsContract('PostgreSQL', sqlFactory);

describe('PostgreSQL event store wake-ups', () => {
  it('wakes a live subscription by NOTIFY long before the next poll', async () => {
    const schema = randomSchema();
    const store = await createPostgresEventStore({ connectionString, schema, pollIntervalMs: 30_000 });
    try {
      const received: string[] = [];
      const subscription = store.subscribeToAll({ onEvent: async (event) => void received.push(event.type) });
      // Give the first (empty) read and LISTEN time to settle, so the wake-up under test is NOTIFY's.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      await store.appendToStream('account-1', [
        {
          type: 'Woken',
          data: {},
          metadata: {
            eventId: '7a6f1c5e-8a59-4b1e-9d9e-0f3a1f1d2c3b',
            principal: { role: 'system', id: 'test' },
            correlationId: 'c',
            causationId: 'c',
            occurredAt: new Date().toISOString(),
          },
        },
      ], { expectedVersion: 'no_stream' });
      while (received.length === 0 && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(received).toEqual(['Woken']);
      expect(Date.now() - started).toBeLessThan(5_000);
      await subscription.close();
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });
});

describe('PostgreSQL event store: creating a stream without the append function', () => {
  let schema: string;
  let store: PostgresEventStore;
  const event = (type: string): EventToAppend => ({
    type,
    data: { type },
    metadata: { eventId: randomUUID(), principal: { role: 'system', id: 'test' }, correlationId: 'c', causationId: 'c', occurredAt: new Date().toISOString() },
  });

  beforeEach(async () => {
    schema = randomSchema();
    store = await createPostgresEventStore({ connectionString, schema, pollIntervalMs: 50 });
  });
  afterEach(async () => {
    await store.close();
    await dropSchema(schema);
  });

  it('lets a racing append with any always succeed, after or before the creation, in one chain', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, async (_, index) => {
        const streamId = `race-${index}`;
        const [created, appended] = await Promise.allSettled([
          store.appendToStream(streamId, [event('Created0'), event('Created1')], { expectedVersion: 'no_stream' }),
          store.appendToStream(streamId, [event('Any')], { expectedVersion: 'any' }),
        ]);
        expect(appended.status).toBe('fulfilled');
        if (created.status === 'rejected') expect(created.reason).toBeInstanceOf(WrongExpectedVersionError);
        const read = await store.readStream(streamId);
        expect(read.map((recorded) => recorded.version)).toEqual(read.map((_, version) => version));
        expect(verifyChain(streamId, read).ok).toBe(true);
        return created.status;
      }),
    );
    expect(outcomes).toContain('fulfilled');
  });

  it('answers as the append function does: wrong expected version first, then a duplicate event id', async () => {
    const stored = event('Once');
    await store.appendToStream('account-1', [stored], { expectedVersion: 'no_stream' });

    await expect(store.appendToStream('account-1', [stored], { expectedVersion: 'no_stream' })).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: 0 });
    await expect(store.appendToStream('account-2', [event('New'), stored], { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.readStream('account-2')).toEqual([]);
  });

  it('refuses what every append refuses inside data and metadata, without the full walk on clean events', async () => {
    const withData = (data: Record<string, unknown>, metadata: Record<string, unknown> = {}): EventToAppend => ({
      ...event('Checked'),
      data,
      metadata: { ...event('Checked').metadata, ...metadata },
    });
    const refusals: Array<[EventToAppend[], RegExp]> = [
      [[withData({ note: 'a\u0000b' })], /event #0: data\.note holds a NUL/],
      [[event('Fine'), withData({ list: ['ok', '\ud83d'] })], /event #1: data\.list\[1\] holds/],
      [[withData({}, { note: '\udc00' })], /metadata\.note holds/],
      [[withData({ note: { $date: '2026-01-01' } })], /data\.note\.\$date.*reserved/],
      [[withData({}, { $source: 'import' })], /metadata\.\$source.*reserved/],
      [[withData({}, { hash: 'x\u0000' })], /metadata\.hash holds/],
      // Members the encoding leaves out are not in the text, but their keys are still checked.
      [[withData({ $gone: undefined })], /data\.\$gone.*reserved/],
      [[withData({ nested: { $fn: () => 1 } })], /data\.nested\.\$fn.*reserved/],
      // The first bad event is named, as by the full validation, whatever is wrong with a later one.
      [[withData({ ratio: Number.NaN }), { ...event('Late'), metadata: { ...event('Late').metadata, eventId: 'not-a-uuid' } }], /event #1: metadata\.eventId/],
      [[withData({ note: '\ud800' }), { ...event('Late'), metadata: { ...event('Late').metadata, eventId: 'not-a-uuid' } }], /event #0: data\.note holds/],
    ];
    for (const [events, message] of refusals) {
      await expect(store.appendToStream(`refused-${randomUUID()}`, events, { expectedVersion: 'no_stream' })).rejects.toThrow(message);
    }
    await expect(store.appendToStream('nan', [withData({ ratio: Number.NaN })], { expectedVersion: 'no_stream' })).rejects.toThrow(/non-finite/);
    expect(await store.readAll()).toEqual([]);

    // What only looks suspect in the text (a backslash before u, a string starting with $, the codec's tags) is stored.
    const ordinary = { path: 'C:\\users', price: '$5', at: new Date('2026-01-01T00:00:00.000Z'), big: 7n, emoji: '👩🏽‍⚖️' };
    await store.appendToStream('ordinary', [withData(ordinary)], { expectedVersion: 'no_stream' });
    const [read] = await store.readStream('ordinary');
    expect(read.data).toEqual(ordinary);
    expect(verifyChain('ordinary', [read]).ok).toBe(true);
  });

  it('binds up to 64 events and sends larger creations as arrays, with the same chain and positions', async () => {
    for (const size of [1, 10, 64, 65, 200]) {
      const streamId = `size-${size}`;
      const created = await store.appendToStream(streamId, Array.from({ length: size }, (_, index) => event(`E${index}`)), { expectedVersion: 'no_stream' });
      const read = await store.readStream(streamId);
      expect(read.map((recorded) => recorded.type)).toEqual(Array.from({ length: size }, (_, index) => `E${index}`));
      expect(read.map((recorded) => recorded.globalPosition - read[0].globalPosition)).toEqual(read.map((_, index) => BigInt(index)));
      expect(created).toEqual({ nextExpectedVersion: size - 1, lastGlobalPosition: read[size - 1].globalPosition });
      expect(verifyChain(streamId, read).ok).toBe(true);
    }
  });

  it('links the chain the append function continues, and the positions of one transaction run on', async () => {
    const created = await store.appendToStream('ledger-1', [event('E0'), event('E1'), event('E2')], { expectedVersion: 'no_stream' });
    expect(created.nextExpectedVersion).toBe(2);
    await store.appendToStream('ledger-1', [event('E3')], { expectedVersion: 2 });
    const read = await store.readStream('ledger-1');
    expect(verifyChain('ledger-1', read).ok).toBe(true);
    expect(read[2].globalPosition).toBe(created.lastGlobalPosition);
    expect(read[1].globalPosition).toBe(created.lastGlobalPosition - 1n);

    const session = new Client({ connectionString });
    await session.connect();
    let before = 0n;
    try {
      const names = sqlNames(schema);
      await session.query('BEGIN');
      const [first] = (await session.query(appendStatement(names, 'one', 'no_stream', [event('A0')]).text, appendStatement(names, 'one', 'no_stream', [event('A0')]).values)).rows;
      const second = newStreamStatement(names, 'two', [event('B0'), event('B1')]);
      const [secondRow] = (await session.query(second.text, second.values)).rows as Array<{ last_position: string }>;
      await session.query('COMMIT');
      before = BigInt(first.last_position);
      expect(BigInt(secondRow.last_position)).toBe(before + 2n);
    } finally {
      await session.end();
    }
    const two = await store.readStream('two');
    expect(verifyChain('two', two).ok).toBe(true);
    expect(two.map((recorded) => recorded.globalPosition)).toEqual([before + 1n, before + 2n]);
  });
});
