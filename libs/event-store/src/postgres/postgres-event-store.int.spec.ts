import { Client, Pool } from 'pg';
import { eventStoreContract } from '../contract-suite/event-store.contract-suite';
import { ConcurrentSqlStoreFactory, concurrentSessionsContract, randomSchema, sqlEventStoreContract } from '../contract-suite/sql-event-store.contract-suite';
import { createPostgresEventStore } from '../index';

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
