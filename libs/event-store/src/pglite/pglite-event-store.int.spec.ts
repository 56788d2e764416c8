import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { eventStoreContract } from '../contract-suite/event-store.contract-suite';
import { randomSchema, sqlEventStoreContract } from '../contract-suite/sql-event-store.contract-suite';
import { createPgliteEventStore } from '../index';
import { createPglite } from './load-pglite';
import { PgliteEventStore, pgliteQuery } from './pglite-event-store';

// Starting PGlite costs seconds (WebAssembly + initdb), so the contract runs every test
// on one in-memory instance, each in its own schema, exactly as tests do on PostgreSQL.
let shared: PGlite | undefined;
function sharedDb(): PGlite {
  shared ??= createPglite();
  return shared;
}

afterAll(async () => {
  await shared?.close();
});

async function dropSchema(schema: string): Promise<void> {
  await sharedDb().exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

eventStoreContract('PGlite', async () => {
  const schema = randomSchema();
  const store = await createPgliteEventStore({ db: sharedDb(), schema, pollIntervalMs: 50 });
  return {
    store,
    teardown: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
});

// concurrentSessionsContract is not run here: PGlite is one connection, so a transaction
// held open by a test would block the store under test as well.
sqlEventStoreContract('PGlite', {
  create: (schema, options) => createPgliteEventStore({ db: sharedDb(), schema, pollIntervalMs: 50, ...options }),
  dropSchema,
  execute: async <Row>(statement: { text: string; values: unknown[] }) => (await sharedDb().query<Row>(statement.text, statement.values)).rows,
});

function anEvent() {
  return {
    type: 'Noted',
    data: { note: 'x' },
    metadata: {
      eventId: randomUUID(),
      principal: { role: 'client' as const, id: 'client-1' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2024-05-01T10:00:00.000Z',
    },
  };
}

describe('PGlite event store storage', () => {
  it('keeps events in a data folder across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'es-pglite-'));
    try {
      const event = {
        type: 'AccountPlaced',
        data: { balance: { minor: 12_345, currency: 'EUR' }, principal: 2n ** 60n },
        metadata: {
          eventId: randomUUID(),
          principal: { role: 'client' as const, id: 'client-1' },
          correlationId: randomUUID(),
          causationId: randomUUID(),
          occurredAt: '2024-05-01T10:00:00.000Z',
        },
      };
      const first = await createPgliteEventStore({ dataDir });
      await first.appendToStream('account-1', [event], { expectedVersion: 'no_stream' });
      await first.save('relay', 1n);
      await first.close();

      const reopened = await createPgliteEventStore({ dataDir });
      const [read] = await reopened.readStream('account-1');
      expect(read.data).toEqual(event.data);
      expect(await reopened.load('relay')).toBe(1n);
      await reopened.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('wakes another store on the same instance and schema at once, without sending a NOTIFY', async () => {
    const schema = randomSchema();
    const writer = await createPgliteEventStore({ db: sharedDb(), schema, pollIntervalMs: 60_000 });
    const reader = await createPgliteEventStore({ db: sharedDb(), schema, pollIntervalMs: 60_000 });
    const notified: string[] = [];
    const unlisten = await sharedDb().listen(`${schema}_events`, (payload) => notified.push(payload));
    try {
      const seen: string[] = [];
      const subscription = reader.subscribeToAll({ onEvent: async (event) => void seen.push(event.streamId) });
      // The reader's first page is empty; from then on only a wake-up can bring the event within a minute.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const begun = Date.now();
      await writer.appendToStream('woken-1', [anEvent()], { expectedVersion: 'no_stream' });
      while (seen.length === 0 && Date.now() - begun < 5_000) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(seen).toEqual(['woken-1']);
      expect(Date.now() - begun).toBeLessThan(5_000);
      await subscription.close();
      expect(notified).toEqual([]);
    } finally {
      await unlisten();
      await writer.close();
      await reader.close();
      await dropSchema(schema);
    }
  });

  it('prepares a named statement again after the statement failed', async () => {
    const schema = randomSchema();
    const store = await createPgliteEventStore({ db: sharedDb(), schema });
    try {
      await store.appendToStream('prepared-1', [anEvent()], { expectedVersion: 'no_stream' });
      expect(await store.readStream('prepared-1')).toHaveLength(1);
      await dropSchema(schema);
      await expect(store.readStream('prepared-1')).rejects.toThrow(/does not exist/);
      await store.migrate();
      expect(await store.readStream('prepared-1')).toEqual([]);
      await store.appendToStream('prepared-1', [anEvent()], { expectedVersion: 'no_stream' });
      expect(await store.readStream('prepared-1')).toHaveLength(1);
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  it('sends parameters byte for byte: multi-byte text, empty text, null, arrays and JSON', async () => {
    const text = 'Zürich — 東京 🚀 "quoted" \\ back';
    const rows = await pgliteQuery<{ a: string; b: string; c: string | null; d: string[]; e: { k: string } }>(
      sharedDb(),
      'SELECT $1::text AS a, $2::text AS b, $3::text AS c, $4::text[] AS d, $5::jsonb AS e',
      [text, '', null, [text, '', 'x,y'], { k: text }],
    );
    expect(rows).toEqual([{ a: text, b: '', c: null, d: [text, '', 'x,y'], e: { k: text } }]);
    const schema = randomSchema();
    const named = await createPgliteEventStore({ db: sharedDb(), schema });
    try {
      const event = { ...anEvent(), data: { note: text.repeat(200) } };
      await named.appendToStream('utf8-1', [event], { expectedVersion: 'no_stream' });
      expect((await named.readStream('utf8-1'))[0].data).toEqual(event.data);
    } finally {
      await named.close();
      await dropSchema(schema);
    }
  });

  it('does not close a PGlite instance it was given', async () => {
    const store = new PgliteEventStore({ db: sharedDb(), schema: randomSchema() });
    await store.migrate();
    await store.close();
    expect(sharedDb().closed).toBe(false);
  });
});
