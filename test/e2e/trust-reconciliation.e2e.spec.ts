/**
 * Trust accounting on a distributed deployment (a process per app: PostgreSQL, Kafka,
 * FerretDB): payments posted with their method clear after the agreement's hold days, a
 * reversal inside the hold and one after it record where the money stood, an over-payment
 * is refunded by an accountant, and the reconciliation (JSON and CSV, now and as of an
 * earlier instant) shows trust cash equal to the money collected and not yet remitted.
 */
import { DistributedDeployment, startDistributed } from './journeys/deployment';
import { as, call } from './journeys/journeys';
import { clientWithTrustAccount } from './journeys/money.journey';

const DAY_MS = 86_400_000;

describe('trust accounting, distributed', () => {
  let d: DistributedDeployment;

  beforeAll(async () => {
    d = await startDistributed();
  }, 180_000);
  afterAll(() => d?.stop());

  it('holds each payment for its method, records reversals in and after the hold, refunds a credit, and reconciles to the cent', async () => {
    const { client, accountId, pay } = await clientWithTrustAccount(d, 'Trust Creditor', 'TRUST-1', 'trust-e2e');
    const ach = await pay(100_000, 'ach');
    const check = await pay(50_000, 'check');
    const card = await pay(20_000, 'card');
    const postedAt = Date.parse(ach.clearsAt) - 2 * DAY_MS;
    expect([check.clearsAt, card.clearsAt].map((at) => (Date.parse(at) - postedAt) / DAY_MS)).toEqual([7, 3]);

    const reverse = (paymentId: string) => call(d, 'payments', 'POST', `/payments/${paymentId}/reversal`, { as: as.staff('accountant'), body: { accountId, reason: 'nsf' } });
    const inHold = await reverse(check.paymentId);
    expect(inHold.body).toMatchObject({ stage: 'in-hold', amount: 50_000 });

    // 750,050 owed less 120,000 standing: 630,050; the wire pays 500 more, owed back.
    const wire = await pay(630_550, 'wire');
    expect(wire.credit).toBe(500);
    const beforeTheHold = new Date(postedAt + DAY_MS).toISOString();

    await d.advanceClock({ days: 4 });
    const cleared = await reverse(card.paymentId);
    expect(cleared.body).toMatchObject({ stage: 'cleared', amount: 20_000 });
    const tooMuch = await call(d, 'payments', 'POST', `/ledgers/${accountId}/credit-refunds`, { as: as.staff('accountant'), body: { amount: 501, currency: 'USD' } });
    expect(tooMuch.status).toBe(409);
    const refund = await call(d, 'payments', 'POST', `/ledgers/${accountId}/credit-refunds`, { as: as.staff('accountant'), body: { amount: 500, currency: 'USD' } });
    expect(refund).toMatchObject({ status: 201, body: { accountId, amount: 500, creditOwedAfter: 0 } });

    const reconciliation = (query: string) => call(d, 'payments', 'GET', `/trust/reconciliation?clientId=${client.clientId}${query}`, { as: as.staff('accountant') });
    const fee = ach.commission + wire.commission;
    const now = await reconciliation('');
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ clientId: client.clientId, invariantHolds: true });
    expect(now.body.currencies).toEqual([
      {
        currency: 'USD',
        trustCash: 730_050,
        clientPayables: [{ clientId: client.clientId, amount: 730_050 - fee }],
        payablesTotal: 730_050 - fee,
        feeIncome: fee,
        creditsOwed: 0,
        clientReceivables: [],
        receivablesTotal: 0,
        costAdvancesHeld: [],
        costAdvancesHeldTotal: 0,
        collectedNotRemitted: 730_050,
        entriesBalanced: true,
        ledgerBalanced: true,
        invariantHolds: true,
      },
    ]);

    // Before the card bounced and the credit was refunded: both still in trust.
    const earlier = await reconciliation(`&asOf=${beforeTheHold}`);
    expect(earlier.body.currencies[0]).toMatchObject({ trustCash: 750_550, creditsOwed: 500, collectedNotRemitted: 750_550, invariantHolds: true });
    const beforeAnything = await reconciliation('&asOf=2000-01-01T00:00:00.000Z');
    expect(beforeAnything.body).toMatchObject({ currencies: [], invariantHolds: true, journalEntries: 0 });

    const csv = await fetch(`${d.url('payments')}/trust/reconciliation.csv?clientId=${client.clientId}`, { headers: { authorization: (as.staff('accountant') as { token: string }).token } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining(['currency,account,client_id,value', 'USD,trust-cash,,730050', `USD,client-payable,${client.clientId},${730_050 - fee}`, 'USD,credits-owed,,0', 'USD,invariant-holds,,true']),
    );

    expect((await call(d, 'payments', 'GET', '/trust/reconciliation', { as: as.staff('collector') })).status).toBe(403);
    expect((await call(d, 'payments', 'GET', '/trust/reconciliation?asOf=last-tuesday', { as: as.staff('accountant') })).status).toBe(400);
  }, 240_000);
});
