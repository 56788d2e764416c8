import { randomUUID } from 'node:crypto';
import { AccountPlaced, AccountPlacedV2, AgreementVersionPublished, AUDIT_EVENTS, CommissionCorrected, Contract, CostAdvanceStepRecorded, LegalStageChanged, PAYMENTS_LEDGER } from '@lib/contracts';
import type { TestClock } from '@lib/clock';
import type { RecordedEvent } from '@lib/es-core';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { fixedClientKeys, HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { agreementVersion } from './domain/commission-plan/commission.fixtures';
import { PaymentsModule } from './payments.module';

const WAIT = { timeoutMs: 5_000 };

/**
 * Cost advances from request to refund, the what-if commission both ways, and the legal
 * rate from the forwarding's moment when the forwarding is heard after a payment: through
 * the service's HTTP API and its bus, on a PGlite store.
 */
describe('payments keeps cost advances in trust, recomputes commission under another plan, and corrects a late forwarding (PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let http: HttpClient;
  let clock: TestClock;
  let audit: IncomingMessage[];
  let published: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({ name: 'payments', clockStart: '2026-06-01T09:00:00.000Z', module: (deps) => PaymentsModule.register(deps), extraImports: [fixedClientKeys({})], listenTo: [PAYMENTS_LEDGER, AUDIT_EVENTS] });
    ({ store, bus, http, clock, close } = sut);
    audit = sut.received(AUDIT_EVENTS);
    published = sut.received(PAYMENTS_LEDGER);
  });
  afterAll(() => close());

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data): Promise<void> {
    await bus.publish([{ topic: contract.topic, key, value, headers: { 'message-type': contract.type, 'message-id': randomUUID(), 'correlation-id': 'c', 'causation-id': 'c', 'source-stream': `x-${key}`, 'source-version': '0' } }]);
  }

  async function placeAccount(clientId: string): Promise<string> {
    const accountId = randomUUID();
    const placed: AccountPlacedV2 = {
      accountId,
      clientId,
      clientReference: `REF-${accountId.slice(0, 8)}`,
      commercial: true,
      category: 'standard',
      debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY', taxId: '12-3456789', addresses: [], phones: [], emails: [] },
      invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 300_000, currency: 'USD' }],
      currency: 'USD',
      placedAmount: 300_000,
      buckets: { principal: 300_000, interest: 0, fees: 0, costs: 0 },
      commissionRateBp: 2_500,
      placedAt: '2026-06-01T08:00:00.000Z',
    };
    await publish(AccountPlaced, accountId, placed);
    await waitFor(`ledger ${accountId}`, () => audit.some((m) => m.key === `ledger-${accountId}`), WAIT);
    return accountId;
  }

  /** Polls the store (waitFor takes only a synchronous check). */
  async function until(what: string, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + WAIT.timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`${what}: not in time`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  const trustOf = async (clientId: string) => (await http.get(`/trust/reconciliation?clientId=${clientId}`).set('authorization', staff('accountant')).expect(200)).body as { invariantHolds: boolean; currencies: Array<Record<string, unknown>> };
  const countAll = async () => (await store.readAll({ limit: 100_000 })).length;

  it('takes a cost advance from request to refund: held in trust apart from collections, never commissioned, each step an event', async () => {
    clock.set('2026-06-01T09:00:00.000Z');
    const clientId = randomUUID();
    const accountId = await placeAccount(clientId);
    const base = `/ledgers/${accountId}/cost-advances`;

    await http.post(base).set('authorization', staff('collector')).send({ kind: 'court-costs', amount: 40_000, currency: 'USD', description: 'Filing fee' }).expect(403);
    await http.post(base).set('authorization', staff('legal')).send({ kind: 'court-costs', amount: 40_000, currency: 'EUR', description: 'Filing fee' }).expect(422);
    await http.post(`/ledgers/${randomUUID()}/cost-advances`).set('authorization', staff('legal')).send({ kind: 'court-costs', amount: 40_000, currency: 'USD', description: 'Filing fee' }).expect(404);
    const requested = await http.post(base).set('authorization', staff('legal')).send({ kind: 'court-costs', amount: 40_000, currency: 'USD', description: 'Filing fee, Kings County' }).expect(201);
    const { advanceId } = requested.body as { advanceId: string };
    expect(requested.body).toMatchObject({ accountId, clientId, kind: 'court-costs', requested: 40_000, received: 0, held: 0, status: 'requested' });

    const step = (path: string, role: 'legal' | 'accountant', body: Record<string, unknown>) => http.post(`${base}/${advanceId}/${path}`).set('authorization', staff(role)).send({ currency: 'USD', ...body });
    await step('receipts', 'legal', { amount: 40_000 }).expect(403);
    await step('receipts', 'accountant', { amount: 40_001 }).expect(409);
    expect((await step('receipts', 'accountant', { amount: 40_000 }).expect(201)).body).toMatchObject({ received: 40_000, held: 40_000, status: 'held' });
    expect((await trustOf(clientId)).currencies[0]).toMatchObject({ trustCash: 40_000, payablesTotal: 0, feeIncome: 0, costAdvancesHeld: [{ clientId, amount: 40_000 }], collectedNotRemitted: 40_000, invariantHolds: true });

    expect((await step('spending', 'legal', { amount: 30_000, paidTo: 'Clerk of the Kings County Civil Court' }).expect(201)).body).toMatchObject({ spent: 30_000, held: 10_000 });
    await step('recoveries', 'accountant', { amount: 30_001, judgmentReference: 'KC-2026-1187' }).expect(409);
    expect((await step('recoveries', 'accountant', { amount: 30_000, judgmentReference: 'KC-2026-1187' }).expect(201)).body).toMatchObject({ recovered: 30_000, held: 10_000 });
    const tooMuch = await step('refunds', 'accountant', { amount: 10_001 }).expect(409);
    expect(tooMuch.body).toMatchObject({ rule: 'cost-advance-exceeds-held', held: 10_000 });
    expect((await step('refunds', 'accountant', { amount: 10_000 }).expect(201)).body).toMatchObject({ refunded: 10_000, held: 0, status: 'refunded' });
    await http.post(`${base}/${randomUUID()}/refunds`).set('authorization', staff('accountant')).send({ amount: 1, currency: 'USD' }).expect(404);

    const listed = await http.get(base).set('authorization', staff('supervisor')).expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ advanceId, requested: 40_000, received: 40_000, spent: 30_000, recovered: 30_000, refunded: 10_000, held: 0, status: 'refunded' })]);
    expect((await trustOf(clientId)).currencies[0]).toMatchObject({ trustCash: 0, costAdvancesHeldTotal: 0, collectedNotRemitted: 0, invariantHolds: true });
    // Kept out of the account's money: no payment, no commission, the balance as placed.
    expect((await http.get(`/ledgers/${accountId}`).set('authorization', staff('accountant')).expect(200)).body).toMatchObject({ balance: 300_000, payments: [], commissionTotal: 0 });

    const types = (await store.readStream(`cost-advances-${accountId}`)).map((e) => e.type);
    expect(types).toEqual(['CostAdvanceRequested', 'CostAdvanceReceived', 'CostAdvanceSpent', 'CostAdvanceRecovered', 'CostAdvanceRefunded']);
    await waitFor('every step published', () => published.filter((m) => m.key === accountId && m.headers['message-type'] === CostAdvanceStepRecorded.type).length === 5, WAIT);
    const steps = published.filter((m) => m.key === accountId && m.headers['message-type'] === CostAdvanceStepRecorded.type).map((m) => CostAdvanceStepRecorded.parse(m.value));
    expect(steps.map((s) => [s.step, s.amount, s.heldAfter])).toEqual([['requested', 40_000, null], ['received', 40_000, 40_000], ['spent', 30_000, 10_000], ['recovered', 30_000, null], ['refunded', 10_000, 0]]);
    await waitFor('the advance in the audit trail', () => audit.filter((m) => m.key === `cost-advances-${accountId}`).length === 5, WAIT);
  });

  it('recomputes a period’s commissions under another plan without writing anything, and reproduces the recorded figures under the plan in force', async () => {
    clock.set('2026-06-01T09:00:00.000Z');
    const clientId = randomUUID();
    const inForce = { ...agreementVersion(1, '2026-06-01T00:00:00.000Z', { planId: 'nw-2026', baseRateBp: 2_000, collectedThresholds: [{ upTo: 30_000, rateBp: 5_000 }] }), clientId };
    await publish(AgreementVersionPublished, clientId, inForce);
    await until('the agreement', async () => (await store.readStream(`agreements-${clientId}`)).length === 1);
    const accountId = await placeAccount(clientId);
    const pay = async (amount: number) => (await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount, currency: 'USD', method: 'ach' }).expect(201)).body as { paymentId: string; commission: number };
    const first = await pay(20_000); // 200.00 at 50%
    clock.set('2026-06-02T09:00:00.000Z');
    const second = await pay(20_000); // 100.00 at 50%, 100.00 at 20%
    expect([first.commission, second.commission]).toEqual([10_000, 7_000]);

    const whatIf = (plan: unknown, role: 'accountant' | 'supervisor' | 'admin' = 'accountant', period = 'from=2026-06-01T00:00:00.000Z&to=2026-07-01T00:00:00.000Z') =>
      http.post(`/clients/${clientId}/commission/what-if?${period}`).set('authorization', staff(role)).send({ ratePlan: plan });
    const before = await countAll();

    const same = await whatIf(inForce.ratePlan).expect(200);
    expect(same.body.payments.map((p: { paymentId: string; recorded: number; whatIf: number; difference: number }) => [p.paymentId, p.recorded, p.whatIf, p.difference])).toEqual([
      [first.paymentId, 10_000, 10_000, 0],
      [second.paymentId, 7_000, 7_000, 0],
    ]);
    expect(same.body.totals).toEqual([{ currency: 'USD', payments: 2, recorded: 17_000, whatIf: 17_000, difference: 0 }]);

    const flat = await whatIf({ ...inForce.ratePlan, planId: 'flat-15', baseRateBp: 1_500, collectedThresholds: [] }, 'supervisor').expect(200);
    expect(flat.body).toMatchObject({ clientId, planId: 'flat-15', totals: [{ currency: 'USD', payments: 2, recorded: 17_000, whatIf: 6_000, difference: -11_000 }] });
    expect(flat.body.payments.map((p: { difference: number }) => p.difference)).toEqual([-7_000, -4_000]);
    // Only the second day: the first payment keeps its figure toward the thresholds, the second alone is recomputed.
    const secondDay = await whatIf({ ...inForce.ratePlan, planId: 'flat-15', baseRateBp: 1_500, collectedThresholds: [] }, 'admin', 'from=2026-06-02T00:00:00.000Z&to=2026-06-03T00:00:00.000Z').expect(200);
    expect(secondDay.body.payments.map((p: { paymentId: string; whatIf: number }) => [p.paymentId, p.whatIf])).toEqual([[second.paymentId, 3_000]]);

    await whatIf(inForce.ratePlan, 'accountant', 'from=2026-07-01T00:00:00.000Z&to=2026-06-01T00:00:00.000Z').expect(400);
    await whatIf({ ...inForce.ratePlan, baseRateBp: 10_001 }).expect(400);
    await http.post(`/clients/${clientId}/commission/what-if?from=2026-06-01T00:00:00.000Z&to=2026-07-01T00:00:00.000Z`).set('authorization', staff('collector')).send({ ratePlan: inForce.ratePlan }).expect(403);
    expect(await countAll()).toBe(before);
  });

  it('corrects the commission of a payment posted after the forwarding when the forwarding is heard later, without rewriting the payment', async () => {
    clock.set('2026-06-01T09:00:00.000Z');
    const clientId = randomUUID();
    const accountId = await placeAccount(clientId);
    const paid = await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount: 10_000, currency: 'USD', method: 'wire' }).expect(201);
    expect(paid.body).toMatchObject({ commission: 2_500, commissionRateBp: 2_500 });

    // Legal forwarded the account at 08:30, half an hour before the payment; payments hears it at 10:00.
    clock.set('2026-06-01T10:00:00.000Z');
    await publish(LegalStageChanged, accountId, { accountId, clientId, stage: 'forwarded', balance: 290_000, currency: 'USD', attorneyId: 'att-1', changedAt: '2026-06-01T08:30:00.000Z' });
    await until('the correction', async () => (await store.readStream(`ledger-${accountId}`)).some((e) => e.type === 'CommissionCorrected'));

    const ledger = (await store.readStream(`ledger-${accountId}`)) as RecordedEvent[];
    expect(ledger.map((e) => e.type)).toEqual(['LedgerOpened', 'PaymentPosted.v2', 'LegalRateApplied', 'CommissionCorrected']);
    expect(ledger[1].data).toMatchObject({ commission: 2_500, commissionRateBp: 2_500 });
    expect(ledger[2].data).toMatchObject({ rateBp: 4_000, appliedAt: '2026-06-01T08:30:00.000Z' });
    expect(ledger[3].data).toMatchObject({ paymentId: paid.body.paymentId, commissionBefore: 2_500, commission: 4_000, difference: 1_500, cause: 'legal-rate-from-forwarding', effectiveFrom: '2026-06-01T08:30:00.000Z', correctedAt: '2026-06-01T10:00:00.000Z' });
    // Traced: the correction's metadata names the forwarding message that caused it.
    expect(ledger[3].metadata.causationId).toBe(ledger[2].metadata.causationId);

    const view = await http.get(`/ledgers/${accountId}`).set('authorization', staff('accountant')).expect(200);
    expect(view.body).toMatchObject({ commissionTotal: 4_000, rateBp: 4_000, payments: [{ paymentId: paid.body.paymentId, commission: 4_000, rateBp: 4_000 }] });
    expect((await trustOf(clientId)).currencies[0]).toMatchObject({ trustCash: 10_000, payablesTotal: 6_000, feeIncome: 4_000, invariantHolds: true });
    await waitFor('the correction published', () => published.some((m) => m.key === accountId && m.headers['message-type'] === CommissionCorrected.type), WAIT);

    const reversed = await http.post(`/payments/${paid.body.paymentId}/reversal`).set('authorization', staff('accountant')).send({ accountId, reason: 'nsf' }).expect(201);
    expect(reversed.body).toMatchObject({ commission: 4_000 });
  });
});
