import mongoose, { mongo } from 'mongoose';
import { readModelStoreContract } from '../contract-suite/read-model-store.contract-suite';
import { accountBalances, clientPortfolios, counters, paid, placed, recalled, tick } from '../contract-suite/read-model-store.fixtures';
import { StoredDocument } from '../fold';
import { ProjectedEvent } from '../read-model-store.port';
import { rebuildProjection } from '../rebuild';
import { createMongoReadModelStore, MongoReadModelStore, MongoReadModelStoreOptions, ReadModelConflictError } from './mongo-read-model-store';

type MongoReadModelStoreOptionsForTest = Pick<MongoReadModelStoreOptions, 'exactIdFilters' | 'singleWriter'>;
import { throwawayDatabase } from '@lib/read-models/testing/throwaway-database';

const url = process.env.MONGO_URL;
const { dbName, drop } = throwawayDatabase(url ?? '', 'rm_test');
const severalWriters = throwawayDatabase(url ?? '', 'rm_test');

describe('MongoDB read-model store', () => {
  if (!url) {
    it('needs MONGO_URL (run `npm run infra:up`, or point MONGO_URL at a MongoDB-wire server)', () => {
      throw new Error('MONGO_URL is not set');
    });
    return;
  }

  afterAll(async () => {
    await Promise.all([drop(), severalWriters.drop()]);
  });

  readModelStoreContract(`MongoDB at ${url.replace(/\/\/[^@/]*@/, '//***@')}`, () => createMongoReadModelStore({ url, dbName }));

  readModelStoreContract(
    `MongoDB at ${url.replace(/\/\/[^@/]*@/, '//***@')}, several writers allowed (singleWriter: false)`,
    () => createMongoReadModelStore({ url, dbName: severalWriters.dbName, singleWriter: false }),
  );

  describe('beyond the contract', () => {
    // Both ways of compare-and-swap: `{ _id, _rev }` filters (atomic on MongoDB) and exact
    // `_id` filters with a re-read of `_rev` (what the store uses on FerretDB).
    describe.each([
      { exactIdFilters: false, chunkRetries: 2 },
      { exactIdFilters: true, chunkRetries: 1 },
    ])('exactIdFilters: $exactIdFilters', ({ exactIdFilters, chunkRetries }) => {
      const suffix = exactIdFilters ? 'exact' : 'filter';

      it('a new document another writer creates between read and write: the insert loses, re-reads, nothing is lost', async () => {
        const projection = clientPortfolios(`interleaved_insert_${suffix}`);
        const { store, other } = await interleaved(projection.name, (other) => other.apply(projection, [placed('n2', 'client-n', 50)]), { exactIdFilters });
        try {
          await store.apply(projection, [placed('n1', 'client-n', 100)]);

          expect(await store.findOne(projection.name, { _id: 'client-n' })).toMatchObject({ accounts: 2, placedTotal: 150 });
          expect(store.conflictRetries).toBe(1);
        } finally {
          await Promise.all([store.close(), other.close()]);
        }
      });

      it('a document another writer changes between read and write: the replace misses its _rev, re-reads, nothing is lost', async () => {
        const projection = clientPortfolios(`interleaved_replace_${suffix}`);
        const { store, other } = await interleaved(projection.name, (other) => other.apply(projection, [placed('c3', 'client-c', 25)]), { exactIdFilters });
        try {
          await other.apply(projection, [placed('c1', 'client-c', 100), placed('x1', 'client-x', 1)]);
          await store.apply(projection, [placed('c2', 'client-c', 50), placed('x2', 'client-x', 2)]);

          expect(await store.find(projection.name)).toEqual([
            { _id: 'client-c', clientId: 'client-c', accounts: 3, placedTotal: 175, collectedTotal: 0 },
            { _id: 'client-x', clientId: 'client-x', accounts: 2, placedTotal: 3, collectedTotal: 0 },
          ]);
          // With `{ _id, _rev }` filters both documents of the chunk go round again (client-x
          // finds its event applied and is not rewritten); with a re-read per document only client-c.
          expect(store.conflictRetries).toBe(chunkRetries);
        } finally {
          await Promise.all([store.close(), other.close()]);
        }
      });

      it('a document another writer deletes between read and write: the replace misses, re-reads, keeps the tombstone', async () => {
        const projection = accountBalances(`interleaved_delete_${suffix}`);
        const { store, other } = await interleaved(projection.name, (other) => other.apply(projection, [recalled('d1', 'client-d', 2)]), { exactIdFilters });
        try {
          await other.apply(projection, [placed('d1', 'client-d', 500)]);
          await store.apply(projection, [paid('d1', 'client-d', 100, 1)]);

          // The payment (version 1) is folded onto the tombstone: the account stays deleted.
          expect(await store.findOne(projection.name, { _id: 'account-d1' })).toBeNull();
          expect(store.conflictRetries).toBe(1);
        } finally {
          await Promise.all([store.close(), other.close()]);
        }
      });
    });

    describe.each([{ exactIdFilters: false }, { exactIdFilters: true }])('write-through cache, exactIdFilters: $exactIdFilters', ({ exactIdFilters }) => {
      const suffix = exactIdFilters ? 'exact' : 'filter';

      it('a cached document another writer changed meanwhile: the write notices its _rev, re-reads, nothing is lost', async () => {
        const projection = clientPortfolios(`cached_changed_${suffix}`);
        const store = await createMongoReadModelStore({ url, dbName, exactIdFilters, singleWriter: false });
        const other = await createMongoReadModelStore({ url, dbName, exactIdFilters, singleWriter: false });
        try {
          await store.apply(projection, [placed('k1', 'client-k', 100)]);
          await store.apply(projection, [placed('k2', 'client-k', 10)]);
          await other.apply(projection, [placed('k3', 'client-k', 50)]);
          expect(store.conflictRetries).toBe(0);

          await store.apply(projection, [placed('k4', 'client-k', 1)]);

          expect(await other.findOne(projection.name, { _id: 'client-k' })).toMatchObject({ accounts: 4, placedTotal: 161 });
          expect(store.conflictRetries).toBe(1);
        } finally {
          await Promise.all([store.close(), other.close()]);
        }
      });

      it('a cached document another writer deleted meanwhile: the write misses, re-reads, keeps the tombstone', async () => {
        const projection = accountBalances(`cached_deleted_${suffix}`);
        const store = await createMongoReadModelStore({ url, dbName, exactIdFilters, singleWriter: false });
        const other = await createMongoReadModelStore({ url, dbName, exactIdFilters, singleWriter: false });
        try {
          await store.apply(projection, [placed('e1', 'client-e', 500)]);
          await other.apply(projection, [recalled('e1', 'client-e', 1)]);

          await store.apply(projection, [paid('e1', 'client-e', 100, 2)]);

          expect(await store.findOne(projection.name, { _id: 'account-e1' })).toBeNull();
          expect(store.conflictRetries).toBe(1);
        } finally {
          await Promise.all([store.close(), other.close()]);
        }
      });
    });

    describe('singleWriter', () => {
      it.each([
        { options: { exactIdFilters: true, singleWriter: true }, reads: 0 },
        { options: { exactIdFilters: true, singleWriter: false }, reads: 2 },
        { options: { exactIdFilters: false, singleWriter: false }, reads: 1 },
      ])('$options: a new document and one more event on it take $reads reads from the server', async ({ options, reads }) => {
        const projection = clientPortfolios(`reads_${options.exactIdFilters}_${options.singleWriter}`);
        const connection = await mongoose.createConnection(url, { dbName, monitorCommands: true }).asPromise();
        let finds = 0;
        connection.getClient().on('commandStarted', (event) => {
          if (event.commandName === 'find' && event.command.find === projection.name) finds += 1;
        });
        const store = new MongoReadModelStore(connection, options);
        try {
          await store.apply(projection, [placed('s1', 'client-s', 10)]);
          await store.apply(projection, [placed('s2', 'client-s', 20)]);

          expect(finds).toBe(reads);
          expect(await store.findOne(projection.name, { _id: 'client-s' })).toMatchObject({ accounts: 2, placedTotal: 30 });
        } finally {
          await store.close();
        }
      });

      it('a document it has not read, written before (another process, an earlier run): the insert finds it, it is read and folded onto', async () => {
        const projection = clientPortfolios('single_writer_existing');
        const earlier = await createMongoReadModelStore({ url, dbName, singleWriter: true });
        await earlier.apply(projection, [placed('w1', 'client-w', 100)]);
        await earlier.close();
        const store = await createMongoReadModelStore({ url, dbName, singleWriter: true });
        try {
          await store.apply(projection, [placed('w2', 'client-w', 50), placed('w1', 'client-w', 100)]);

          expect(await store.findOne(projection.name, { _id: 'client-w' })).toMatchObject({ accounts: 2, placedTotal: 150 });
          expect(store.conflictRetries).toBe(0);
        } finally {
          await store.close();
        }
      });

      it('events that fold into nothing from an empty document still reach the stored one', async () => {
        const projection = accountBalances('single_writer_nothing_on_guess');
        const earlier = await createMongoReadModelStore({ url, dbName, singleWriter: true });
        await earlier.apply(projection, [placed('v1', 'client-v', 500)]);
        await earlier.close();
        const store = await createMongoReadModelStore({ url, dbName, singleWriter: true });
        try {
          // A payment on no document folds into nothing (accountBalances keeps it absent).
          await store.apply(projection, [paid('v1', 'client-v', 100, 1)]);

          expect(await store.findOne(projection.name, { _id: 'account-v1' })).toMatchObject({ balance: { amount: 400 }, payments: 1 });
        } finally {
          await store.close();
        }
      });

      it('a projection that throws on an empty document is folded again on the stored one before the apply is refused', async () => {
        const balances = accountBalances('single_writer_throws_on_guess');
        const strict = {
          ...balances,
          evolve: (document: Parameters<typeof balances.evolve>[0], event: ProjectedEvent) => {
            if (!document && event.type === 'PaymentPosted') throw new Error('a payment needs its account');
            return balances.evolve(document, event);
          },
        };
        const earlier = await createMongoReadModelStore({ url, dbName, singleWriter: true });
        await earlier.apply(strict, [placed('t1', 'client-t', 500)]);
        await earlier.close();
        const store = await createMongoReadModelStore({ url, dbName, singleWriter: true });
        try {
          await store.apply(strict, [paid('t1', 'client-t', 100, 1)]);
          await expect(store.apply(strict, [paid('t9', 'client-t', 100, 1)])).rejects.toThrow('a payment needs its account');

          expect(await store.findOne(strict.name, { _id: 'account-t1' })).toMatchObject({ balance: { amount: 400 } });
          expect(await store.findOne(strict.name, { _id: 'account-t9' })).toBeNull();
        } finally {
          await store.close();
        }
      });

      it('createMongoReadModelStore takes the store for the only writer exactly when it uses exact _id filters, unless told', async () => {
        const store = await createMongoReadModelStore({ url, dbName });
        const told = await createMongoReadModelStore({ url, dbName, singleWriter: !store.exactIdFilters });
        try {
          expect(store.singleWriter).toBe(store.exactIdFilters);
          expect(told.singleWriter).toBe(!store.exactIdFilters);
        } finally {
          await Promise.all([store.close(), told.close()]);
        }
      });
    });

    it('applies of one projection sharing a round, one of them throwing: only that one fails, the others land in arrival order', async () => {
      const projection = counters('shared_round_throws');
      const strict: typeof projection = {
        ...projection,
        evolve: (document, event) => {
          if (event.streamId === 'broken') throw new Error('cannot project this event');
          return projection.evolve(document, event);
        },
      };
      const store = await createMongoReadModelStore({ url, dbName });
      try {
        await store.apply(strict, [tick('clock-0', 0)]);
        // Called together, so the three share the next round (folded as one list first).
        const results = await Promise.allSettled([
          store.apply(strict, [tick('clock-1', 0)]),
          store.apply(strict, [tick('clock-2', 0), tick('broken', 0)]),
          store.apply(strict, [tick('clock-3', 0)]),
        ]);

        expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(await store.findOne(strict.name, { _id: 'counter-1' })).toMatchObject({ count: 3, seen: ['clock-0@0', 'clock-1@0', 'clock-3@0'] });
      } finally {
        await store.close();
      }
    });

    describe('serialWrites', () => {
      it('applies on several collections at once: never two write commands in flight, every event lands', async () => {
        const projections = [0, 1, 2, 3].map((n) => accountBalances(`serial_writes_${n}`));
        const connection = await mongoose.createConnection(url, { dbName, monitorCommands: true }).asPromise();
        let inFlight = 0;
        let mostInFlight = 0;
        const writes = new Set<number>();
        connection.getClient().on('commandStarted', (event) => {
          if (event.commandName !== 'insert' && event.commandName !== 'update') return;
          writes.add(event.requestId);
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
        });
        const ended = (event: { requestId: number }): void => {
          if (writes.delete(event.requestId)) inFlight -= 1;
        };
        connection.getClient().on('commandSucceeded', ended);
        connection.getClient().on('commandFailed', ended);
        const store = new MongoReadModelStore(connection, { exactIdFilters: true, singleWriter: true, serialWrites: true });
        try {
          await Promise.all(
            projections.flatMap((projection) => [
              store.apply(projection, [placed('q1', 'client-q', 100)]),
              store.apply(projection, [placed('q2', 'client-q', 200)]),
              store.apply(projection, [paid('q1', 'client-q', 30, 1)]),
            ]),
          );

          expect(mostInFlight).toBe(1);
          for (const projection of projections) {
            expect(await store.findOne(projection.name, { _id: 'account-q1' })).toMatchObject({ balance: { amount: 70 }, payments: 1 });
            expect(await store.findOne(projection.name, { _id: 'account-q2' })).toMatchObject({ balance: { amount: 200 } });
          }
        } finally {
          await store.close();
        }
      });

      it('is off unless told', async () => {
        const store = await createMongoReadModelStore({ url, dbName });
        const told = await createMongoReadModelStore({ url, dbName, serialWrites: true });
        try {
          expect(store.serialWrites).toBe(false);
          expect(told.serialWrites).toBe(true);
        } finally {
          await Promise.all([store.close(), told.close()]);
        }
      });
    });

    it.each([
      { cacheSize: undefined, expectedLoads: 1 },
      { cacheSize: 0, expectedLoads: 2 },
    ])('cacheSize $cacheSize: a document this store wrote is loaded $expectedLoads time(s) over two applies, same result', async ({ cacheSize, expectedLoads }) => {
      const projection = clientPortfolios(`load_count_${cacheSize ?? 'default'}`);
      const connection = await mongoose.createConnection(url, { dbName }).asPromise();
      let loads = 0;
      class Counting extends MongoReadModelStore {
        protected override load(target: mongo.Collection<StoredDocument>, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
          loads += 1;
          return super.load(target, ids);
        }
      }
      const store = new Counting(connection, { cacheSize });
      try {
        await store.apply(projection, [placed('u1', 'client-u', 1)]);
        await store.apply(projection, [placed('u2', 'client-u', 2)]);

        expect(loads).toBe(expectedLoads);
        expect(await store.findOne(projection.name, { _id: 'client-u' })).toMatchObject({ accounts: 2, placedTotal: 3 });
      } finally {
        await store.close();
      }
    });

    it('a rebuild inserts each document once, and refuses to overwrite one another writer created meanwhile', async () => {
      const projection = accountBalances('rebuild_raced');
      const store = await createMongoReadModelStore({ url, dbName });
      const other = await createMongoReadModelStore({ url, dbName });
      async function* history(): AsyncGenerator<ProjectedEvent> {
        yield placed('r1', 'client-r', 100);
        yield placed('r2', 'client-r', 200);
        // After the reset, before the rebuild writes: another process creates account-r2.
        await other.apply(projection, [placed('r2', 'client-r', 999)]);
      }
      try {
        await expect(rebuildProjection(store, projection, history())).rejects.toThrow(ReadModelConflictError);

        expect(await store.findOne(projection.name, { _id: 'account-r2' })).toMatchObject({ balance: { amount: 999 } });
        expect(await store.findOne(projection.name, { _id: 'account-r1' })).toMatchObject({ balance: { amount: 100 } });
      } finally {
        await Promise.all([store.close(), other.close()]);
      }
    });

    it.each([{ exactIdFilters: true }, { exactIdFilters: false }])(
      '$exactIdFilters: keeps the applied versions as text, and reads a document stored with them as an object (before) with its guard',
      async ({ exactIdFilters }) => {
        const projection = clientPortfolios(`applied_text_${exactIdFilters}`);
        const raw = await mongoose.createConnection(url, { dbName }).asPromise();
        const store = await createMongoReadModelStore({ url, dbName, exactIdFilters, singleWriter: false });
        try {
          await store.apply(projection, [placed('t1', 'client-t', 100)]);
          const written = await raw.db!.collection<StoredDocument>(projection.name).findOne({ _id: 'client-t' });
          expect(typeof written!._applied).toBe('string');
          expect(JSON.parse(written!._applied as unknown as string)).toEqual({ 'account-t1': 0 });

          // Stored before the versions were text: `account-o1` at version 0 already counted.
          await raw.db!.collection<StoredDocument>(projection.name).insertOne({
            _id: 'client-o', clientId: 'client-o', accounts: 1, placedTotal: 70, collectedTotal: 0, _applied: { 'account-o1': 0 }, _rev: 1,
          });
          await store.apply(projection, [placed('o1', 'client-o', 70), placed('o2', 'client-o', 30)]);

          expect(await store.findOne(projection.name, { _id: 'client-o' })).toEqual({ _id: 'client-o', clientId: 'client-o', accounts: 2, placedTotal: 100, collectedTotal: 0 });
          const rewritten = await raw.db!.collection<StoredDocument>(projection.name).findOne({ _id: 'client-o' });
          expect(JSON.parse(rewritten!._applied as unknown as string)).toEqual({ 'account-o1': 0, 'account-o2': 0 });
        } finally {
          await Promise.all([store.close(), raw.close()]);
        }
      },
    );

    it('createMongoReadModelStore uses exact _id filters exactly when the server is FerretDB', async () => {
      const store = await createMongoReadModelStore({ url, dbName });
      const probe = await mongoose.createConnection(url, { dbName }).asPromise();
      try {
        const info = await probe.db!.admin().command({ buildInfo: 1 });
        expect(store.exactIdFilters).toBe(typeof info.ferretdbVersion === 'string');
      } finally {
        await Promise.all([store.close(), probe.close()]);
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
  options: MongoReadModelStoreOptionsForTest,
): Promise<{ store: MongoReadModelStore; other: MongoReadModelStore }> {
  const url = process.env.MONGO_URL!;
  const other = await createMongoReadModelStore({ url, dbName, ...options });
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
  return { store: new Interleaved(connection, options), other };
}
