import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { AuditRecord, AuditRecordV1, PAYMENTS_LEDGER, PaymentPosted, PaymentPostedV1 as PaymentPostedV1Contract, PaymentPostedV3 } from '@lib/contracts';
import { CommandContext, EventToAppend, handleCommand, hashEvent, RecordedEvent, verifyChain } from '@lib/es-core';
import { CheckpointStore, createPgliteEventStore, createPostgresEventStore, EventStore, withUpcasting } from '@lib/event-store';
import { createPglite } from '@lib/event-store/pglite/load-pglite';
import { integrationMessage, on, ServiceRuntime } from '@lib/integration';
import { createInProcessMessageBus, IncomingMessage, MessageBus } from '@lib/message-bus';
import { ledgerDecider } from '../domain/ledger/ledger.decider';
import type { AccountPaidInFull, LedgerOpened } from '../domain/ledger/ledger.events';
import type { PaymentPostedV1 } from '../domain/ledger/ledger.events.v1';
import { ledgerUpcasters } from '../domain/ledger/ledger.upcasters';
import { paymentsGateway } from './outbound/payments.gateway';

/**
 * A ledger written before `PaymentPosted.v2`, read by today's code: through the upcasting
 * store, by the decider, by the relay (messages and audit trail) and by a consumer, with
 * its hash chain verified all along. Run on PGlite and on PostgreSQL.
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
      const schema = `upcast_${randomUUID().replace(/-/g, '')}`;
      const store = await createPgliteEventStore({ db: pglite, schema, pollIntervalMs: 20 });
      return { store, teardown: async () => (await store.close(), void (await pglite!.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`))) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = `upcast_${randomUUID().replace(/-/g, '')}`;
      const store = await createPostgresEventStore({ connectionString, schema, pollIntervalMs: 20 });
      return { store, teardown: async () => (await store.close(), void (await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`))) };
    },
  ],
];

const NOW = new Date('2026-06-01T09:00:00.000Z');
const ACCOUNT = '6f1c1f4e-2f0a-4c55-9a57-3f5b3c2d8e10';
const STREAM = `ledger-${ACCOUNT}`;

/** The ledger exactly as the decider before `PaymentPosted.v2` wrote it: opened, then paid in full by one payment. */
function ledgerWrittenBeforeV2(): Array<LedgerOpened | PaymentPostedV1 | AccountPaidInFull> {
  const postedAt = NOW.toISOString();
  return [
    {
      type: 'LedgerOpened',
      data: { accountId: ACCOUNT, clientId: 'client-1', currency: 'USD', invoices: [{ number: 'INV-1', dueDate: '2026-01-31', amount: 100_000 }], commissionRateBp: 2_500 },
    },
    {
      type: 'PaymentPosted',
      data: {
        accountId: ACCOUNT,
        clientId: 'client-1',
        paymentId: 'pay-1',
        amount: 100_500,
        currency: 'USD',
        method: 'card',
        allocations: [{ invoiceNumber: 'INV-1', amount: 100_000 }],
        commission: 25_000,
        rateBp: 2_500,
        credit: 500,
        balanceAfter: 0,
        postedAt,
      },
    },
    { type: 'AccountPaidInFull', data: { accountId: ACCOUNT, clientId: 'client-1', paidAt: postedAt } },
  ];
}

/** The `PaymentPosted.v1` message the gateway before v2 published for a stored v1 event. */
function publishedBeforeV2(stored: RecordedEvent): ReturnType<typeof integrationMessage> {
  const { accountId, clientId, paymentId, amount, currency, allocations, commission, credit, balanceAfter, postedAt } = (stored as RecordedEvent<PaymentPostedV1>).data;
  return integrationMessage(PaymentPostedV1Contract, accountId, { accountId, clientId, paymentId, amount, currency, allocations, commission, credit, balanceAfter, postedAt }, stored);
}

const context = (causationId: string): CommandContext => ({
  principal: { role: 'accountant', id: 'accountant-1' },
  correlationId: causationId,
  causationId,
  now: NOW,
  newId: () => randomUUID(),
});

async function appendAsWritten(store: EventStore, events: ReturnType<typeof ledgerWrittenBeforeV2>): Promise<void> {
  const toAppend: EventToAppend[] = events.map((event) => ({
    type: event.type,
    data: event.data,
    metadata: { eventId: randomUUID(), principal: { role: 'collector', id: 'collector-1' }, correlationId: 'c-1', causationId: 'c-1', occurredAt: NOW.toISOString() },
  }));
  await store.appendToStream(STREAM, toAppend, { expectedVersion: 'no_stream' });
}

