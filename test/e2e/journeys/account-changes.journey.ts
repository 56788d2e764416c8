/**
 * Journey 11: the client changes a placed account: an invoice added, the balance adjusted
 * down, the debtor's phone barred; payments, debtor contact and reporting follow, and an
 * adjustment to exactly nothing owed pays the account off.
 */
import { Deployment } from './deployment';
import { Answer, as, call, eventually, onboardClient, placeAccount } from './journeys';

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);

export async function journeyAccountChanges(d: Deployment, reference: string) {
  const client = await onboardClient(d, `Changes Journey ${reference}`);
  const accountId = await placeAccount(d, client, reference);
  const apiKey = as.client(client.apiKey);
  await eventually('the ledger', async () => ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') })));
  await eventually('the contact case', async () => ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: as.staff('collector') })));

  const notDue = await call(d, 'client-intake', 'POST', `/accounts/${accountId}/invoices`, {
    as: apiKey,
    body: { number: 'INV-1003', issueDate: '2025-12-01', dueDate: '2999-01-01', originalAmount: 100_000, currency: 'USD' },
  });
  expect(notDue.status).toBe(400);
  expect(notDue.body.problems).toEqual([expect.objectContaining({ field: 'dueDate', rule: 'invoice-not-yet-due' })]);
  const added = await call(d, 'client-intake', 'POST', `/accounts/${accountId}/invoices`, {
    as: apiKey,
    body: { number: 'INV-1003', issueDate: '2025-12-01', dueDate: '2025-12-31', originalAmount: 100_000, currency: 'USD' },
    idempotencyKey: `invoice-${reference}`,
  });
  expect(added.status).toBe(201);
  const adjusted = await call(d, 'client-intake', 'POST', `/accounts/${accountId}/balance-adjustments`, {
    as: apiKey,
    body: { amount: -50_000, currency: 'USD', reason: 'credit note CN-17 for returned goods' },
    idempotencyKey: `adjust-${reference}`,
  });
  expect(adjusted.status).toBe(201);
  expect(adjusted.body.balance).toBe(800_050);

  // Payments: the invoice is an open item, the adjustment came off oldest first; reporting follows the ledger.
  const ledger = await eventually('the changes on the ledger', async () => {
    const answer = ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }));
    return answer?.balance === 800_050 ? answer : undefined;
  });
  expect(ledger.invoices).toEqual([
    { number: 'INV-1001', dueDate: '2025-11-15', amount: 300_000, open: 250_000 },
    { number: 'INV-1002', dueDate: '2025-12-15', amount: 450_050, open: 450_050 },
    { number: 'INV-1003', dueDate: '2025-12-31', amount: 100_000, open: 100_000 },
  ]);
  expect(ledger.commissionTotal).toBe(0);
  await eventually('reporting to follow', async () => {
    const summary = ok(await call(d, 'reporting', 'GET', `/reports/accounts/${accountId}`, { as: apiKey }));
    return summary?.placedAmount === 850_050 && summary?.balance === 800_050 ? summary : undefined;
  });

  // The client bars the debtor's phone: debtor contact refuses a call to it from then on.
  const updated = await call(d, 'client-intake', 'PATCH', `/accounts/${accountId}/debtor`, {
    as: apiKey,
    body: { phones: [{ number: '+12125550100', consent: true, doNotContact: true }] },
    idempotencyKey: `debtor-${reference}`,
  });
  expect(updated.status).toBe(200);
  expect(updated.body.changed).toEqual(['phones']);
  await eventually('the case to hold the barred phone', async () => {
    const contactCase = ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: as.staff('collector') }));
    return contactCase?.debtor?.phones?.[0]?.doNotContact === true ? contactCase : undefined;
  });
  const barredCall = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/contacts`, {
    as: as.staff('collector'),
    body: { channel: 'call', direction: 'outbound', outcome: 'no-answer', to: '+1 212 555 0100' },
  });
  expect(barredCall.status).toBe(422);
  expect(barredCall.body.rule).toBe('do-not-contact');

  // Never below what is owed; exactly nothing owed pays the account off, and it closes everywhere.
  const adjust = (amount: number, key: string) =>
    call(d, 'client-intake', 'POST', `/accounts/${accountId}/balance-adjustments`, { as: apiKey, body: { amount, currency: 'USD', reason: 'settled with the client' }, idempotencyKey: `${key}-${reference}` });
  const below = await adjust(-800_051, 'below');
  expect(below.status).toBe(409);
  expect(below.body.rule).toBe('adjustment-below-paid');
  expect((await adjust(-800_050, 'rest')).status).toBe(201);
  const closed = await eventually('the account closed as paid in full', async () => {
    const account = ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: apiKey }));
    return account?.status === 'closed' ? account : undefined;
  });
  expect(closed.closingCode).toBe('paid-in-full');
  const refused = await call(d, 'client-intake', 'POST', `/accounts/${accountId}/invoices`, {
    as: apiKey,
    body: { number: 'INV-1004', issueDate: '2025-12-01', dueDate: '2025-12-31', originalAmount: 1_000, currency: 'USD' },
  });
  expect(refused.status).toBe(409);
  expect(refused.body.rule).toBe('account-closed');
}
