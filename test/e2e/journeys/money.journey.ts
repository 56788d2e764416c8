/**
 * Journeys 14 and 15: a month of payments remitted to three clients whose agreements say
 * net, gross and combined, a reversal after remittance clawed back on the next statement,
 * statements re-rendered byte for byte; and a cost advance from request to refund.
 */
import { createHash } from 'node:crypto';
import { startWebhookReceiver, verifyStandardWebhook } from '../../support/webhook-receiver';
import { Deployment, Service } from './deployment';
import { Answer, as, call, Credentials, eventually, onboardClient, OnboardedClient, placeAccount } from './journeys';

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The deployment's clock (every process of it moves together). */
export async function clockNow(d: Deployment, service: Service = 'payments'): Promise<Date> {
  const answer = await call(d, service, 'GET', '/test-clock', { as: as.staff('admin') });
  expect(answer.status).toBe(200);
  return new Date(answer.body.now);
}

/** Moves the clock forward to (just past) `instant`, in whole hours; never back. */
export async function advanceTo(d: Deployment, instant: Date): Promise<Date> {
  const hours = Math.ceil((instant.getTime() - (await clockNow(d)).getTime()) / HOUR_MS);
  if (hours > 0) await d.advanceClock({ hours });
  return clockNow(d);
}

const nextMonthStart = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));