describe.each(stores)('a ledger stored before PaymentPosted.v2, read by today\'s code (%s)', (_name, create) => {
  let raw: Store;
  let store: Store;
  let teardown: () => Promise<void>;
  beforeEach(async () => {
    ({ store: raw, teardown } = await create());
    store = withUpcasting(raw, ledgerUpcasters);
    await appendAsWritten(raw, ledgerWrittenBeforeV2());
  });
  afterEach(async () => teardown());

  it('reads the v1 payment as v2 with nothing lost, keeps its stored form, and the chain verifies', async () => {
    const events = await store.readStream(STREAM);
    expect(events.map((e) => e.type)).toEqual(['LedgerOpened', 'PaymentPosted.v2', 'AccountPaidInFull']);
    const { rateBp: _gone, ...unchanged } = ledgerWrittenBeforeV2()[1].data as PaymentPostedV1['data'];
    expect(events[1].data).toEqual({ ...unchanged, commissionRateBp: 2_500 });
    expect(events[1].storedAs).toEqual({ type: 'PaymentPosted', data: ledgerWrittenBeforeV2()[1].data });
    expect(events[0].storedAs).toBeUndefined();
    expect(verifyChain(STREAM, events)).toEqual({ ok: true, streamId: STREAM, checked: 3 });

    // Verified on the stored form, not waved through: a changed stored form breaks the chain.
    const forged = events.map((e) => (e.storedAs ? { ...e, storedAs: { ...e.storedAs, data: { ...(e.storedAs.data as object), amount: 1 } } } : e));
    expect(verifyChain(STREAM, forged)).toMatchObject({ ok: false, brokenAt: { version: 1, reason: 'content does not match its hash' } });

    // Nothing was rewritten: the store still holds v1.
    expect((await raw.readStream(STREAM))[1]).toMatchObject({ type: 'PaymentPosted', data: { rateBp: 2_500 } });
    expect((await store.readAll()).map((e) => e.type)).toEqual(['LedgerOpened', 'PaymentPosted.v2', 'AccountPaidInFull']);
  });

  it('lets the decider reverse the v1 payment exactly, appending after it, and the mixed chain verifies', async () => {
    const outcome = await handleCommand(store, ledgerDecider, STREAM, { type: 'ReversePayment', paymentId: 'pay-1', reason: 'chargeback', now: NOW }, context('rev-1'));
    expect(outcome.outcome).toBe('accepted');
    expect(outcome.outcome === 'accepted' && outcome.events[0].data).toMatchObject({ allocations: [{ invoiceNumber: 'INV-1', amount: 100_000 }], commission: 25_000, credit: 500, balanceAfter: 100_000 });
    expect(outcome.state).toMatchObject({ status: 'open', commissionTotal: 0, creditOwed: 0, payments: [{ paymentId: 'pay-1', method: 'card', rateBp: 2_500, reversal: { reason: 'chargeback' } }] });

    const paid = await handleCommand(store, ledgerDecider, STREAM, { type: 'PostPayment', paymentId: 'pay-2', amount: 1_000, currency: 'USD', method: 'ach', now: NOW }, context('pay-2'));
    expect(paid.outcome).toBe('accepted');
    const raws = await raw.readStream(STREAM);
    expect(raws.map((e) => e.type)).toEqual(['LedgerOpened', 'PaymentPosted', 'AccountPaidInFull', 'PaymentReversed', 'PaymentPosted.v2']);
    expect(verifyChain(STREAM, await store.readStream(STREAM))).toMatchObject({ ok: true, checked: 5 });
    expect(verifyChain(STREAM, raws)).toMatchObject({ ok: true, checked: 5 });
  });

  describe('through the relay and a consumer', () => {
    let bus: MessageBus;
    const runtimes: ServiceRuntime[] = [];
    beforeEach(() => {
      bus = createInProcessMessageBus({ retryBackoff: { initialMs: 10, maxMs: 20 } });
    });
    afterEach(async () => {
      for (const runtime of runtimes.splice(0)) await runtime.stop();
      await bus.close();
    });

    it('publishes the v1 payment as PaymentPosted.v3, its audit copy in the stored form, and upcasts an old v1 message for the consumer', async () => {
      const received: Array<{ data: PaymentPostedV3; type: string }> = [];
      const audited: AuditRecordV1[] = [];
      const common = { bus, now: () => NOW, newId: () => randomUUID(), relayIntervalMs: 10 };
      const payments = new ServiceRuntime({ ...common, service: 'payments', store, gateway: paymentsGateway, accountIdOf: () => ACCOUNT, publishes: [PAYMENTS_LEDGER] });
      const consumerStore = withUpcasting(raw, {});
      const consumer = new ServiceRuntime({
        ...common,
        service: 'consumer',
        store: consumerStore,
        gateway: () => [],
        accountIdOf: () => undefined,
        publishes: [],
        relayIntervalMs: 60_000,
        inbound: [
          on(PaymentPosted, async (data, _context, message: IncomingMessage) => void received.push({ data, type: message.headers['message-type'] })),
          on(AuditRecord, async (record) => void audited.push(record)),
        ],
      });
      runtimes.push(consumer, payments);
      await consumer.start();
      await payments.start();
      await waitUntil(() => received.length === 1 && audited.length === 3);

      // Stored before plans, holds and direct reports: no plan, cleared, collected by the agency.
      expect(received[0]).toEqual({
        type: 'PaymentPosted.v3',
        data: expect.objectContaining({ paymentId: 'pay-1', method: 'card', commissionRateBp: 2_500, credit: 500, commission: 25_000, direct: false, plan: null, clearsAt: null }),
      });
      // The audit copy carries the stored form, so its hash still verifies.
      const [opened, posted] = audited;
      expect(posted).toMatchObject({ type: 'PaymentPosted', data: { rateBp: 2_500 } });
      expect(hashEvent(opened.metadata.hash, posted)).toBe(posted.metadata.hash);

      // A PaymentPosted.v1 message still on the topic, as the gateway before v2 published it.
      const [storedPayment] = (await raw.readStream(STREAM)).filter((e) => e.type === 'PaymentPosted');
      const old = publishedBeforeV2(storedPayment);
      await bus.publish([{ ...old, headers: { ...old.headers, 'message-id': 'old-v1-message' } }]);
      await waitUntil(() => received.length === 2);
      expect(received[1]).toEqual({
        type: 'PaymentPosted.v1',
        data: { ...(old.value as object), method: null, commissionRateBp: null, direct: null, plan: null, clearsAt: null },
      });
      expect(PaymentPostedV3.parse(received[1].data)).toBe(received[1].data);
    });
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
