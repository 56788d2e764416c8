import { createHash, randomUUID } from 'node:crypto';
import { AccountPlaced, AccountPlacedV2, AgreementVersionPublished, AgreementVersionPublishedV1, AUDIT_EVENTS, Contract, DirectPaymentReported, LegalStageChanged, PAYMENTS_REMITTANCES } from '@lib/contracts';
import type { TestClock } from '@lib/clock';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import type { DurableScheduler } from '@lib/scheduler';
import { fixedClientKeys, HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { agreementVersion } from './domain/commission-plan/commission.fixtures';
import type { RemittanceType } from './domain/trust-ledger/remittance';
import { PaymentsModule } from './payments.module';

const WAIT = { timeoutMs: 5_000 };
const NET = randomUUID();
const GROSS = randomUUID();
const COMBINED = randomUUID();
const NET_KEY = 'net-client-key';
const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

/** Polls an asynchronous condition (the store) until it holds. */
async function eventually(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT.timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not in time`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A month of remittance through the service: three clients whose agreements say net,
 * gross and combined get their January statements from the scheduler at the month's end
 * (a card payment still in its hold waits for February), a direct payment's commission
 * is invoiced, a January payment bounced in February is clawed back on the February
 * statement run by hand, traced to January's, and every statement re-renders from
 * history to the bytes whose hashes its issuing event recorded.
 */
describe('payments remits each client per period: net, gross, combined, claw-backs and invoices (PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let http: HttpClient;
  let clock: TestClock;
  let schedulers: Set<DurableScheduler>;
  let audit: IncomingMessage[];
  let announced: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({
      name: 'payments',
      clockStart: '2026-01-02T09:00:00.000Z',
      module: (deps) => PaymentsModule.register(deps),
      extraImports: [fixedClientKeys({ [NET_KEY]: NET })],
      listenTo: [AUDIT_EVENTS, PAYMENTS_REMITTANCES],
    });
    ({ store, bus, http, clock, close } = sut);
    schedulers = sut.deps.clockControl.schedulers;
    audit = sut.received(AUDIT_EVENTS);
    announced = sut.received(PAYMENTS_REMITTANCES);
  });
  afterAll(() => close());

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data): Promise<void> {
    await bus.publish([{ topic: contract.topic, key, value, headers: { 'message-type': contract.type, 'message-id': randomUUID(), 'correlation-id': 'c', 'causation-id': 'c', 'source-stream': `x-${key}`, 'source-version': '0' } }]);
  }

  async function agree(clientId: string, remittance: RemittanceType): Promise<void> {
    const version: AgreementVersionPublishedV1 = { ...agreementVersion(1, '2026-01-01T00:00:00.000Z', { planId: `plan-${remittance}`, baseRateBp: 2_500 }, { remittance }), clientId };
    await publish(AgreementVersionPublished, clientId, version);
    await eventually(`agreement of ${clientId}`, async () => (await store.readStream(`agreements-${clientId}`)).length > 0);
  }

  async function place(clientId: string): Promise<string> {
    const accountId = randomUUID();
    const placed: AccountPlacedV2 = {
      accountId,
      clientId,
      clientReference: `R-${accountId.slice(0, 8)}`,
      commercial: true,
      category: 'standard',
      debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY', taxId: '12-3456789', addresses: [], phones: [], emails: [] },
      invoices: [{ number: 'INV-1', issueDate: '2025-11-01', dueDate: '2025-12-01', originalAmount: 500_000, currency: 'USD' }],
      currency: 'USD',
      placedAmount: 500_000,
      buckets: { principal: 500_000, interest: 0, fees: 0, costs: 0 },
      commissionRateBp: 2_500,
      placedAt: '2026-01-02T08:00:00.000Z',
    };
    await publish(AccountPlaced, accountId, placed);
    await waitFor(`ledger ${accountId}`, () => audit.some((m) => m.key === `ledger-${accountId}`), WAIT);
    return accountId;
  }

  async function pay(accountId: string, at: string, amount: number, method: string): Promise<string> {
    clock.set(at);
    const paid = await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount, currency: 'USD', method }).expect(201);
    return (paid.body as { paymentId: string }).paymentId;
  }

  async function reportDirect(accountId: string, clientId: string, at: string, amount: number): Promise<string> {
    clock.set(at);
    const reportId = randomUUID();
    await publish(DirectPaymentReported, accountId, { accountId, clientId, reportId, amount, currency: 'USD', method: 'check', paidOn: at.slice(0, 10), reportedAt: at });
    await eventually(`direct payment ${reportId}`, async () => (await store.readStream(`ledger-${accountId}`)).some((e) => (e.data as { paymentId?: string }).paymentId === reportId));
    return reportId;
  }

  const tick = async () => {
    for (const scheduler of schedulers) await scheduler.tick();
  };
  const statementsOf = async (clientId: string) => (await http.get(`/clients/${clientId}/remittances`).set('authorization', staff('accountant')).expect(200)).body as Array<Record<string, any>>;

  async function expectReRenderedAsIssued(statement: { remittanceId: string; csvSha256: string; pdfSha256: string }) {
    const csv = await http.get(`/remittances/${statement.remittanceId}.csv`).set('authorization', staff('accountant')).expect(200).expect('content-type', /text\/csv/);
    const pdf = await http.get(`/remittances/${statement.remittanceId}.pdf`).set('authorization', staff('accountant')).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200).expect('content-type', /application\/pdf/);
    expect(sha256(csv.text)).toBe(statement.csvSha256);
    expect(sha256(pdf.body as Buffer)).toBe(statement.pdfSha256);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  }

  it('issues January statements at the month end in all three types, invoices direct and gross commission, and claws a February bounce back on the next statement', async () => {
    await agree(NET, 'net');
    await agree(GROSS, 'gross');
    await agree(COMBINED, 'combined');
    const accounts = { [NET]: await place(NET), [GROSS]: await place(GROSS), [COMBINED]: await place(COMBINED) };
    const wires: Record<string, string> = {};
    for (const clientId of [NET, GROSS, COMBINED]) {
      wires[clientId] = await pay(accounts[clientId], '2026-01-05T10:00:00.000Z', 10_000, 'wire'); // clears at once
      await pay(accounts[clientId], '2026-01-12T10:00:00.000Z', 20_000, 'ach'); // clears 5 days later
      await reportDirect(accounts[clientId], clientId, '2026-01-20T10:00:00.000Z', 8_000);
      await pay(accounts[clientId], '2026-01-29T10:00:00.000Z', 5_000, 'card'); // clears 2026-02-01T10:00, after the period
    }

    // The month's end: the run each client's first ledger booked fires.
    clock.set('2026-02-01T00:00:00.000Z');
    await tick();
    const [net] = await statementsOf(NET);
    const [gross] = await statementsOf(GROSS);
    const [combined] = await statementsOf(COMBINED);
    const january = { periodStart: '2026-01-01T00:00:00.000Z', periodEnd: '2026-02-01T00:00:00.000Z' };
    // 30,000 collected and cleared at 25% (7,500), the card payment waits; 8,000 direct at 25% (2,000).
    expect(net).toMatchObject({ ...january, statementNumber: 1, remittanceType: 'net', agreementVersion: 1, paymentCount: 2, directPaymentCount: 1, invoice: null });
    expect(net.totals).toMatchObject({ agencyCollected: 30_000, agencyCommission: 7_500, directCommission: 2_000, netted: 2_000, paidToClient: 20_500, invoiced: 0 });
    expect(gross).toMatchObject({ remittanceType: 'gross', paymentCount: 2, invoice: { amount: 9_500, commissionInvoiced: 9_500, shortfall: 0 } });
    expect(gross.totals).toMatchObject({ paidToClient: 30_000, commissionDeducted: 0, invoiced: 9_500 });
    expect(combined).toMatchObject({ remittanceType: 'combined', invoice: { amount: 2_000, commissionInvoiced: 2_000 } });
    expect(combined.totals).toMatchObject({ paidToClient: 22_500, commissionDeducted: 7_500, invoiced: 2_000 });

    // February: the January wire bounces (a claw-back traced to January's statement), and a small payment comes in.
    clock.set('2026-02-03T10:00:00.000Z');
    const reversal = await http.post(`/payments/${wires[NET]}/reversal`).set('authorization', staff('accountant')).send({ accountId: accounts[NET], reason: 'chargeback' }).expect(201);
    expect(reversal.body).toMatchObject({ stage: 'remitted', remittanceId: net.remittanceId });
    await pay(accounts[NET], '2026-02-10T10:00:00.000Z', 1_000, 'wire');

    // Run by hand by an accountant before the month is out (to the 28th): a period not yet ended is refused first.
    const byHand = { periodStart: '2026-02-01T00:00:00.000Z', periodEnd: '2026-02-28T00:00:00.000Z' };
    clock.set('2026-02-20T00:00:00.000Z');
    const early = await http.post(`/clients/${NET}/remittances`).set('authorization', staff('accountant')).send(byHand).expect(409);
    expect(early.body).toMatchObject({ rule: 'remittance-period-not-ended' });
    clock.set('2026-02-28T12:00:00.000Z');
    const run = await http.post(`/clients/${NET}/remittances`).set('authorization', staff('accountant')).send(byHand).expect(201);
    const [february] = run.body.statements;
    // The card payment (5,000: 1,250 commission) and the February wire (1,000: 250) against the 7,500 clawed back: a negative net, invoiced.
    expect(february).toMatchObject({ statementNumber: 2, paymentCount: 2, directPaymentCount: 0, clawbackCount: 1, invoice: { amount: 3_000, shortfall: 3_000 } });
    expect(february.totals).toMatchObject({ agencyCollected: 6_000, agencyCommission: 1_500, clawedBack: 7_500, netted: 4_500, paidToClient: 0, invoiced: 3_000 });
    const shown = await http.get(`/remittances/${february.remittanceId}`).set('authorization', staff('accountant')).expect(200);
    expect(shown.body.clawbacks).toEqual([expect.objectContaining({ paymentId: wires[NET], remittanceId: net.remittanceId, reason: 'chargeback', collected: 10_000, commission: 2_500, clientShare: 7_500 })]);

    // The same period again is refused, and nothing was written.
    const again = await http.post(`/clients/${NET}/remittances`).set('authorization', staff('accountant')).send(byHand).expect(409);
    expect(again.body).toMatchObject({ rule: 'remittance-period-already-run' });

    // February's end: the scheduled run remits the others' card payments; for the client run by hand it starts where that run ended, and finds nothing new.
    clock.set('2026-03-01T00:00:00.000Z');
    await tick();
    expect(await statementsOf(NET)).toHaveLength(2);
    const [, grossFebruary] = await statementsOf(GROSS);
    expect(grossFebruary).toMatchObject({ statementNumber: 2, periodStart: '2026-02-01T00:00:00.000Z', periodEnd: '2026-03-01T00:00:00.000Z', paymentCount: 1, totals: { agencyCollected: 5_000, paidToClient: 5_000, invoiced: 1_250 } });

    // Every statement re-renders from history to exactly the bytes issued.
    for (const statement of [net, gross, combined, february]) await expectReRenderedAsIssued(statement);

    // The trust ledger still reconciles for each client, the claw-back included.
    for (const clientId of [NET, GROSS, COMBINED]) {
      const reconciled = await http.get(`/trust/reconciliation?clientId=${clientId}`).set('authorization', staff('accountant')).expect(200);
      expect(reconciled.body.invariantHolds).toBe(true);
    }
    const netTrust = (await http.get(`/trust/reconciliation?clientId=${NET}`).set('authorization', staff('accountant')).expect(200)).body.currencies[0];
    expect(netTrust).toMatchObject({ payablesTotal: 0, clientReceivables: [{ clientId: NET, amount: 3_000 }] });

    // Announced for webhooks and reporting, one message per statement, keyed by client.
    const issued = [...(await statementsOf(NET)), ...(await statementsOf(GROSS)), ...(await statementsOf(COMBINED))];
    expect(issued).toHaveLength(6);
    await waitFor('RemittanceIssued.v1 per statement', () => announced.length >= issued.length, WAIT);
    expect(announced.map((m) => [m.key, (m.value as { remittanceId: string }).remittanceId]).sort()).toEqual(issued.map((s) => [s.clientId, s.remittanceId]).sort());
    expect(announced.find((m) => (m.value as { remittanceId: string }).remittanceId === february.remittanceId)?.value).toMatchObject({ clawbackCount: 1, invoiced: 3_000, pdfSha256: february.pdfSha256 });
  });

  it('settles on the next statement a commission corrected after remittance (the legal rate from a forwarding heard late), leaving the earlier statement as issued', async () => {
    const clientId = randomUUID();
    await agree(clientId, 'net');
    const accountId = await place(clientId);
    const first = await pay(accountId, '2026-03-02T10:00:00.000Z', 10_000, 'wire');
    clock.set('2026-03-05T00:00:00.000Z');
    const march = await http.post(`/clients/${clientId}/remittances`).set('authorization', staff('accountant')).send({ periodStart: '2026-03-01T00:00:00.000Z', periodEnd: '2026-03-05T00:00:00.000Z' }).expect(201);
    const [paidOut] = march.body.statements;
    expect(paidOut.totals).toMatchObject({ agencyCommission: 2_500, paidToClient: 7_500 });

    // The account had been forwarded at 09:00 on the 2nd, an hour before the payment; payments hears it now.
    clock.set('2026-03-06T10:00:00.000Z');
    await publish(LegalStageChanged, accountId, { accountId, clientId, stage: 'forwarded', balance: 490_000, currency: 'USD', attorneyId: 'att-1', changedAt: '2026-03-02T09:00:00.000Z' });
    await eventually('the correction', async () => (await store.readStream(`ledger-${accountId}`)).some((e) => e.type === 'CommissionCorrected'));
    await pay(accountId, '2026-03-07T10:00:00.000Z', 20_000, 'wire');

    clock.set('2026-03-10T00:00:00.000Z');
    const next = await http.post(`/clients/${clientId}/remittances`).set('authorization', staff('accountant')).send({ periodStart: '2026-03-05T00:00:00.000Z', periodEnd: '2026-03-10T00:00:00.000Z' }).expect(201);
    const [settling] = next.body.statements;
    // The new payment at the legal rate (20,000: 8,000), and the first one's 2,500 -> 4,000 taken off the payout.
    expect(settling.totals).toMatchObject({ agencyCollected: 20_000, agencyCommission: 8_000, agencyCommissionCorrected: 1_500, directCommissionCorrected: 0, netted: 1_500, paidToClient: 10_500, invoiced: 0 });
    const shown = await http.get(`/remittances/${settling.remittanceId}`).set('authorization', staff('accountant')).expect(200);
    expect(shown.body.commissionCorrections).toEqual([{ paymentId: first, accountId, remittanceId: paidOut.remittanceId, direct: false, commissionBefore: 2_500, commission: 4_000, difference: 1_500 }]);
    const csv = await http.get(`/remittances/${settling.remittanceId}.csv`).set('authorization', staff('accountant')).expect(200);
    expect(csv.text).toContain(`commission-correction,${first},${accountId},agency,,,,${paidOut.remittanceId},,1500,-1500\r\n`);

    // The earlier statement still shows what it paid, byte for byte; the client owes nothing more; the trust ledger reconciles.
    const earlier = await http.get(`/remittances/${paidOut.remittanceId}`).set('authorization', staff('accountant')).expect(200);
    expect(earlier.body.payments).toEqual([expect.objectContaining({ paymentId: first, commission: 2_500, clientShare: 7_500 })]);
    for (const statement of [paidOut, settling]) await expectReRenderedAsIssued(statement);
    const trust = (await http.get(`/trust/reconciliation?clientId=${clientId}`).set('authorization', staff('accountant')).expect(200)).body;
    expect(trust.invariantHolds).toBe(true);
    // The 1,500 kept from the payout is the agency's fee, still in trust (as netted direct-payment commission is).
    expect(trust.currencies[0]).toMatchObject({ payablesTotal: 0, receivablesTotal: 0, feeIncome: 1_500, trustCash: 1_500 });
  });

  it('takes back on the next statement the commission of a direct payment reversed after the statement that invoiced it, traced to the payment and that statement', async () => {
    const clientId = randomUUID();
    await agree(clientId, 'combined');
    const accountId = await place(clientId);
    const reportId = await reportDirect(accountId, clientId, '2026-04-02T10:00:00.000Z', 8_000);
    clock.set('2026-04-05T00:00:00.000Z');
    const april = await http.post(`/clients/${clientId}/remittances`).set('authorization', staff('accountant')).send({ periodStart: '2026-04-01T00:00:00.000Z', periodEnd: '2026-04-05T00:00:00.000Z' }).expect(201);
    const [invoicing] = april.body.statements;
    expect(invoicing).toMatchObject({ directPaymentCount: 1, invoice: { amount: 2_000, commissionInvoiced: 2_000 } });

    // The client tells us the debtor's check to it bounced.
    clock.set('2026-04-06T10:00:00.000Z');
    await http.post(`/payments/${reportId}/reversal`).set('authorization', staff('accountant')).send({ accountId, reason: 'nsf' }).expect(201);
    await pay(accountId, '2026-04-07T10:00:00.000Z', 20_000, 'wire');

    clock.set('2026-04-10T00:00:00.000Z');
    const next = await http.post(`/clients/${clientId}/remittances`).set('authorization', staff('accountant')).send({ periodStart: '2026-04-05T00:00:00.000Z', periodEnd: '2026-04-10T00:00:00.000Z' }).expect(201);
    const [takingBack] = next.body.statements;
    // Combined: the wire's 25% deducted, and the 2,000 invoiced in April credited (a negative invoice).
    expect(takingBack.totals).toMatchObject({ agencyCollected: 20_000, agencyCommission: 5_000, directCommissionCorrected: -2_000, paidToClient: 15_000, invoiced: -2_000 });
    const shown = await http.get(`/remittances/${takingBack.remittanceId}`).set('authorization', staff('accountant')).expect(200);
    expect(shown.body.commissionCorrections).toEqual([
      { paymentId: reportId, accountId, remittanceId: invoicing.remittanceId, direct: true, commissionBefore: 2_000, commission: 0, reversed: true, difference: -2_000, reversedAt: '2026-04-06T10:00:00.000Z' },
    ]);
    const csv = await http.get(`/remittances/${takingBack.remittanceId}.csv`).set('authorization', staff('accountant')).expect(200);
    expect(csv.text).toContain(`commission-correction,${reportId},${accountId},direct,,,2026-04-06T10:00:00.000Z,${invoicing.remittanceId},,-2000,\r\n`);
    for (const statement of [invoicing, takingBack]) await expectReRenderedAsIssued(statement);

    // Taken back once; the invoice and its credit leave the client owing nothing; trust reconciles.
    clock.set('2026-04-20T00:00:00.000Z');
    await http.post(`/clients/${clientId}/remittances`).set('authorization', staff('accountant')).send({ periodStart: '2026-04-10T00:00:00.000Z', periodEnd: '2026-04-20T00:00:00.000Z' }).expect(201).expect((answer) => expect(answer.body.statements).toEqual([]));
    const trust = (await http.get(`/trust/reconciliation?clientId=${clientId}`).set('authorization', staff('accountant')).expect(200)).body;
    expect(trust.invariantHolds).toBe(true);
    expect(trust.currencies[0]).toMatchObject({ payablesTotal: 0, receivablesTotal: 0 });
  });

  it('shows a client its own statements and nothing of another client', async () => {
    const own = await http.get(`/clients/${NET}/remittances`).set('x-api-key', NET_KEY).expect(200);
    expect(own.body.length).toBeGreaterThan(0);
    await http.get(`/remittances/${own.body[0].remittanceId}`).set('x-api-key', NET_KEY).expect(200);
    await http.get(`/clients/${GROSS}/remittances`).set('x-api-key', NET_KEY).expect(404);
    const [grossStatement] = await statementsOf(GROSS);
    await http.get(`/remittances/${grossStatement.remittanceId}.pdf`).set('x-api-key', NET_KEY).expect(404);
    await http.get(`/remittances/${randomUUID()}`).set('authorization', staff('accountant')).expect(404);
    await http.post(`/clients/${NET}/remittances`).set('authorization', staff('collector')).send({ periodStart: '2026-03-01T00:00:00.000Z', periodEnd: '2026-03-02T00:00:00.000Z' }).expect(403);
    await http.post(`/clients/${NET}/remittances`).set('authorization', staff('accountant')).send({ periodStart: '2026-03-02T00:00:00.000Z', periodEnd: '2026-03-01T00:00:00.000Z' }).expect(422);
    await http.post(`/clients/${NET}/remittances`).set('authorization', staff('accountant')).send({ periodStart: 'March', periodEnd: '2026-03-02T00:00:00.000Z' }).expect(400);
  });
});
