import { createMongoReadModelStore } from '@lib/read-models';
import { throwawayDatabase } from '@lib/read-models/testing/throwaway-database';
import { trustLedgerContract } from './trust-ledger.contract-suite';

const url = process.env.MONGO_URL;
const { dbName, drop } = throwawayDatabase(url ?? '', 'trust_ledger_test');

describe('the trust ledger view on MongoDB (FerretDB in CI)', () => {
  if (!url) {
    it('needs MONGO_URL (run `npm run infra:up`, or point MONGO_URL at a MongoDB-wire server)', () => {
      throw new Error('MONGO_URL is not set');
    });
    return;
  }

  afterAll(drop);

  trustLedgerContract('MongoDB', () => createMongoReadModelStore({ url, dbName }));
});
