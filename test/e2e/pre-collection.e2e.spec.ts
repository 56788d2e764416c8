/**
 * Pre-collection (first-party) service, end to end in the all-in-one process on the test
 * clock: reminders and the conversion are durable scheduler work that runs as the clock
 * moves (docs/client-intake.md, "Pre-collection").
 */
import { Deployment, startAllInOne } from './journeys/deployment';
import { Answer, as, call, eventually, onboardClient, OnboardedClient, placementBody } from './journeys/journeys';

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);
const DAY_MS = 86_400_000;

describe('pre-collection accounts (all-in-one, test clock)', () => {
  let d: Deployment;
  let client: OnboardedClient;

  beforeAll(async () => {
    d = await startAllInOne();
    client = await onboardClient(d, 'Pre-Collection Client Inc.');
    const version = await call(d, 'client-intake', 'POST', `/clients/${client.clientId}/agreements`, {
      as: as.staff('admin'),
      body: {
        currency: 'USD',
        ratePlan: { planId: 'pre-2026', baseRateBp: 2_000, legalRateBp: 4_000 },
        remittance: 'net',
        remittancePeriod: 'monthly',
        clearedFundsHoldDays: { ach: 0, card: 0, check: 0, wire: 0, cash: 0 },
        settlementAuthorityBp: 8_000,
        legalReferral: { authority: 'client-approval', minimumBalance: '5000.00' },
        costAdvance: { clientAdvancesCosts: true, approvalAbove: '500.00' },
        cancellationFee: { flat: '0.00', rateOfBalanceBp: 0 },
        preCollection: { windowDays: 30, reminderDays: [0, 7, 14], flatFee: '15.00' },
      },
    });
    expect(version.status).toBe(201);
  }, 60_000);
  afterAll(() => d?.stop());

  const place = async (reference: string, service?: string) =>
    call(d, 'client-intake', 'POST', '/placements', { as: as.client(client.apiKey), body: { ...placementBody(reference), ...(service ? { service } : {}) }, idempotencyKey: `place-${reference}` });
  const summary = (accountId: string) => call(d, 'reporting', 'GET', `/reports/accounts/${accountId}`, { as: as.client(client.apiKey) });
  const contactCase = (accountId: string) => call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: as.staff('collector') });
  const ledger = (accountId: string) => call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') });
  const pay = (accountId: string, amount: number, key: string) =>
    call(d, 'payments', 'POST', '/payments', { as: as.staff('collector'), body: { accountId, amount, currency: 'USD', method: 'ach' }, idempotencyKey: key });

  it("refuses pre-collection for a client whose agreement sets no pre-collection terms, with the rule's name", async () => {
    const other = await onboardClient(d, 'Third-Party Only Ltd.');
    const refused = await call(d, 'client-intake', 'POST', '/placements', { as: as.client(other.apiKey), body: { ...placementBody('TP-ONLY-1'), service: 'pre-collection' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ rule: 'pre-collection-not-agreed' });
    const badValue = await call(d, 'client-intake', 'POST', '/placements', { as: as.client(other.apiKey), body: { ...placementBody('TP-ONLY-2'), service: 'first-party' } });
    expect(badValue.status).toBe(400);
  });

  it('paid in the window: a reminder in the client name, no commission, the flat fee owed, no third-party notice, closed paid in full', async () => {
    const placed = await place('PRE-PAID-1', 'pre-collection');
    expect(placed.status).toBe(201);
    const accountId: string = placed.body.accountId;

    const reminded = await eventually('the day-0 reminder in reporting', async () => {
      const answer = ok(await summary(accountId));
      return answer?.preCollectionRemindersSent >= 1 ? answer : undefined;
    });
    expect(reminded).toMatchObject({ service: 'pre-collection', convertedAt: null });

    const opened = await eventually('the ledger, with the flat fee and version 1 known', async () => {
      const answer = ok(await ledger(accountId));
      return answer?.ratePlanInForce?.agreementVersion === 1 ? answer : undefined;
    });
    expect(opened.preCollectionFeeOwed).toBe(1_500);

    const payment = await pay(accountId, 750_050, 'pre-paid-1');
    expect(payment.status).toBe(201);
    expect(payment.body).toMatchObject({ commission: 0, plan: null, balanceAfter: 0 });

    await eventually('the account closed paid in full', async () => {
      const account = ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }));
      return account?.status === 'closed' && account.closingCode === 'paid-in-full' ? account : undefined;
    });
    const afterPayment = ok(await ledger(accountId));
    expect(afterPayment).toMatchObject({ commissionTotal: 0, preCollectionFeeOwed: 1_500, payments: [{ commission: 0, preCollection: true }] });

    // Past the window's end: a paid account never converts, and debtor contact never opened a case.
    await d.advanceClock({ days: 31 });
    const later = await eventually('reporting after the window', async () => ok(await summary(accountId)));
    expect(later).toMatchObject({ service: 'pre-collection', convertedAt: null, noticesSent: 0, status: 'closed' });
    expect((await contactCase(accountId)).status).toBe(404);
  }, 120_000);

  it('unpaid at the window end: reminders on their days, then converted at the window end, the first notice sent and commission on a later payment', async () => {
    const placed = await place('PRE-UNPAID-1', 'pre-collection');
    expect(placed.status).toBe(201);
    const accountId: string = placed.body.accountId;
    const placedAt = Date.parse((await eventually('the placement in reporting', async () => ok(await summary(accountId)))).placedAt);

    await eventually('the day-0 reminder', async () => ((ok(await summary(accountId))?.preCollectionRemindersSent ?? 0) >= 1 ? true : undefined));
    expect((await contactCase(accountId)).status).toBe(404);

    await d.advanceClock({ days: 7 });
    await eventually('the day-7 reminder', async () => ((ok(await summary(accountId))?.preCollectionRemindersSent ?? 0) >= 2 ? true : undefined));
    expect((await contactCase(accountId)).status).toBe(404);

    await d.advanceClock({ days: 23 });
    const converted = await eventually('the conversion in reporting', async () => {
      const answer = ok(await summary(accountId));
      return answer?.convertedAt ? answer : undefined;
    });
    expect(converted).toMatchObject({ service: 'pre-collection', preCollectionRemindersSent: 3, convertedAt: new Date(placedAt + 30 * DAY_MS).toISOString() });

    const firstNotice = await eventually('the first demand after conversion', async () => {
      const answer = ok(await contactCase(accountId));
      return JSON.stringify(answer ?? {}).includes('first-demand') ? answer : undefined;
    });
    expect(firstNotice).toBeDefined();

    await eventually('payments on version 1', async () => (ok(await ledger(accountId))?.ratePlanInForce?.agreementVersion === 1 ? true : undefined));
    const payment = await pay(accountId, 100_000, 'pre-unpaid-1');
    expect(payment.status).toBe(201);
    expect(payment.body).toMatchObject({ commission: 20_000, plan: { planId: 'pre-2026', agreementVersion: 1 } });

    const portfolio = await eventually('the portfolio by service', async () => {
      const answer = ok(await call(d, 'reporting', 'GET', `/reports/portfolio/${client.clientId}`, { as: as.client(client.apiKey) }));
      return answer?.convertedToThirdParty === 1 ? answer : undefined;
    });
    expect(portfolio.placedByService).toEqual({ 'pre-collection': 2 });
  }, 120_000);
});
