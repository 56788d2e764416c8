/**
 * Smoke test: `pg` against the PostgreSQL from `npm run infra:up` (or DATABASE_URL):
 * a committed transaction is visible to another connection, a rolled-back one is not.
 */
import { Pool, PoolClient } from 'pg';
import { requireEnv, uniqueName } from './require-env';

describe('PostgreSQL smoke (pg)', () => {
  let pool: Pool | undefined;
  // Each run in its own schema, dropped afterwards.
  const schema = uniqueName('smoke');
  const table = `"${schema}".payments`;

  beforeAll(async () => {
    pool = new Pool({ connectionString: requireEnv('DATABASE_URL'), connectionTimeoutMillis: 5000, max: 4 });
    await pool.query(`create schema "${schema}"`);
    await pool.query(`create table ${table} (id text primary key, amount_cents bigint not null)`);
  });

  afterAll(async () => {
    if (pool) {
      await pool.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
      await pool.end();
    }
  });

  async function inTransaction(work: (client: PoolClient) => Promise<void>, end: 'commit' | 'rollback') {
    const client = await pool!.connect();
    try {
      await client.query('begin');
      await work(client);
      await client.query(end);
    } finally {
      client.release();
    }
  }

  const ids = async () => (await pool!.query<{ id: string }>(`select id from ${table} order by id`)).rows.map((r) => r.id);

  it('makes a committed transaction visible, and only once committed', async () => {
    await inTransaction(async (client) => {
      await client.query(`insert into ${table} (id, amount_cents) values ($1, $2), ($3, $4)`, ['p1', 1000, 'p2', 250]);
      // Another connection does not see it before the commit.
      expect(await ids()).toEqual([]);
    }, 'commit');
    expect(await ids()).toEqual(['p1', 'p2']);
    const { rows } = await pool!.query(`select sum(amount_cents)::int as total from ${table}`);
    expect(rows[0].total).toBe(1250);
  });

  it('discards a rolled-back transaction', async () => {
    await inTransaction(async (client) => {
      await client.query(`insert into ${table} (id, amount_cents) values ($1, $2)`, ['p3', 99]);
      await client.query(`delete from ${table} where id = $1`, ['p1']);
      expect((await client.query(`select count(*)::int as n from ${table}`)).rows[0].n).toBe(2);
    }, 'rollback');
    expect(await ids()).toEqual(['p1', 'p2']);
  });

  it('rejects a duplicate key', async () => {
    await expect(pool!.query(`insert into ${table} (id, amount_cents) values ('p1', 1)`)).rejects.toMatchObject({
      code: '23505',
    });
  });
});
