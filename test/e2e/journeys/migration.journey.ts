/**
 * Journey 11: an admin imports an account from the system the agency moves from. The
 * account's age, hence its commission, and every imported payment follow the business
 * dates; the audit trail shows when the import ran and who ran it beside those dates.
 */
import { Deployment } from './deployment';
import { Answer, as, call, eventually, onboardClient, placeAccount } from './journeys';

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);
const DAY_MS = 86_400_000;

export async function journeyMigrationImport(d: Deployment, reference: string) {
  // Version 1 of the plan, from today: 20% on accounts younger than 365 days at placement, 40% on older ones.
  const client = await onboardClient(d, `Migration Journey ${reference}`);
  const plan = {
    currency: 'USD',
    ratePlan: { planId: `${reference}-plan`, baseRateBp: 2_000, tiers: [{ tierId: 'aged', minAgeDays: 365, rateBp: 4_000 }], legalRateBp: 4_000 },
    remittance: 'net',
    remittancePeriod: 'monthly',
    clearedFundsHoldDays: { ach: 5, card: 3, check: 10, wire: 0, cash: 0 },
    settlementAuthorityBp: 8_000,
    legalReferral: { authority: 'client-approval', minimumBalance: '5000.00' },
    costAdvance: { clientAdvancesCosts: true, approvalAbove: '500.00' },
    cancellationFee: { flat: '25.00', rateOfBalanceBp: 500 },
  };
  expect((await call(d, 'client-intake', 'POST', `/clients/${client.clientId}/agreements`, { as: as.staff('admin'), body: plan })).status).toBe(201);
  // Payments hears agreements on another topic than accounts: a placed account shows when it knows version 1.
  const probe = await placeAccount(d, client, `${reference}-probe`);
  await eventually('payments to know version 1', async () => (ok(await call(d, 'payments', 'GET', `/ledgers/${probe}`, { as: as.staff('accountant') }))?.ratePlanInForce?.agreementVersion === 1 ? true : undefined));

  await d.advanceClock({ days: 30 });
  const { now } = (await call(d, 'client-intake', 'GET', '/test-clock', { as: as.staff('admin') })).body;
  const today = Date.parse(now);
  const day = (daysAgo: number) => new Date(today - daysAgo * DAY_MS).toISOString().slice(0, 10);
  const midnight = (date: string) => `${date}T00:00:00.000Z`;
  // Placed 400 days ago, its invoice then 100 days overdue: young at placement (577 days overdue by the import).
  const placedOn = day(400);
  const body = {
    clientId: client.clientId,
    clientReference: reference,
    commercial: true,
    debtor: { kind: 'company', legalName: 'Legacy Debtor Inc', country: 'US', region: 'NY' },
    invoices: [{ number: 'OLD-1', issueDate: day(530), dueDate: day(500), originalAmount: 300_000, currency: 'USD' }],
    placedOn,
    payments: [
      // Before any plan of the client: the rate fixed at placement, 25% for an account young at placement.
      { paidOn: day(300), amount: 20_000, method: 'check' },
      // Under version 1, in the tier of the account's age at its placement (not at the import).
      { paidOn: day(10), amount: 10_000, method: 'ach' },
    ],
    status: { state: 'open' },
  };

  const asClient = await call(d, 'client-intake', 'POST', '/migrations/accounts', { as: as.client(client.apiKey), body });
  expect(asClient.status).toBe(403);
  const imported = await call(d, 'client-intake', 'POST', '/migrations/accounts', { as: as.staff('admin'), body });
  expect(imported.status).toBe(201);
  const { accountId, paymentIds } = imported.body;
  expect(imported.body).toEqual({ accountId, clientReference: reference, placedOn, paymentIds: [expect.any(String), expect.any(String)], status: 'open' });
  // Per (client, reference), like a placement: a second import writes nothing.
  expect((await call(d, 'client-intake', 'POST', '/migrations/accounts', { as: as.staff('admin'), body })).body).toMatchObject({ rule: 'client-reference-unique' });

  const account = await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) });
  expect(account.body).toMatchObject({ placedAt: midnight(placedOn), status: 'active' });

  const ledger = await eventually('both earlier payments on the ledger', async () => {
    const answer = ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }));
    return answer?.payments?.length === 2 ? answer : undefined;
  });
  expect(ledger.payments).toEqual([
    expect.objectContaining({ paymentId: paymentIds[0], amount: 20_000, method: 'check', allocations: [{ invoiceNumber: 'OLD-1', amount: 20_000 }], commission: 5_000, rateBp: 2_500, plan: null, postedAt: midnight(day(300)) }),
    expect.objectContaining({
      paymentId: paymentIds[1],
      amount: 10_000,
      method: 'ach',
      allocations: [{ invoiceNumber: 'OLD-1', amount: 10_000 }],
      commission: 2_000,
      rateBp: 2_000,
      plan: expect.objectContaining({ agreementVersion: 1, tierId: 'base' }),
      postedAt: midnight(day(10)),
    }),
  ]);
  expect(ledger).toMatchObject({ balance: 270_000, commissionTotal: 7_000 });

  const compliance = as.staff('compliance');
  const history = await eventually('the import in the audit trail', async () => {
    const entries = ok(await call(d, 'reporting', 'GET', `/audit/accounts/${accountId}/history`, { as: compliance }));
    return Array.isArray(entries) && entries.filter((e: { type: string }) => e.type.startsWith('PaymentPosted')).length === 2 ? entries : undefined;
  });
  const line = (e: { service: string; type: string; actor: { role: string }; recordedAt: string; effectiveAt: string }) => ({ service: e.service, type: e.type, actor: e.actor.role, recordedAt: e.recordedAt, effectiveAt: e.effectiveAt });
  const of = (service: string, type: string) => history.filter((e: { service: string; type: string }) => e.service === service && e.type.startsWith(type)).map(line);
  expect(of('client-intake', 'AccountPlaced')).toEqual([{ service: 'client-intake', type: 'AccountPlaced', actor: 'admin', recordedAt: now, effectiveAt: midnight(placedOn) }]);
  expect(of('client-intake', 'EarlierPaymentImported')).toEqual([
    { service: 'client-intake', type: 'EarlierPaymentImported', actor: 'admin', recordedAt: now, effectiveAt: midnight(day(300)) },
    { service: 'client-intake', type: 'EarlierPaymentImported', actor: 'admin', recordedAt: now, effectiveAt: midnight(day(10)) },
  ]);
  expect(of('payments', 'PaymentPosted').map(({ effectiveAt }) => effectiveAt)).toEqual([midnight(day(300)), midnight(day(10))]);
  expect(of('payments', 'PaymentPosted').every(({ recordedAt }) => recordedAt >= now)).toBe(true);

  const intact = await call(d, 'reporting', 'GET', `/audit/accounts/${accountId}/integrity`, { as: compliance });
  expect(intact.body.ok).toBe(true);
}