/** Raw bytes of a download, as a client or accountant would save them. */
async function download(d: Deployment, path: string, credentials: Credentials) {
  const headers: Record<string, string> = {};
  if (credentials && 'token' in credentials) headers.authorization = credentials.token;
  if (credentials && 'apiKey' in credentials) headers['x-api-key'] = credentials.apiKey;
  const response = await fetch(`${d.url('payments')}${path}`, { headers });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function clientRemittedAs(d: Deployment, name: string, planId: string, remittance: 'net' | 'gross' | 'combined'): Promise<OnboardedClient> {
  const client = await onboardClient(d, name);
  const version = await call(d, 'client-intake', 'POST', `/clients/${client.clientId}/agreements`, {
    as: as.staff('admin'),
    body: {
      currency: 'USD',
      ratePlan: { planId, baseRateBp: 2_500, legalRateBp: 4_000 },
      remittance,
      remittancePeriod: 'monthly',
      clearedFundsHoldDays: { ach: 5, card: 3, check: 10, wire: 0, cash: 0 },
      settlementAuthorityBp: 8_000,
      legalReferral: { authority: 'client-approval', minimumBalance: '5000.00' },
      costAdvance: { clientAdvancesCosts: true, approvalAbove: '500.00' },
      cancellationFee: { flat: '25.00', rateOfBalanceBp: 500 },
    },
  });
  expect(version.status).toBe(201);
  return client;
}

/**
 * A client whose agreement (net, monthly, 25%) holds an ACH payment 2 days, a card 3 and
 * a check 7, with one account of 7,500.50 USD placed, once payments has heard of the
 * agreement; `pay` posts a payment on the account as an accountant. The trust specs start
 * from it.
 */
export async function clientWithTrustAccount(d: Deployment, name: string, reference: string, planId: string) {
  const client = await onboardClient(d, name);
  const agreement = await call(d, 'client-intake', 'POST', `/clients/${client.clientId}/agreements`, {
    as: as.staff('admin'),
    body: {
      currency: 'USD',
      ratePlan: { planId, baseRateBp: 2500, tiers: [], collectedThresholds: [], minimumFee: null, maximumFee: null, legalRateBp: 4000, halfFeeCases: [] },
      remittance: 'net',
      remittancePeriod: 'monthly',
      clearedFundsHoldDays: { ach: 2, card: 3, check: 7, wire: 0, cash: 0 },
      settlementAuthorityBp: 8000,
      legalReferral: { authority: 'client-approval', minimumBalance: '5000.00' },
      costAdvance: { clientAdvancesCosts: true, approvalAbove: '500.00' },
      cancellationFee: { flat: '25.00', rateOfBalanceBp: 500 },
    },
  });
  expect(agreement.status).toBe(201);
  const accountId = await placeAccount(d, client, reference);
  // Payments has heard the agreement once its ledger shows the plan in force.
  await eventually('the plan in force at payments', async () => {
    const ledger = await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') });
    return ledger.status === 200 && ledger.body.ratePlanInForce ? ledger.body : undefined;
  });
  const pay = async (amount: number, method: string) => {
    const answer = await call(d, 'payments', 'POST', '/payments', { as: as.staff('accountant'), body: { accountId, amount, currency: 'USD', method } });
    expect(answer.status).toBe(201);
    return answer.body as { paymentId: string; commission: number; credit: number; clearsAt: string };
  };
  return { client, accountId, pay };
}

/**
 * Journey 14. Three clients, one account each, the same month of payments: a wire (clears
 * at once) and an ACH payment (clears in 5 days) collected by the agency, a direct payment
 * the client reports, and a check late in the month (10 days' hold: it waits for the next
 * statement). At the month's end the scheduler issues each client's statement: net deducts
 * the commission and nets the direct commission; gross pays everything and invoices the
 * commission; combined deducts the agency's and invoices the direct commission. Next
 * month the net client's wire bounces: an accountant's run by hand claws it back, traced
 * to the statement that paid it out, leaves a negative net and invoices it. Every
 * statement downloads (CSV and PDF) to exactly the bytes whose hashes its issuing event
 * recorded, the combined client's webhook endpoint is told of its statement (with those
 * hashes), and the trust ledger reconciles for each client.
 */
export async function journeyRemittanceMonth(d: Deployment, reference: string) {
  const receiver = await startWebhookReceiver();
  try {
    await remittanceMonth(d, reference, receiver);
  } finally {
    await receiver.close();
  }
}

async function remittanceMonth(d: Deployment, reference: string, receiver: Awaited<ReturnType<typeof startWebhookReceiver>>) {
  // Start on a month's first day, so the holds fall inside or outside the month by design.
  const firstDay = await advanceTo(d, new Date(nextMonthStart(await clockNow(d)).getTime() + 12 * HOUR_MS));
  const monthStart = new Date(Date.UTC(firstDay.getUTCFullYear(), firstDay.getUTCMonth(), 1));
  const monthEnd = nextMonthStart(firstDay);
  const today = firstDay.toISOString().slice(0, 10);

  const types = ['net', 'gross', 'combined'] as const;
  const clients = {} as Record<(typeof types)[number], { client: OnboardedClient; accountId: string; wireId: string }>;
  for (const type of types) {
    const client = await clientRemittedAs(d, `Remittance ${type} ${reference}`, `${reference}-${type}`, type);
    const accountId = await placeAccount(d, client, `${reference}-${type}`);
    await eventually(`payments to charge the ${type} client's version 1`, async () => {
      const ledger = ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }));
      return ledger?.ratePlanInForce?.agreementVersion === 1 ? ledger : undefined;
    });
    clients[type] = { client, accountId, wireId: '' };
  }
  const pay = async (type: (typeof types)[number], amount: number, method: string, key: string) => {
    const answer = await call(d, 'payments', 'POST', '/payments', { as: as.staff('collector'), body: { accountId: clients[type].accountId, amount, currency: 'USD', method }, idempotencyKey: `${key}-${type}-${reference}` });
    expect(answer.status).toBe(201);
    return answer.body;
  };

  for (const type of types) {
    const wire = await pay(type, 100_000, 'wire', 'wire');
    expect(wire).toMatchObject({ commission: 25_000, clearsAt: firstDay.toISOString() });
    clients[type].wireId = wire.paymentId;
    expect((await pay(type, 200_000, 'ach', 'ach')).clearsAt).toBe(new Date(firstDay.getTime() + 5 * DAY_MS).toISOString());
    const direct = await call(d, 'client-intake', 'POST', `/accounts/${clients[type].accountId}/direct-payments`, {
      as: as.client(clients[type].client.apiKey),
      body: { amount: 80_000, currency: 'USD', method: 'check', paidOn: today },
      idempotencyKey: `direct-${type}-${reference}`,
    });
    expect(direct.status).toBe(201);
    await eventually(`the ${type} client's direct payment on the ledger`, async () => {
      const ledger = ok(await call(d, 'payments', 'GET', `/ledgers/${clients[type].accountId}`, { as: as.staff('accountant') }));
      return ledger?.payments?.some((p: { direct?: boolean }) => p.direct) ? ledger : undefined;
    });
  }
  const hook = await call(d, 'client-intake', 'POST', `/clients/${clients.combined.client.clientId}/webhook-endpoints`, {
    as: as.client(clients.combined.client.apiKey),
    body: { url: receiver.url('/remittances'), eventTypes: ['remittance.issued'] },
  });
  expect(hook.status).toBe(201);

  // Day 25: a check, held 10 days, clears in the next month.
  await advanceTo(d, new Date(monthStart.getTime() + 24 * DAY_MS + 12 * HOUR_MS));
  for (const type of types) expect(Date.parse((await pay(type, 50_000, 'check', 'check')).clearsAt)).toBeGreaterThan(monthEnd.getTime());

  // The month's end: the run each client's first ledger booked fires on the scheduler.
  await advanceTo(d, new Date(monthEnd.getTime() + HOUR_MS));
  const statementsOf = (type: (typeof types)[number], count: number) =>
    eventually(`the ${type} client's statements (${count})`, async () => {
      const listed = ok(await call(d, 'payments', 'GET', `/clients/${clients[type].client.clientId}/remittances`, { as: as.staff('accountant') }));
      return Array.isArray(listed) && listed.length >= count ? (listed as Array<Record<string, any>>) : undefined;
    });
  const [net] = await statementsOf('net', 1);
  const [gross] = await statementsOf('gross', 1);
  const [combined] = await statementsOf('combined', 1);
  const period = { periodStart: monthStart.toISOString(), periodEnd: monthEnd.toISOString() };
  // Cleared in the month: 300,000 at 25% (75,000); direct 80,000 at 25% (20,000); the check waits.
  for (const statement of [net, gross, combined]) expect(statement).toMatchObject({ ...period, statementNumber: 1, agreementVersion: 1, paymentCount: 2, directPaymentCount: 1, clawbackCount: 0, totals: { agencyCollected: 300_000, agencyCommission: 75_000, directCollected: 80_000, directCommission: 20_000 } });
  expect(net).toMatchObject({ remittanceType: 'net', invoice: null, totals: { commissionDeducted: 75_000, netted: 20_000, paidToClient: 205_000, invoiced: 0 } });
  expect(gross).toMatchObject({ remittanceType: 'gross', invoice: { amount: 95_000, commissionInvoiced: 95_000, shortfall: 0 }, totals: { commissionDeducted: 0, paidToClient: 300_000, invoiced: 95_000 } });
  expect(combined).toMatchObject({ remittanceType: 'combined', invoice: { amount: 20_000, commissionInvoiced: 20_000, shortfall: 0 }, totals: { commissionDeducted: 75_000, paidToClient: 225_000, invoiced: 20_000 } });

  // The combined client's endpoint hears of its statement, with the hashes to check its downloads against.
  const announced = await eventually('remittance.issued delivered', async () => receiver.received.find((r) => r.path === '/remittances'));
  expect(verifyStandardWebhook(hook.body.secret, announced.headers, announced.body)).toBe(true);
  expect(JSON.parse(announced.body)).toMatchObject({
    type: 'remittance.issued',
    data: { remittanceId: combined.remittanceId, clientId: clients.combined.client.clientId, statementNumber: 1, remittanceType: 'combined', paidToClient: 225_000, invoiced: 20_000, csvSha256: combined.csvSha256, pdfSha256: combined.pdfSha256 },
  });

  // The next month: the net client's wire bounces after it was paid out, and a new wire comes in.
  const reversal = await call(d, 'payments', 'POST', `/payments/${clients.net.wireId}/reversal`, { as: as.staff('accountant'), body: { accountId: clients.net.accountId, reason: 'chargeback' }, idempotencyKey: `chargeback-${reference}` });
  expect(reversal.status).toBe(201);
  expect(reversal.body).toMatchObject({ stage: 'remitted', remittanceId: net.remittanceId });
  await pay('net', 40_000, 'wire', 'wire-2');

  // An accountant runs the net client's statement by hand a week in, once the check cleared.
  const byHandEnd = await advanceTo(d, new Date(monthEnd.getTime() + 7 * DAY_MS));
  const byHand = { periodStart: monthEnd.toISOString(), periodEnd: byHandEnd.toISOString() };
  const asClient = await call(d, 'payments', 'POST', `/clients/${clients.net.client.clientId}/remittances`, { as: as.client(clients.net.client.apiKey), body: byHand });
  expect(asClient.status).toBe(403);
  const run = await call(d, 'payments', 'POST', `/clients/${clients.net.client.clientId}/remittances`, { as: as.staff('accountant'), body: byHand, idempotencyKey: `run-${reference}` });
  expect(run.status).toBe(201);
  const [second] = run.body.statements;
  // The check (50,000: 12,500) and the new wire (40,000: 10,000) against the 75,000 clawed back: 7,500 short, invoiced.
  expect(second).toMatchObject({ statementNumber: 2, remittanceType: 'net', paymentCount: 2, directPaymentCount: 0, clawbackCount: 1, invoice: { amount: 7_500, commissionInvoiced: 0, shortfall: 7_500 } });
  expect(second.totals).toMatchObject({ agencyCollected: 90_000, agencyCommission: 22_500, clawedBack: 75_000, netted: 67_500, paidToClient: 0, invoiced: 7_500 });
  const shown = await call(d, 'payments', 'GET', `/remittances/${second.remittanceId}`, { as: as.client(clients.net.client.apiKey) });
  expect(shown.status).toBe(200);
  expect(shown.body.clawbacks).toEqual([expect.objectContaining({ paymentId: clients.net.wireId, remittanceId: net.remittanceId, reason: 'chargeback', collected: 100_000, commission: 25_000, clientShare: 75_000 })]);
  const again = await call(d, 'payments', 'POST', `/clients/${clients.net.client.clientId}/remittances`, { as: as.staff('accountant'), body: byHand });
  expect(again.status).toBe(409);
  expect(again.body.rule).toBe('remittance-period-already-run');

  // Each statement downloads, today and by its client, to the bytes whose hashes were recorded when it was issued.
  for (const [statement, owner] of [[net, clients.net], [gross, clients.gross], [combined, clients.combined], [second, clients.net]] as const) {
    for (const who of [as.staff('accountant'), as.client(owner.client.apiKey)]) {
      const csv = await download(d, `/remittances/${statement.remittanceId}.csv`, who);
      const pdf = await download(d, `/remittances/${statement.remittanceId}.pdf`, who);
      expect([csv.status, csv.contentType.startsWith('text/csv'), sha256(csv.bytes)]).toEqual([200, true, statement.csvSha256]);
      expect([pdf.status, pdf.contentType.startsWith('application/pdf'), sha256(pdf.bytes)]).toEqual([200, true, statement.pdfSha256]);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
  }
  const csv = (await download(d, `/remittances/${second.remittanceId}.csv`, as.staff('accountant'))).bytes.toString();
  expect(csv).toContain(clients.net.wireId);
  expect((await download(d, `/remittances/${gross.remittanceId}.pdf`, as.client(clients.net.client.apiKey))).status).toBe(404);

  // The trust ledger reconciles for each client; the net client owes the 7,500 invoiced.
  for (const type of types) {
    const trust = await call(d, 'payments', 'GET', `/trust/reconciliation?clientId=${clients[type].client.clientId}`, { as: as.staff('accountant') });
    expect(trust.status).toBe(200);
    expect(trust.body.invariantHolds).toBe(true);
  }
  const netTrust = (await call(d, 'payments', 'GET', `/trust/reconciliation?clientId=${clients.net.client.clientId}`, { as: as.staff('accountant') })).body.currencies[0];
  expect(netTrust).toMatchObject({ payablesTotal: 0, clientReceivables: [{ clientId: clients.net.client.clientId, amount: 7_500 }], invariantHolds: true });
}

