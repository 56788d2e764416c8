import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { EventToAppend, RecordedEvent } from '@lib/es-core';
import { CheckpointStore, createPgliteEventStore, createPostgresEventStore, EventStore } from '@lib/event-store';
import { createPglite } from '@lib/event-store/pglite/load-pglite';
import type { TrustInput } from '../../domain/trust-ledger/trust-ledger';
import { ClientTrustIndex, CLIENT_TRUST_INDEX_CHECKPOINT, clientTrustStreamId } from './client-trust-index';
import { readTrustInputsFromLog } from './read-trust-inputs';

/**
 * The per-client index of payments' log gives a client exactly the trust inputs the whole
 * log holds for it, and stays so when caught up again from an older checkpoint (a crash
 * between copying and saving the checkpoint). Run on PGlite and on PostgreSQL.
 */
type Store = EventStore & CheckpointStore;

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('DATABASE_URL is not set: run `npm run infra:up` (writes .infra/env) or export DATABASE_URL');

let pglite: PGlite | undefined;
const admin = new Pool({ connectionString, max: 1 });
afterAll(async () => {
  await pglite?.close();
  await admin.end();
});

const stores: Array<[string, () => Promise<{ store: Store; teardown: () => Promise<void> }>]> = [
  [
    'PGlite',
    async () => {
      pglite ??= createPglite();
      const schema = `trust_index_${randomUUID().replace(/-/g, '')}`;
      const store = await createPgliteEventStore({ db: pglite, schema, pollIntervalMs: 20 });
      return { store, teardown: async () => (await store.close(), void (await pglite!.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`))) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = `trust_index_${randomUUID().replace(/-/g, '')}`;
      const store = await createPostgresEventStore({ connectionString, schema, pollIntervalMs: 20 });
      return { store, teardown: async () => (await store.close(), void (await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`))) };
    },
  ],
];

const CLIENT = 'client-a';
const OTHER = 'client-b';

const event = (type: string, data: Record<string, unknown>, occurredAt: string): EventToAppend => ({
  type,
  data,
  metadata: { eventId: randomUUID(), principal: { role: 'accountant', id: 'spec' }, correlationId: 'spec', causationId: 'spec', occurredAt },
});

/** A payment, and its reversal when asked, on a fresh ledger of `clientId`. */
async function ledgerWithPayment(store: Store, clientId: string, paymentId: string, at: string, reversedAt?: string): Promise<void> {
  const accountId = randomUUID();
  const posted = { accountId, clientId, paymentId, amount: 10_000, currency: 'USD', method: 'ach', allocations: [], commission: 2_500, commissionRateBp: 2_500, plan: null, feeCase: null, credit: 0, balanceAfter: 0, postedAt: at, clearsAt: at };
  await store.appendToStream(
    `ledger-${accountId}`,
    [
      event('LedgerOpened', { accountId, clientId, currency: 'USD', invoices: [], commissionRateBp: 2_500 }, at),
      event('PaymentPosted.v2', posted, at),
      ...(reversedAt ? [event('PaymentReversed', { ...posted, reason: 'nsf', reversedAt, stage: 'cleared' }, reversedAt)] : []),
    ],
    { expectedVersion: 'no_stream' },
  );
}

const shape = (inputs: TrustInput[]) => inputs.map((input) => ({ type: input.type, data: input.data, occurredAt: (input as unknown as RecordedEvent).metadata.occurredAt }));

describe.each(stores)('the per-client trust index (%s)', (_name, open) => {
  let store: Store;
  let teardown: () => Promise<void>;
  beforeEach(async () => ({ store, teardown } = await open()));
  afterEach(() => teardown());

  it("gives a client exactly the trust inputs the whole log holds for it, in log order, as of a moment", async () => {
    await ledgerWithPayment(store, CLIENT, 'p-1', '2026-01-05T10:00:00.000Z', '2026-01-20T10:00:00.000Z');
    await ledgerWithPayment(store, OTHER, 'p-2', '2026-01-06T10:00:00.000Z');
    await ledgerWithPayment(store, CLIENT, 'p-3', '2026-02-03T10:00:00.000Z');
    await store.appendToStream(`remittances-${CLIENT}`, [event('RemittanceIssued', { remittanceId: 'r-1', clientId: CLIENT, currency: 'USD', paymentIds: ['p-1'], issuedAt: '2026-02-01T00:00:00.000Z' }, '2026-02-01T00:00:00.000Z')], { expectedVersion: 'no_stream' });
    const index = new ClientTrustIndex(store);

    for (const asOf of ['2026-01-10T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']) {
      const fromIndex = await index.inputsOf(CLIENT, new Date(asOf));
      expect(shape(fromIndex)).toEqual(shape(await readTrustInputsFromLog(store, new Date(asOf), CLIENT)));
    }
    expect((await index.inputsOf(CLIENT, new Date('2026-03-01T00:00:00.000Z'))).map((input) => input.type)).toEqual(['PaymentPosted.v2', 'PaymentReversed', 'PaymentPosted.v2', 'RemittanceIssued']);
    expect((await index.inputsOf(OTHER, new Date('2026-03-01T00:00:00.000Z'))).map((input) => input.data.clientId)).toEqual([OTHER]);
  });

  it('copies the events recorded since the last read when the client is read again', async () => {
    const index = new ClientTrustIndex(store);
    await ledgerWithPayment(store, CLIENT, 'p-1', '2026-01-05T10:00:00.000Z');
    expect(await index.inputsOf(CLIENT, new Date('2026-03-01T00:00:00.000Z'))).toHaveLength(1);

    await ledgerWithPayment(store, CLIENT, 'p-2', '2026-01-07T10:00:00.000Z');
    const inputs = await index.inputsOf(CLIENT, new Date('2026-03-01T00:00:00.000Z'));
    expect(inputs.map((input) => (input.data as { paymentId: string }).paymentId)).toEqual(['p-1', 'p-2']);
  });

  it('copies nothing twice when caught up again from an older checkpoint, and still copies what is new', async () => {
    await ledgerWithPayment(store, CLIENT, 'p-1', '2026-01-05T10:00:00.000Z', '2026-01-06T10:00:00.000Z');
    await new ClientTrustIndex(store).catchUp();
    // A crash after copying and before saving: the checkpoint still says nothing was copied.
    await store.save(CLIENT_TRUST_INDEX_CHECKPOINT, -1n);
    await ledgerWithPayment(store, CLIENT, 'p-2', '2026-01-07T10:00:00.000Z');

    const restarted = new ClientTrustIndex(store);
    await Promise.all([restarted.catchUp(), new ClientTrustIndex(store).catchUp()]);

    expect((await store.readStream(clientTrustStreamId(CLIENT))).map((copy) => `${copy.type} ${(copy.data as { paymentId: string }).paymentId}`)).toEqual([
      'PaymentPosted.v2 p-1',
      'PaymentReversed p-1',
      'PaymentPosted.v2 p-2',
    ]);
    expect(shape(await restarted.inputsOf(CLIENT, new Date('2026-03-01T00:00:00.000Z')))).toEqual(shape(await readTrustInputsFromLog(store, new Date('2026-03-01T00:00:00.000Z'), CLIENT)));
  });
});
