import { randomBytes } from 'node:crypto';
import { mongo } from 'mongoose';

/**
 * A database of its own for one test file and run, dropped at the end, so parallel runs
 * on one MongoDB-wire server never see each other's documents.
 */
export function throwawayDatabase(url: string, prefix: string): { dbName: string; drop: () => Promise<void> } {
  const dbName = `${prefix}_${randomBytes(6).toString('hex')}`;
  return {
    dbName,
    drop: async () => {
      const client = new mongo.MongoClient(url);
      try {
        await client.connect();
        await client.db(dbName).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
