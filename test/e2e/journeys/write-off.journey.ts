/**
 * Journey 22: write-offs. A collector asks to write off part of the balance; a collector
 * cannot approve it, a supervisor does from the approval queue, and payments lowers the
 * balance while the account stays open. Then the rest is asked for as a whole-balance
 * write-off; approved, the balance is written off through payments and the account closes
 * as written-off in intake, contact and reporting. A write-off on the closed case is refused.
 */
import { Deployment } from './deployment';
import { Answer, as, call, eventually, onboardClient, placeAccount } from './journeys';

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);

export async function journeyWriteOff(d: Deployment, reference: string) {
  const client = await onboardClient(d, `Write-off Journey ${reference}`);
  const accountId = await placeAccount(d, client, reference);
  const collector = as.staff('collector');
  const supervisor = as.staff('supervisor');
  const ledgerOf = () => call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') });
  await eventually('the ledger', async () => ok(await ledgerOf()));
  await eventually('the case', async () => ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: collector })));
  const placedAmount = (ok(await ledgerOf())).balance as number;

  const ask = (body: object) => call(d, 'debtor-contact', 'POST', `/cases/${accountId}/write-offs`, { as: collector, body });
  expect(await ask({ amount: placedAmount + 1, currency: 'USD', reason: 'small-balance' })).toMatchObject({ status: 422, body: { rule: 'write-off-amount-above-balance' } });

  // Part of the balance: approved by a supervisor, the balance comes down and the account stays open.
  const partial = await ask({ amount: 50_000, currency: 'USD', reason: 'uncollectible', note: 'one invoice the debtor never received' });
  expect(partial).toMatchObject({ status: 201, body: { amount: 50_000, balance: placedAmount, reason: 'uncollectible', status: 'awaiting-supervisor' } });
  const partialId = partial.body.writeOffId;
  const entry = await eventually('the write-off on the approval queue', async () =>
    (ok(await call(d, 'debtor-contact', 'GET', '/approvals', { as: supervisor })))?.find((found: { approvalId: string }) => found.approvalId === partialId));
  expect(entry).toMatchObject({ kind: 'write-off', accountId, amount: 50_000, currency: 'USD', status: 'pending' });
  expect((await call(d, 'debtor-contact', 'POST', `/approvals/${partialId}/approve`, { as: collector, body: {} })).status).toBe(403);
  const approved = await call(d, 'debtor-contact', 'POST', `/approvals/${partialId}/approve`, { as: supervisor, body: {} });
  expect(approved).toMatchObject({ status: 200, body: { kind: 'write-off', status: 'approved', next: 'written off in client intake' } });
  await eventually('the partial write-off in payments', async () => ((ok(await ledgerOf()))?.balance === placedAmount - 50_000 ? true : undefined));
  expect((ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }))).status).toBe('active');

  // The whole remaining balance: the account closes as written-off everywhere.
  await eventually('the lower balance heard by contact', async () =>
    ((ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}/settlements`, { as: collector })))?.balance === placedAmount - 50_000 ? true : undefined));
  const whole = await ask({ currency: 'USD', reason: 'debtor-deceased' });
  expect(whole).toMatchObject({ status: 201, body: { amount: null, balance: placedAmount - 50_000 } });
  await eventually('the whole write-off on the approval queue', async () =>
    (ok(await call(d, 'debtor-contact', 'GET', '/approvals', { as: supervisor })))?.find((found: { approvalId: string }) => found.approvalId === whole.body.writeOffId));
  expect((await call(d, 'debtor-contact', 'POST', `/approvals/${whole.body.writeOffId}/approve`, { as: supervisor, body: { reason: 'estate has no assets' } })).status).toBe(200);
  const account = await eventually('the account closed in intake', async () => {
    const found = ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }));
    return found?.status === 'closed' ? found : undefined;
  });
  expect(account.closingCode).toBe('written-off');
  const contactCase = await eventually('the case closed', async () => {
    const shown = ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: collector }));
    return shown?.status === 'closed' ? shown : undefined;
  });
  expect(contactCase.closingCode).toBe('written-off');
  await eventually('the rest written off in payments', async () => ((ok(await ledgerOf()))?.balance === 0 ? true : undefined));
  const summary = await eventually('the account written off in reporting', async () => {
    const shown = ok(await call(d, 'reporting', 'GET', `/reports/accounts/${accountId}`, { as: as.client(client.apiKey) }));
    return shown?.closingCode === 'written-off' && shown?.balance === 0 ? shown : undefined;
  });
  // Written off, not paid: the summary never reads paid in full.
  expect(summary).toMatchObject({ status: 'closed', collected: 0, paidInFullAt: null });
  expect(await ask({ currency: 'USD', reason: 'small-balance' })).toMatchObject({ status: 409, body: { rule: 'case-closed' } });
}
