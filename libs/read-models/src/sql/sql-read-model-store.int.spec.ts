import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createPglite } from '@lib/event-store';
import { readModelStoreContract } from '../contract-suite/read-model-store.contract-suite';
import { accountBalances, clientPortfolios, placed } from '../contract-suite/read-model-store.fixtures';
import { ReadModelStore } from '../read-model-store.port';
import { createPgliteReadModelStore, createPostgresReadModelStore } from './sql-read-model-store';
import { UnsupportedQueryError } from './sql-query';

const connectionString = process.env.DATABASE_URL;
// Fails loudly rather than skipping: PostgreSQL is part of the local infrastructure.
if (!connectionString) throw new Error('DATABASE_URL is not set: run `npm run infra:up` (writes .infra/env) or export DATABASE_URL');

const schemas: string[] = [];
const throwawaySchema = (): string => {
  const schema = `rm_test_${randomBytes(5).toString('hex')}`;
  schemas.push(schema);
  return schema;
};
const admin = new Pool({ connectionString, max: 1 });
afterAll(async () => {
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

describe('SQL read-model store on PostgreSQL', () => {
  const schema = throwawaySchema();
  readModelStoreContract('PostgreSQL (JSONB rows)', () => createPostgresReadModelStore({ connectionString, schema }));
});

describe('SQL read-model store on PGlite', () => {
  // Created on first use: starting PGlite holds the event loop, which would stall the PostgreSQL cases.
  let db: ReturnType<typeof createPglite> | undefined;
  const pglite = () => (db ??= createPglite());
  afterAll(() => db?.close());
  readModelStoreContract('PGlite (JSONB rows)', () => createPgliteReadModelStore({ db: pglite(), schema: 'rm_contract' }));

  it('closing the store leaves the PGlite it was given open', async () => {
    const store = await createPgliteReadModelStore({ db: pglite(), schema: 'rm_shared' });
    await store.close();
    expect((await pglite().query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});

describe('SQL read-model store beyond the contract', () => {
  let store: ReadModelStore;
  const schema = throwawaySchema();
  beforeAll(async () => {
    store = await createPostgresReadModelStore({ connectionString, schema });
    await store.apply(accountBalances('accounts'), [placed('a1', 'client-1', 500), placed('a2', 'client-2', 0)]);
  });
  afterAll(() => store.close());

  it.each([
    ['a top-level $or', { $or: [{ clientId: 'client-1' }] }],
    ['an operator outside the subset', { clientId: { $regex: '^client' } }],
    ['equality with a whole object', { balance: { amount: 500, currency: 'USD' } }],
    ['a range on a boolean', { open: { $gt: true } }],
    ['a bookkeeping field', { _rev: 1 }],
    ['an array position', { 'items.0': 'x' }],
    ['a non-string _id', { _id: 7 }],
  ])('refuses %s instead of answering it differently', async (_label, filter) => {
    await expect(store.find('accounts', filter as Record<string, unknown>)).rejects.toThrow(UnsupportedQueryError);
    await expect(store.count('accounts', filter as Record<string, unknown>)).rejects.toThrow(UnsupportedQueryError);
  });

  it('answers MongoDB-style: a literal matches an array holding it, null matches a missing field, ranges stay within a type', async () => {
    const tagged = { name: 'tagged', handles: ['AccountPlaced'], documentIds: (event: { streamId: string }) => [event.streamId], evolve: (_: unknown, event: { data: Record<string, any> }) => ({ tags: [event.data.clientId, 'all'], code: event.data.amount > 0 ? 'A' : 7 }) };
    await store.apply(tagged, [placed('t1', 'client-1', 1), placed('t2', 'client-2', 0)]);
    expect((await store.find('tagged', { tags: 'client-2' })).map((document) => document._id)).toEqual(['account-t2']);
    expect(await store.count('tagged', { tags: 'all' })).toBe(2);
    expect(await store.count('tagged', { missing: null })).toBe(2);
    expect(await store.count('tagged', { code: { $gte: 0 } })).toBe(1);
    expect(await store.count('tagged', { code: { $gte: '' } })).toBe(1);
    // BSON order: numbers before strings.
    expect((await store.find('tagged', {}, { sort: { code: 1 } })).map((document) => document.code)).toEqual([7, 'A']);
  });

  it('a second process writing the same document between read and write: the compare-and-swap retries, nothing is lost', async () => {
    const other = await createPostgresReadModelStore({ connectionString, schema });
    const projection = clientPortfolios('contended');
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? store : other).apply(projection, [placed(`c${n}`, 'client-c', 10)])),
      );
      expect(await store.findOne(projection.name, { _id: 'client-c' })).toMatchObject({ accounts: 20, placedTotal: 200 });
    } finally {
      await other.close();
    }
  });
});