/**
 * Journey 15. Legal asks the client to advance court costs for the account's suit; the
 * money is received into trust (never more than asked), spent on the filing (never more
 * than held), recovered in the judgment, and what is left refunded to the client. The
 * trust ledger holds it apart from collections at each step, and the debt and
 * commission never see it.
 */
export async function journeyCostAdvance(d: Deployment, reference: string) {
  const client = await onboardClient(d, `Cost Advance ${reference}`);
  const accountId = await placeAccount(d, client, reference);
  await eventually('the ledger', async () => ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') })));
  const base = `/ledgers/${accountId}/cost-advances`;
  const trust = async () => (await call(d, 'payments', 'GET', `/trust/reconciliation?clientId=${client.clientId}`, { as: as.staff('accountant') })).body.currencies[0];

  const requested = await call(d, 'payments', 'POST', base, { as: as.staff('legal'), body: { kind: 'court-costs', amount: 40_000, currency: 'USD', description: `Filing fee, ${reference}` }, idempotencyKey: `advance-${reference}` });
  expect(requested.status).toBe(201);
  expect(requested.body).toMatchObject({ accountId, clientId: client.clientId, kind: 'court-costs', requested: 40_000, received: 0, held: 0, status: 'requested' });
  const advance = `${base}/${requested.body.advanceId}`;
  const step = (path: string, role: Parameters<typeof as.staff>[0], body: Record<string, unknown>) => call(d, 'payments', 'POST', `${advance}/${path}`, { as: as.staff(role), body: { currency: 'USD', ...body } });

  expect((await step('receipts', 'accountant', { amount: 40_001 })).body).toMatchObject({ status: 409, rule: 'receipt-exceeds-request' });
  const received = await step('receipts', 'accountant', { amount: 40_000 });
  expect(received.status).toBe(201);
  expect(received.body).toMatchObject({ received: 40_000, held: 40_000, status: 'held' });
  expect(await trust()).toMatchObject({ trustCash: 40_000, payablesTotal: 0, feeIncome: 0, costAdvancesHeld: [{ clientId: client.clientId, amount: 40_000 }], collectedNotRemitted: 40_000, invariantHolds: true });

  expect((await step('spending', 'legal', { amount: 40_001, paidTo: 'Clerk of Court' })).body).toMatchObject({ status: 409, rule: 'cost-advance-exceeds-held' });
  const spent = await step('spending', 'legal', { amount: 30_000, paidTo: 'Clerk of the New York County Supreme Court' });
  expect(spent.status).toBe(201);
  expect(spent.body).toMatchObject({ spent: 30_000, held: 10_000, status: 'held' });
  const recovered = await step('recoveries', 'accountant', { amount: 30_000, judgmentReference: `651234/${reference}` });
  expect(recovered.status).toBe(201);
  expect(recovered.body).toMatchObject({ recovered: 30_000, held: 10_000 });
  expect((await step('refunds', 'accountant', { amount: 10_001 })).body).toMatchObject({ status: 409, rule: 'cost-advance-exceeds-held', held: 10_000 });
  const refunded = await step('refunds', 'accountant', { amount: 10_000 });
  expect(refunded.status).toBe(201);
  expect(refunded.body).toMatchObject({ refunded: 10_000, held: 0, status: 'refunded' });

  const listed = await call(d, 'payments', 'GET', base, { as: as.staff('supervisor') });
  expect(listed.body).toEqual([expect.objectContaining({ advanceId: requested.body.advanceId, requested: 40_000, received: 40_000, spent: 30_000, recovered: 30_000, refunded: 10_000, held: 0, status: 'refunded' })]);
  expect(await trust()).toMatchObject({ trustCash: 0, costAdvancesHeldTotal: 0, collectedNotRemitted: 0, invariantHolds: true });
  // Kept out of the debt and of commission.
  expect(ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }))).toMatchObject({ balance: 750_050, payments: [], commissionTotal: 0 });
  // Each step is an event of its own on the account's history, as stored.
  const audit = ok(await call(d, 'payments', 'GET', `/audit/payments/accounts/${accountId}`, { as: as.staff('compliance') }));
  const advanceStream = audit.streams.find((s: { streamId: string }) => s.streamId === `cost-advances-${accountId}`);
  expect(advanceStream.events.map((e: { type: string }) => e.type)).toEqual(['CostAdvanceRequested', 'CostAdvanceReceived', 'CostAdvanceSpent', 'CostAdvanceRecovered', 'CostAdvanceRefunded']);
  expect(advanceStream.integrity).toMatchObject({ ok: true });
}
