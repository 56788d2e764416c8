import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createPglite } from '@lib/event-store';
import { createMongoReadModelStore, createPgliteReadModelStore, createPostgresReadModelStore, ReadModelStore } from '@lib/read-models';
import { throwawayDatabase } from '@lib/read-models/testing/throwaway-database';
import { auditEventOf, auditTrailProjection } from '../../read-models/audit-trail.projection';
import { auditRecord } from '../../read-models/reporting.fixtures';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { GetAccountHistoryJsonHandler } from './get-account-history-json.handler';
import { GetAccountHistoryJson } from './get-account-history-json.query';
import { GetAccountHistoryHandler } from './get-account-history.handler';
import { GetAccountHistory } from './get-account-history.query';

/**
 * The remembered history on the stores reporting runs on: the query for the entries
 * recorded since an instant (a range on a text field, next to the account) must find what
 * the whole read finds, so every answer, remembered, added to or made afresh, is the
 * history a fresh read gives.
 */
function rememberedHistoryOn(name: string, open: () => Promise<ReadModelStore>) {
  describe(`the remembered history on ${name}`, () => {
    let store: ReadModelStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => store.close());

    it('answers, after every change, what a fresh read answers, and the same after a restart', async () => {
      const accountId = randomUUID();
      const deps = { readModels: store } as unknown as ReportingDependencies;
      const handler = new GetAccountHistoryJsonHandler(deps);
      const ask = async (on = handler) => (await on.execute(new GetAccountHistoryJson(accountId))).toString('utf8');
      const fresh = async () => JSON.stringify(await new GetAccountHistoryHandler(deps).execute(new GetAccountHistory(accountId)));
      const apply = (...records: ReturnType<typeof auditRecord>[]) => store.apply(auditTrailProjection, records.map(auditEventOf));
      const contact = (version: number, at: string) => auditRecord('debtor-contact', accountId, `contact-${accountId}`, version, 'ContactAttemptRecorded', at, { note: `ünïcode ${version}`, 'odd.key': [version] });

      await apply(contact(0, '2026-06-01T09:00:00.000Z'), contact(1, '2026-06-02T09:00:00.000Z'), auditRecord('payments', randomUUID(), 'ledger-x', 0, 'PaymentPosted', '2026-06-03T09:00:00.000Z'));
      const answers: string[] = [await ask()];
      // Later; then the same instant from a service ranked before; then earlier than the latest held.
      await apply(contact(2, '2026-06-03T09:00:00.000Z'));
      answers.push(await ask());
      await apply(auditRecord('client-intake', accountId, `account-${accountId}`, 0, 'AccountPlaced', '2026-06-03T09:00:00.000Z'));
      answers.push(await ask());
      await apply(auditRecord('payments', accountId, `ledger-${accountId}`, 0, 'PaymentPosted', '2026-06-01T12:00:00.000Z'));
      answers.push(await ask());
      expect(answers.map((answer) => (JSON.parse(answer) as unknown[]).length)).toEqual([2, 3, 4, 5]);
      expect(answers[3]).toBe(await fresh());
      expect((JSON.parse(answers[2]) as Array<{ service: string }>).map((entry) => entry.service)).toEqual(['debtor-contact', 'debtor-contact', 'client-intake', 'debtor-contact']);
      expect(await ask()).toBe(answers[3]);
      expect(await ask(new GetAccountHistoryJsonHandler(deps))).toBe(answers[3]);
    });
  });
}

const connectionString = process.env.DATABASE_URL;
const mongoUrl = process.env.MONGO_URL;
if (!connectionString || !mongoUrl) throw new Error('DATABASE_URL and MONGO_URL must be set: run `npm run infra:up` (writes .infra/env)');
const schema = `rm_history_test_${randomBytes(5).toString('hex')}`;
const mongo = throwawayDatabase(mongoUrl, 'history_test');

describe('account history', () => {
  afterAll(async () => {
    const admin = new Pool({ connectionString, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    await mongo.drop();
  });

  const db = createPglite();
  afterAll(() => db.close());
  rememberedHistoryOn('PGlite (JSONB rows)', () => createPgliteReadModelStore({ db, schema: 'rm_reporting' }));
  rememberedHistoryOn('PostgreSQL (JSONB rows)', () => createPostgresReadModelStore({ connectionString, schema }));
  rememberedHistoryOn('MongoDB (FerretDB in CI)', () => createMongoReadModelStore({ url: mongoUrl, dbName: mongo.dbName }));
});
