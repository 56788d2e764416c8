/**
 * Reporting's trust ledger view against payments' own (docs/reporting.md, "Trust ledger"),
 * on a distributed deployment (a process per app: PostgreSQL, Kafka, FerretDB): payments,
 * a reversal inside the hold, an over-payment, a remittance run by an accountant, a
 * claw-back after it and a credit refund. Reporting re-derives the journal from payments'
 * messages alone; its balances must equal `GET /trust/reconciliation?clientId=` to the cent.
 */
import { DistributedDeployment, startDistributed } from './journeys/deployment';
import { as, call, eventually, onboardClient } from './journeys/journeys';
import { advanceTo, clientWithTrustAccount, clockNow } from './journeys/money.journey';

const DAY_MS = 86_400_000;

describe("reporting's trust ledger view, distributed", () => {
  let d: DistributedDeployment;

  beforeAll(async () => {
    d = await startDistributed();
  }, 180_000);
  afterAll(() => d?.stop());

  it("shows every entry of a client's trust ledger with balances equal to payments' reconciliation, to the cent", async () => {
    const { client, accountId, pay } = await clientWithTrustAccount(d, 'Trust View Creditor', 'TRUST-VIEW-1', 'trust-view-e2e');
    const periodStart = new Date((await clockNow(d)).getTime() - DAY_MS).toISOString();
    const reverse = (paymentId: string) => call(d, 'payments', 'POST', `/payments/${paymentId}/reversal`, { as: as.staff('accountant'), body: { accountId, reason: 'nsf' } });
    const ach = await pay(100_000, 'ach');
    const check = await pay(50_000, 'check');
    expect((await reverse(check.paymentId)).body).toMatchObject({ stage: 'in-hold' });
    // 750,050 owed less the 100,000 standing: the wire pays 500 more, owed back.
    const wire = await pay(650_550, 'wire');
    expect(wire.credit).toBe(500);

    // The ACH has cleared: an accountant runs the statement by hand; both payments are paid out.
    const periodEnd = (await advanceTo(d, new Date(Date.parse(ach.clearsAt) + DAY_MS))).toISOString();
    const run = await call(d, 'payments', 'POST', `/clients/${client.clientId}/remittances`, { as: as.staff('accountant'), body: { periodStart, periodEnd } });
    expect(run.status).toBe(201);
    expect(run.body.statements[0]).toMatchObject({ paymentCount: 2, remittanceType: 'net' });
    const remittanceId = run.body.statements[0].remittanceId as string;

    // Reporting hears of the statement on its own topic; it marks what the statement paid out once it arrives (docs/reporting.md).
    await eventually('the statement in reporting', async () => {
      const answer = await call(d, 'reporting', 'GET', `/reports/clients/${client.clientId}/remittances`, { as: as.staff('accountant') });
      return answer.status === 200 && answer.body.remittances.length === 1 ? answer.body : undefined;
    });
    await d.advanceClock({ hours: 1 });

    // After the statement: the ACH bounces (clawed back from the client) and the credit is refunded.
    expect((await reverse(ach.paymentId)).body).toMatchObject({ stage: 'remitted', remittanceId });
    const refund = await call(d, 'payments', 'POST', `/ledgers/${accountId}/credit-refunds`, { as: as.staff('accountant'), body: { amount: 500, currency: 'USD' } });
    expect(refund.status).toBe(201);

    const reconciliation = await call(d, 'payments', 'GET', `/trust/reconciliation?clientId=${client.clientId}`, { as: as.staff('accountant') });
    expect(reconciliation.body.invariantHolds).toBe(true);
    const [usd] = reconciliation.body.currencies;
    const ofClient = (amounts: Array<{ clientId: string; amount: number }>) => amounts.find((a) => a.clientId === client.clientId)?.amount ?? 0;
    const payments = {
      trustCash: usd.trustCash,
      clientPayable: ofClient(usd.clientPayables),
      feeIncome: usd.feeIncome,
      creditsOwed: usd.creditsOwed,
      clientReceivable: ofClient(usd.clientReceivables),
      costAdvancesHeld: ofClient(usd.costAdvancesHeld),
    };
    // Worked out by hand: everything was paid out, then the ACH (100,000: 75,000 share, 25,000 fee) bounced and the 500 credit left trust.
    expect(payments).toEqual({ trustCash: -100_000, clientPayable: 0, feeIncome: -25_000, creditsOwed: 0, clientReceivable: 75_000, costAdvancesHeld: 0 });

    const view = await eventually('the whole trust ledger in reporting', async () => {
      const answer = await call(d, 'reporting', 'GET', `/reports/clients/${client.clientId}/trust-ledger`, { as: as.staff('accountant') });
      return answer.status === 200 && answer.body.currencies[0]?.entries.length === 7 ? answer.body : undefined;
    });
    expect(view.currencies).toHaveLength(1);
    const [ledger] = view.currencies;
    expect(ledger.balances).toEqual(payments);
    expect(ledger.entries.map((e: { kind: string }) => e.kind)).toEqual(['payment-collected', 'payment-collected', 'payment-reversed', 'payment-collected', 'remittance-issued', 'payment-clawed-back', 'credit-refunded']);
    expect(ledger.entries[4]).toMatchObject({ source: { remittanceId }, listingMatched: true, invoiced: 0 });
    // Before the claw-back everything collected had left trust but the credit owed back.
    expect(ledger.entries[4].balances).toEqual({ trustCash: 500, clientPayable: 0, feeIncome: 0, creditsOwed: 500, clientReceivable: 0, costAdvancesHeld: 0 });
    expect(ledger.totalDebits).toBe(ledger.totalCredits);

    const csv = await fetch(`${d.url('reporting')}/reports/clients/${client.clientId}/trust-ledger.csv`, { headers: { 'x-api-key': client.apiKey } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (await csv.text()).split('\r\n');
    expect(rows[0]).toBe('client_id,currency,entry,at,kind,account_id,payment_id,refund_id,remittance_id,advance_id,ledger_account,debit,credit,trust_cash_after,client_payable_after,fee_income_after,credits_owed_after,client_receivable_after,cost_advances_held_after');
    expect(rows).toContain(`${client.clientId},USD,6,${ledger.entries[5].at},payment-clawed-back,${accountId},${ach.paymentId},,${remittanceId},,client-receivable,75000,0,-99500,0,-25000,500,75000,0`);

    const own = await call(d, 'reporting', 'GET', `/reports/clients/${client.clientId}/trust-ledger`, { as: as.client(client.apiKey) });
    expect(own.body).toEqual(view);
    const other = await onboardClient(d, 'Trust View Other');
    const refused = await call(d, 'reporting', 'GET', `/reports/clients/${client.clientId}/trust-ledger`, { as: as.client(other.apiKey) });
    expect([refused.status, refused.body.rule]).toEqual([404, 'client-unknown']);
    expect((await call(d, 'reporting', 'GET', `/reports/clients/${client.clientId}/trust-ledger`, { as: as.staff('collector') })).status).toBe(403);
  }, 240_000);
});
