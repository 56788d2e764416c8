import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createPglite } from '@lib/event-store';
import { readModelStoreContract } from '../contract-suite/read-model-store.contract-suite';
import { accountBalances, clientPortfolios, paid, placed, projected } from '../contract-suite/read-model-store.fixtures';
import { Projection } from '../read-model-store.port';
import { ReadModelStore } from '../read-model-store.port';
import { createPgliteReadModelStore, createPostgresReadModelStore, SqlClient, SqlReadModelStore } from './sql-read-model-store';
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

describe('SQL read-model store: its migration at a start', () => {
  it('is skipped on a schema this version migrated, and runs again when the fingerprint differs', async () => {
    const schema = throwawaySchema();
    const table = async (name: string) => (await admin.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [`"${schema}".${name}`])).rows[0].found;
    await (await createPostgresReadModelStore({ connectionString, schema })).close();
    // Removed behind the migration's back: a start that trusts the fingerprint does not make it again.
    await admin.query(`DROP TABLE "${schema}".documents`);
    await (await createPostgresReadModelStore({ connectionString, schema })).close();
    expect(await table('documents')).toBeNull();

    await admin.query(`COMMENT ON TABLE "${schema}".checkpoints IS 'read-model migration of another version'`);
    const store = await createPostgresReadModelStore({ connectionString, schema });
    try {
      await store.apply(accountBalances('accounts'), [placed('a1', 'client-1', 500)]);
      expect(await store.find('accounts')).toHaveLength(1);
      expect(await table('documents')).not.toBeNull();
    } finally {
      await store.close();
    }
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

describe('SQL read-model store: documents it wrote folded without reading them back', () => {
  const schema = throwawaySchema();
  const pools: Pool[] = [];
  afterAll(() => Promise.all(pools.map((pool) => pool.end())));

  /** A store on its own pool, every statement's first word written down. */
  async function countingStore(): Promise<{ store: SqlReadModelStore; statements: string[] }> {
    const pool = new Pool({ connectionString, max: 2 });
    pools.push(pool);
    const statements: string[] = [];
    const query = async <Row>(text: string, values?: unknown[]) => {
      statements.push(text.trim().split(/\s+/)[0].toUpperCase());
      return (await pool.query(text, values)).rows as Row[];
    };
    const client: SqlClient = { query, transaction: (work) => work({ query }), close: async () => undefined };
    return { store: await SqlReadModelStore.open(client, { schema }), statements };
  }

  /** Dates in, ISO strings out (as stored); throws on an event for a document it does not have. */
  const ledger = (name: string): Projection<{ total: number; at: unknown; seen: string[] }> => ({
    name,
    handles: ['AccountPlaced', 'PaymentPosted'],
    documentIds: (event) => [event.streamId],
    evolve: (document, event) => {
      if (event.type === 'AccountPlaced') return { total: event.data.amount, at: new Date('2026-01-01T00:00:00.000Z'), seen: [typeof document?.at] };
      if (!document) throw new Error('payment before placement');
      return { total: document.total + event.data.amount, at: document.at, seen: [...document.seen, typeof document.at] };
    },
  });

  it('inserts a new document without a read, and folds its next events on what it wrote, with no read either', async () => {
    const { store, statements } = await countingStore();
    const projection = ledger('ledger-a');
    statements.splice(0);
    await store.apply(projection, [placed('l1', 'client-1', 100)]);
    await store.apply(projection, [paid('l1', 'client-1', 5, 1)]);
    await store.apply(projection, [paid('l1', 'client-1', 7, 2), paid('l1', 'client-1', 7, 2)]);
    expect(statements).toEqual(['INSERT', 'UPDATE', 'UPDATE']);
    // The folds on what it held saw the date as a read gives it: a string, every time.
    expect(await store.findOne(projection.name, { _id: 'account-l1' })).toMatchObject({ total: 112, at: '2026-01-01T00:00:00.000Z', seen: ['undefined', 'string', 'string'] });
    expect(store.conflictRetries).toBe(0);
  });

  it('reads what another writer changed since, instead of overwriting it (the rev compare-and-swap)', async () => {
    const mine = await countingStore();
    const theirs = await countingStore();
    const projection = ledger('ledger-b');
    await mine.store.apply(projection, [placed('l2', 'client-1', 100)]);
    await theirs.store.apply(projection, [paid('l2', 'client-1', 10, 1)]);
    await mine.store.apply(projection, [paid('l2', 'client-1', 1, 2)]);
    expect(await mine.store.findOne(projection.name, { _id: 'account-l2' })).toMatchObject({ total: 111 });
    // An event another writer already applied is not applied twice, though this store held the document from before it.
    await mine.store.apply(projection, [paid('l2', 'client-1', 10, 1)]);
    expect(await theirs.store.findOne(projection.name, { _id: 'account-l2' })).toMatchObject({ total: 111 });
  });

  it('reads a document it does not hold before folding events that do not create it, and when a guessed insert finds it taken', async () => {
    const mine = await countingStore();
    const theirs = await countingStore();
    const projection = ledger('ledger-c');
    await theirs.store.apply(projection, [placed('l3', 'client-1', 100), placed('l4', 'client-1', 50)]);
    // Thrown on a guess (no document): read, then folded on what is stored.
    await mine.store.apply(projection, [paid('l3', 'client-1', 1, 1)]);
    // Folded on a guess (an insert), refused by the key, read and folded again: the placement was applied already.
    await mine.store.apply(projection, [placed('l4', 'client-1', 50), paid('l4', 'client-1', 2, 1)]);
    expect((await mine.store.find(projection.name, {}, { sort: { _id: 1 } })).map((document) => document.total)).toEqual([101, 52]);
    expect(mine.store.conflictRetries).toBe(0);
    // A projection that keeps an unknown document absent is asked again on what is stored.
    const removing: Projection<{ n: number }> = {
      name: 'removing',
      handles: ['Tick', 'Gone'],
      documentIds: (event) => [event.streamId],
      evolve: (document, event) => (event.type === 'Gone' ? null : { n: (document?.n ?? 0) + 1 }),
    };
    await theirs.store.apply(removing, [projected('r1', 0, 'Tick')]);
    await mine.store.apply(removing, [projected('r1', 1, 'Gone')]);
    expect(await theirs.store.count('removing')).toBe(0);
  });
});


describe('SQL read-model store: a batch replaces its rows by key, whatever the collection holds', () => {
  it("the UPDATE's plan on PGlite fetches the batch's ids through the primary key, not every document of the collection", async () => {
    const db = createPglite();
    try {
      const updates: Array<{ text: string; values: unknown[] }> = [];
      const query = async <Row>(text: string, values?: unknown[]) => {
        if (/^\s*UPDATE/i.test(text)) updates.push({ text, values: values ?? [] });
        return (await db.query<Row>(text, values)).rows;
      };
      const client: SqlClient = { query, transaction: (work) => db.transaction((tx) => work({ query: async <Row>(text: string, values?: unknown[]) => (await tx.query<Row>(text, values)).rows })), close: async () => undefined };
      const store = await SqlReadModelStore.open(client, { schema: 'rm_plan' });
      const projection = accountBalances('balances');
      for (let from = 0; from < 3_000; from += 500) await store.apply(projection, Array.from({ length: 500 }, (_, n) => placed(`p${from + n}`, 'client-1', 100)));
      await store.apply(projection, [paid('p7', 'client-1', 10, 1), paid('p2999', 'client-1', 10, 1)]);

      const [update] = updates;
      expect(update).toBeDefined();
      const plan = JSON.stringify((await db.query(`EXPLAIN (FORMAT JSON) ${update.text}`, update.values)).rows);
      // The documents are reached by an index condition naming the ids, not by the collection alone.
      expect(plan).toMatch(/"Index Cond":"\(\(collection = 'balances'::text\) AND \(id = ANY/);
      expect(plan).not.toMatch(/"Recheck Cond":"\(collection = 'balances'::text\)"/);
    } finally {
      await db.close();
    }
  });
});
