import { randomUUID } from 'node:crypto';
import { AccountPlaced, AccountPlacedV2, AgreementVersionPublished, AgreementVersionPublishedV1, AUDIT_EVENTS, Contract, PAYMENTS_LEDGER, PaymentPosted } from '@lib/contracts';
import type { TestClock } from '@lib/clock';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { fixedClientKeys, HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { agreementVersion } from './domain/commission-plan/commission.fixtures';
import { recomputeCommission } from './domain/commission-plan/recompute';
import type { LedgerEvent } from './domain/ledger/ledger.events';
import { PaymentsModule } from './payments.module';

const WAIT = { timeoutMs: 5_000 };

describe('payments charges commission from the client’s published rate plan (PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let http: HttpClient;
  let clock: TestClock;
  let audit: IncomingMessage[];
  let ledgerMessages: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({
      name: 'payments',
      clockStart: '2026-06-01T09:00:00.000Z',
      module: (deps) => PaymentsModule.register(deps),
      extraImports: [fixedClientKeys({})],
      listenTo: [PAYMENTS_LEDGER, AUDIT_EVENTS],
    });
    ({ store, bus, http, clock, close } = sut);
    audit = sut.received(AUDIT_EVENTS);
    ledgerMessages = sut.received(PAYMENTS_LEDGER);
  });
  afterAll(() => close());

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data): Promise<void> {
    await bus.publish([{ topic: contract.topic, key, value, headers: { 'message-type': contract.type, 'message-id': randomUUID(), 'correlation-id': 'c', 'causation-id': 'c', 'source-stream': `x-${key}`, 'source-version': '0' } }]);
  }

  async function publishAgreement(version: AgreementVersionPublishedV1): Promise<void> {
    await publish(AgreementVersionPublished, version.clientId, version);
    // The agreements stream has no account, so no audit copy to wait on: poll the store.
    const deadline = Date.now() + WAIT.timeoutMs;
    while (!(await store.readStream(`agreements-${version.clientId}`)).some((e) => (e.data as { version: number }).version === version.version)) {
      if (Date.now() > deadline) throw new Error(`agreement v${version.version} of ${version.clientId} not stored in time`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function placeAccount(clientId: string, category: AccountPlacedV2['category'] = 'standard'): Promise<string> {
    const accountId = randomUUID();
    await publish(AccountPlaced, accountId, { ...placedData(accountId, clientId), category });
    await waitFor(`ledger ${accountId}`, () => audit.some((m) => m.key === `ledger-${accountId}`), WAIT);
    return accountId;
  }

  const pay = (accountId: string, amount: number, extra: Record<string, unknown> = {}) =>
    http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount, currency: 'USD', method: 'ach', ...extra }).expect(201);

  it('charges "first 300.00 at 50%, then 20%" across payments, stamps plan, version and tier, and a later version from its date', async () => {
    clock.set('2026-06-01T09:00:00.000Z');
    const clientId = randomUUID();
    const v1 = { ...agreementVersion(1, '2026-06-01T00:00:00.000Z', { planId: 'nw-2026', baseRateBp: 2_000, collectedThresholds: [{ upTo: 30_000, rateBp: 5_000 }] }), clientId };
    const v2 = { ...agreementVersion(2, '2026-06-10T00:00:00.000Z', { planId: 'nw-2026-b', baseRateBp: 1_000, tiers: [{ tierId: 'young', maxAgeDays: 365, rateBp: 1_500 }] }), clientId };
    await publishAgreement(v1);
    await publishAgreement(v2);
    const accountId = await placeAccount(clientId);

    const opened = await http.get(`/ledgers/${accountId}`).set('authorization', staff('accountant')).expect(200);
    expect(opened.body.ratePlanInForce).toEqual({ planId: 'nw-2026', agreementVersion: 1, effectiveFrom: '2026-06-01T00:00:00.000Z' });
    const first = await pay(accountId, 20_000);
    expect(first.body).toMatchObject({ commission: 10_000, commissionRateBp: 2_000, plan: { planId: 'nw-2026', agreementVersion: 1, tierId: 'base' } });
    const second = await pay(accountId, 20_000); // 100.00 left at 50%, 100.00 at 20%
    expect(second.body).toMatchObject({ commission: 7_000, plan: { planId: 'nw-2026', agreementVersion: 1 } });

    clock.set('2026-06-10T00:00:00.000Z');
    const third = await pay(accountId, 10_000, { feeCase: 'returned-merchandise' });
    expect(third.body).toMatchObject({ commission: 1_500, commissionRateBp: 1_500, plan: { planId: 'nw-2026-b', agreementVersion: 2, tierId: 'young' } });

    // The version that took effect later did not rewrite the earlier payments, and history recomputes each figure.
    const ledger = await http.get(`/ledgers/${accountId}`).set('authorization', staff('accountant')).expect(200);
    expect(ledger.body.payments.map((p: { commission: number; plan: { agreementVersion: number } }) => [p.commission, p.plan.agreementVersion])).toEqual([
      [10_000, 1],
      [7_000, 1],
      [1_500, 2],
    ]);
    const history = (await store.readStream(`ledger-${accountId}`)).map((e) => ({ type: e.type, data: e.data }) as LedgerEvent);
    for (const payment of ledger.body.payments) expect(recomputeCommission(history, [v1, v2], payment.paymentId)).toBe(payment.commission);

    // PaymentPosted.v3 publishes each payment's stamp, so reporting and statements need not ask the ledger.
    const posted = () => ledgerMessages.filter((m) => m.key === accountId && m.headers['message-type'] === PaymentPosted.type);
    await waitFor('the three payments published', () => posted().length === 3, WAIT);
    expect(posted().map((m) => PaymentPosted.parse(m.value)).map(({ plan, direct, commission }) => ({ plan, direct, commission }))).toEqual([
      { plan: { planId: 'nw-2026', agreementVersion: 1, tierId: 'base' }, direct: false, commission: 10_000 },
      { plan: { planId: 'nw-2026', agreementVersion: 1, tierId: 'base' }, direct: false, commission: 7_000 },
      { plan: { planId: 'nw-2026-b', agreementVersion: 2, tierId: 'young' }, direct: false, commission: 1_500 },
    ]);
  });

  it("charges the tier of the account's category as the placement names it", async () => {
    clock.set('2026-06-01T09:00:00.000Z');
    const clientId = randomUUID();
    const plan = { planId: 'nsf-plan', baseRateBp: 2_000, tiers: [{ tierId: 'nsf', category: 'nsf-cheque' as const, rateBp: 5_000 }] };
    await publishAgreement({ ...agreementVersion(1, '2026-06-01T00:00:00.000Z', plan), clientId });
    const cheque = await placeAccount(clientId, 'nsf-cheque');
    const standard = await placeAccount(clientId);
    expect((await pay(cheque, 10_000)).body).toMatchObject({ commission: 5_000, plan: { planId: 'nsf-plan', tierId: 'nsf' } });
    expect((await pay(standard, 10_000)).body).toMatchObject({ commission: 2_000, plan: { planId: 'nsf-plan', tierId: 'base' } });
  });

  it('keeps charging the rate from placement for a client with no published plan', async () => {
    clock.set('2026-06-01T09:00:00.000Z');
    const accountId = await placeAccount(randomUUID());
    expect((await pay(accountId, 10_000)).body).toMatchObject({ commission: 2_500, commissionRateBp: 2_500, plan: null });
  });

  it('refuses an unknown half-fee case with 400', async () => {
    const accountId = await placeAccount(randomUUID());
    const refused = await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount: 100, currency: 'USD', method: 'ach', feeCase: 'whim' }).expect(400);
    expect(refused.body.problems.map((p: { field: string }) => p.field)).toEqual(['feeCase']);
  });
});

function placedData(accountId: string, clientId: string): AccountPlacedV2 {
  const invoices = [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 300_000, currency: 'USD' }];
  return {
    accountId,
    clientId,
    clientReference: `REF-${accountId.slice(0, 8)}`,
    commercial: true,
    category: 'standard',
    debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY', taxId: '12-3456789', addresses: [], phones: [], emails: [] },
    invoices,
    currency: 'USD',
    placedAmount: 300_000,
    buckets: { principal: 300_000, interest: 0, fees: 0, costs: 0 },
    commissionRateBp: 2_500,
    placedAt: '2026-06-01T08:00:00.000Z',
  };
}
