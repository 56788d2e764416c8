import { createMongoReadModelStore } from '@lib/read-models';
import { reportingQueriesContract } from './reporting-queries.contract-suite';
import { throwawayDatabase } from '@lib/read-models/testing/throwaway-database';

const url = process.env.MONGO_URL;
const { dbName, drop } = throwawayDatabase(url ?? '', 'reporting_test');

describe('reporting read models on MongoDB (FerretDB in CI)', () => {
  if (!url) {
    it('needs MONGO_URL (run `npm run infra:up`, or point MONGO_URL at a MongoDB-wire server)', () => {
      throw new Error('MONGO_URL is not set');
    });
    return;
  }

  afterAll(drop);

  reportingQueriesContract('MongoDB', () => createMongoReadModelStore({ url, dbName }));
});
