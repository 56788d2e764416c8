/**
 * Smoke test: mongoose against the MongoDB-wire server from `npm run infra:up`
 * (FerretDB) or MONGO_URL: write, read, indexes (a unique one rejects a duplicate), upsert.
 */
import mongoose, { Connection, Schema } from 'mongoose';
import { requireEnv, uniqueName } from './require-env';

interface Debtor {
  ref: string;
  name: string;
  balanceCents: number;
  tags: string[];
}

const debtorSchema = new Schema<Debtor>(
  {
    ref: { type: String, required: true },
    name: { type: String, required: true },
    balanceCents: { type: Number, required: true },
    tags: { type: [String], default: [] },
  },
  { autoIndex: false, autoCreate: false },
);
debtorSchema.index({ ref: 1 }, { unique: true, name: 'ref_unique' });
debtorSchema.index({ name: 1, balanceCents: -1 }, { name: 'name_balance' });

describe('MongoDB smoke (mongoose)', () => {
  let connection: Connection | undefined;
  // One database per run, dropped afterwards.
  const dbName = uniqueName('smoke');

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(requireEnv('MONGO_URL'), { dbName, serverSelectionTimeoutMS: 5000 })
      .asPromise();
  });

  afterAll(async () => {
    if (connection) {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    }
  });

  const Debtors = () => connection!.model<Debtor>('Debtor', debtorSchema, 'debtors');

  it('writes and reads documents', async () => {
    await Debtors().create([
      { ref: 'D-1', name: 'Ada', balanceCents: 12500, tags: ['new'] },
      { ref: 'D-2', name: 'Bob', balanceCents: 900 },
    ]);
    const ada = await Debtors().findOne({ ref: 'D-1' }).lean();
    expect(ada).toMatchObject({ ref: 'D-1', name: 'Ada', balanceCents: 12500, tags: ['new'] });
    const big = await Debtors().find({ balanceCents: { $gt: 1000 } }).sort({ ref: 1 }).lean();
    expect(big.map((d) => d.ref)).toEqual(['D-1']);
    expect(await Debtors().countDocuments()).toBe(2);
  });

  it('creates indexes, and the unique one rejects a duplicate', async () => {
    await Debtors().createIndexes();
    const names = (await Debtors().collection.indexes()).map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['_id_', 'ref_unique', 'name_balance']));

    await expect(Debtors().create({ ref: 'D-1', name: 'Ada again', balanceCents: 1 })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await Debtors().countDocuments({ ref: 'D-1' })).toBe(1);
  });

  it('upserts', async () => {
    const inserted = await Debtors().updateOne(
      { ref: 'D-3' },
      { $set: { name: 'Cy', balanceCents: 300 }, $setOnInsert: { tags: ['upserted'] } },
      { upsert: true },
    );
    expect(inserted.upsertedCount).toBe(1);

    const updated = await Debtors().findOneAndUpdate(
      { ref: 'D-3' },
      { $inc: { balanceCents: 200 }, $setOnInsert: { tags: ['never'] } },
      { upsert: true, returnDocument: 'after', lean: true },
    );
    expect(updated).toMatchObject({ ref: 'D-3', name: 'Cy', balanceCents: 500, tags: ['upserted'] });
    expect(await Debtors().countDocuments({ ref: 'D-3' })).toBe(1);
  });
});
