import mongoose, { mongo } from 'mongoose';
import { readModelStoreContract } from '../contract-suite/read-model-store.contract-suite';
import { clientPortfolios, placed } from '../contract-suite/read-model-store.fixtures';
import { StoredDocument } from '../fold';
import { createMongoReadModelStore, MongoReadModelStore } from './mongo-read-model-store';
import { throwawayDatabase } from '@lib/read-models/testing/throwaway-database';

const url = process.env.MONGO_URL;
const { dbName, drop } = throwawayDatabase(url ?? '', 'rm_test');

describe('MongoDB read-model store', () => {
  if (!url) {
    it('needs MONGO_URL (run `npm run infra:up`, or point MONGO_URL at a MongoDB-wire server)', () => {
      throw new Error('MONGO_URL is not set');
    });
    return;
  }

  afterAll(drop);

  readModelStoreContract(`MongoDB at ${url.replace(/\/\/[^@/]*@/, '//***@')}`, () => createMongoReadModelStore({ url, dbName }));

  describe('beyond the contract', () => {
    it('a new document another writer creates between read and write: the insert loses, re-reads, nothing is lost', async () => {
      const projection = clientPortfolios('interleaved_insert');
      const { store, other } = await interleaved(projection.name, (other) => other.apply(projection, [placed('n2', 'client-n', 50)]));
      try {
        await store.apply(projection, [placed('n1', 'client-n', 100)]);

        expect(await store.findOne(projection.name, { _id: 'client-n' })).toMatchObject({ accounts: 2, placedTotal: 150 });
        expect(store.conflictRetries).toBe(1);
      } finally {
        await Promise.all([store.close(), other.close()]);
      }
    });

    it('a document another writer changes between read and write: the replace misses its _rev, re-reads, nothing is lost', async () => {
      const projection = clientPortfolios('interleaved_replace');
      const { store, other } = await interleaved(projection.name, (other) => other.apply(projection, [placed('c3', 'client-c', 25)]));
      try {
        await other.apply(projection, [placed('c1', 'client-c', 100), placed('x1', 'client-x', 1)]);
        await store.apply(projection, [placed('c2', 'client-c', 50), placed('x2', 'client-x', 2)]);

        expect(await store.find(projection.name)).toEqual([
          { _id: 'client-c', clientId: 'client-c', accounts: 3, placedTotal: 175, collectedTotal: 0 },
          { _id: 'client-x', clientId: 'client-x', accounts: 2, placedTotal: 3, collectedTotal: 0 },
        ]);
        // Both documents of the chunk go round again; client-x finds its event applied and is not rewritten.
        expect(store.conflictRetries).toBe(2);
      } finally {
        await Promise.all([store.close(), other.close()]);
      }
    });

    it('fails at creation with a message naming the server when it cannot connect', async () => {
      await expect(createMongoReadModelStore({ url: 'mongodb://127.0.0.1:1/x', serverSelectionTimeoutMS: 300 })).rejects.toThrow(
        /cannot connect to mongodb:\/\/127\.0\.0\.1:1/,
      );
    });
  });
});

/**
 * A store whose first read of `collection` is followed, before it writes, by `interfere`
 * run on a second store (another process, as far as the first one can tell).
 */
async function interleaved(
  collection: string,
  interfere: (other: MongoReadModelStore) => Promise<void>,
): Promise<{ store: MongoReadModelStore; other: MongoReadModelStore }> {
  const url = process.env.MONGO_URL!;
  const other = await createMongoReadModelStore({ url, dbName });
  const connection = await mongoose.createConnection(url, { dbName }).asPromise();
  let interfered = false;
  class Interleaved extends MongoReadModelStore {
    protected override async load(target: mongo.Collection<StoredDocument>, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
      const stored = await super.load(target, ids);
      if (!interfered && target.collectionName === collection) {
        interfered = true;
        await interfere(other);
      }
      return stored;
    }
  }
  return { store: new Interleaved(connection), other };
}
