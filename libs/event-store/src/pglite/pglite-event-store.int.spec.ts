import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { eventStoreContract } from '../contract-suite/event-store.contract-suite';
import { randomSchema, sqlEventStoreContract } from '../contract-suite/sql-event-store.contract-suite';
import { createPgliteEventStore } from '../index';
import { createPglite } from './load-pglite';
import { PgliteEventStore } from './pglite-event-store';

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

  it('does not close a PGlite instance it was given', async () => {
    const store = new PgliteEventStore({ db: sharedDb(), schema: randomSchema() });
    await store.migrate();
    await store.close();
    expect(sharedDb().closed).toBe(false);
  });
});
