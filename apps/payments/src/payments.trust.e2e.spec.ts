import { randomUUID } from 'node:crypto';
import { AccountPlaced, AccountPlacedV1, AUDIT_EVENTS } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { fixedClientKeys, HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import type { RemittanceIssued } from './domain/trust-ledger/remittance';
import { PaymentsModule } from './payments.module';

const CLIENT = randomUUID();

/**
 * The claw-back path through the service: a remittance (written straight to the store, as
 * no command issues one yet: see docs/payments.md, "Cleared funds") pays a payment out;
 * reversing it afterwards is a claw-back traced to that remittance, and the reconciliation
 * shows the client owing its share back while still reconciling to the cent.
 */
describe('payments claws back a reversal after remittance (PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let http: HttpClient;
  let audit: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({ name: 'payments', clockStart: '2026-06-01T09:00:00.000Z', module: (deps) => PaymentsModule.register(deps), extraImports: [fixedClientKeys({})], listenTo: [AUDIT_EVENTS] });
    ({ store, bus, http, close } = sut);
    audit = sut.received(AUDIT_EVENTS);
  });
  afterAll(() => close());

  async function placeAccount(): Promise<string> {
    const accountId = randomUUID();
    const invoices: AccountPlacedV1['invoices'] = [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 100_000, currency: 'USD' }];
    const placed: AccountPlacedV1 = { accountId, clientId: CLIENT, clientReference: `R-${accountId.slice(0, 8)}`, commercial: true, debtor: { kind: 'company', legalName: 'Acme', country: 'US', region: 'NY' }, invoices, currency: 'USD', placedAmount: 100_000, commissionRateBp: 2_500, placedAt: '2026-06-01T08:00:00.000Z' };
    await bus.publish([{ topic: AccountPlaced.topic, key: accountId, value: placed, headers: { 'message-type': AccountPlacedV1.type, 'message-id': randomUUID(), 'correlation-id': 'c', 'causation-id': 'c', 'source-stream': `account-${accountId}`, 'source-version': '0' } }]);
    await waitFor(`ledger ${accountId}`, () => audit.some((m) => m.key === `ledger-${accountId}`), { timeoutMs: 5_000 });
    return accountId;
  }

  it('records a reversal of a remitted payment as a claw-back and keeps the trust ledger reconciled', async () => {
    const accountId = await placeAccount();
    const paid = await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount: 40_000, currency: 'USD', method: 'wire' }).expect(201);
    const { paymentId, commission } = paid.body as { paymentId: string; commission: number };
    const remittance: RemittanceIssued = { type: 'RemittanceIssued', data: { remittanceId: 'rem-2026-06', clientId: CLIENT, currency: 'USD', paymentIds: [paymentId], issuedAt: '2026-06-01T09:00:00.000Z' } };
    await store.appendToStream(`remittances-${CLIENT}`, [{ ...remittance, metadata: { eventId: randomUUID(), principal: { role: 'system', id: 'remittance-run' }, correlationId: 'r', causationId: 'r', occurredAt: '2026-06-01T09:00:00.000Z' } }], { expectedVersion: 'no_stream' });

    const remitted = await http.get(`/trust/reconciliation?clientId=${CLIENT}`).set('authorization', staff('accountant')).expect(200);
    expect(remitted.body.currencies[0]).toMatchObject({ trustCash: 0, payablesTotal: 0, feeIncome: 0, invariantHolds: true });

    const reversal = await http.post(`/payments/${paymentId}/reversal`).set('authorization', staff('accountant')).send({ accountId, reason: 'chargeback' }).expect(201);
    expect(reversal.body).toMatchObject({ stage: 'remitted', remittanceId: 'rem-2026-06', amount: 40_000 });

    const clawedBack = await http.get(`/trust/reconciliation?clientId=${CLIENT}`).set('authorization', staff('accountant')).expect(200);
    expect(clawedBack.body).toMatchObject({ invariantHolds: true, journalEntries: 3 });
    expect(clawedBack.body.currencies[0]).toMatchObject({
      trustCash: -40_000,
      clientReceivables: [{ clientId: CLIENT, amount: 40_000 - commission }],
      feeIncome: -commission,
      collectedNotRemitted: -40_000,
      invariantHolds: true,
    });
  });
});
