import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createPglite } from '@lib/event-store';
import { createPgliteReadModelStore, createPostgresReadModelStore } from '@lib/read-models';
import { trustLedgerContract } from './trust-ledger.contract-suite';

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('DATABASE_URL is not set: run `npm run infra:up` (writes .infra/env) or export DATABASE_URL');
const schema = `rm_trust_ledger_test_${randomBytes(5).toString('hex')}`;

describe('the trust ledger view on the SQL read-model store', () => {
  afterAll(async () => {
    const admin = new Pool({ connectionString, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  trustLedgerContract('PostgreSQL (JSONB rows)', () => createPostgresReadModelStore({ connectionString, schema }));

  describe('on PGlite', () => {
    const db = createPglite();
    afterAll(() => db.close());
    trustLedgerContract('PGlite (JSONB rows)', () => createPgliteReadModelStore({ db, schema: 'rm_trust_ledger' }));
  });
});
