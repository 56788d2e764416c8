/**
 * Journeys 13 and 14: holds reach every service. A bankruptcy stops every channel of
 * debtor contact, makes the legal review refuse (not-bankrupt), and its discharge closes
 * the account as bankrupt at intake; a client's dispute makes the review refuse
 * (not-disputed) until it is resolved, and an upheld one takes its amount off the balance
 * at intake and on payments' ledger; while a dispute is open, intake refuses the client's
 * recall (recall-dispute-open).
 */
import { Deployment } from './deployment';
import { Answer, as, call, eventually, onboardClient, placeAccount } from './journeys';

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);

async function placedAndHeard(d: Deployment, name: string, reference: string) {
  const client = await onboardClient(d, name);
  const accountId = await placeAccount(d, client, reference);
  const account = await eventually('the account', async () => ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) })));
  await eventually('the contact case', async () => ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: as.staff('collector') })));
  await eventually('the referral case', async () => ok(await call(d, 'legal-referral', 'GET', `/referrals/${accountId}`, { as: as.staff('legal') })));
  return { client, accountId, today: String(account.placedAt).slice(0, 10) };
}

/** Runs the legal review until `failedRules` satisfies `holds` (the hold travels from debtor contact on the bus). */
async function reviewUntil(d: Deployment, accountId: string, description: string, holds: (failed: string[]) => boolean) {
  return eventually(description, async () => {
    const review = await call(d, 'legal-referral', 'POST', `/referrals/${accountId}/review`, { as: as.staff('legal') });
    const failed = (review.body?.failedRules ?? []).map((f: { rule: string }) => f.rule);
    return review.status === 200 && holds(failed) ? review.body : undefined;
  });
}

export async function journeyBankruptcy(d: Deployment, reference: string) {
  const { client, accountId, today } = await placedAndHeard(d, `Bankruptcy Journey ${reference}`, reference);
  const filed = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/holds`, {
    as: as.staff('legal'),
    body: { kind: 'bankruptcy', reason: 'notice of chapter 7 filing received', bankruptcy: { chapter: 7, caseNumber: `1:26-bk-${reference}`, filedOn: today } },
  });
  expect(filed.status).toBe(201);

  for (const channel of ['call', 'email', 'letter', 'text']) {
    const refused = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/contacts`, { as: as.staff('collector'), body: { channel, direction: 'outbound', outcome: 'no-answer' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ rule: 'bankruptcy-stay' });
  }
  const review = await reviewUntil(d, accountId, 'the review refused under not-bankrupt', (failed) => failed.includes('not-bankrupt'));
  expect(review.stage).toBe('not-recommended');
  expect(review.failedRules).toContainEqual({ rule: 'not-bankrupt', reason: expect.stringContaining(`case 1:26-bk-${reference}`) });

  const discharged = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/bankruptcy/discharge`, { as: as.staff('legal'), body: { dischargedOn: today } });
  expect(discharged.status).toBe(201);
  const closed = await eventually('the account closed as bankrupt', async () => {
    const account = ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }));
    return account?.status === 'closed' ? account : undefined;
  });
  expect(closed.closingCode).toBe('bankrupt');
  await eventually('the contact case closed', async () => {
    const contactCase = ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: as.staff('collector') }));
    return contactCase?.status === 'closed' && contactCase.closingCode === 'bankrupt' ? contactCase : undefined;
  });
}

export async function journeyDispute(d: Deployment, reference: string) {
  const { client, accountId } = await placedAndHeard(d, `Dispute Journey ${reference}`, reference);
  const opened = await call(d, 'debtor-contact', 'POST', `/accounts/${accountId}/disputes`, { as: as.client(client.apiKey), body: { reason: 'goods returned in November' } });
  expect(opened.status).toBe(201);
  expect(opened.body).toMatchObject({ openedBy: 'client', amount: 750_050 });

  await reviewUntil(d, accountId, 'the review refused under not-disputed', (failed) => failed.includes('not-disputed'));
  const resolved = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/disputes/${opened.body.disputeId}/resolution`, {
    as: as.staff('supervisor'),
    body: { outcome: 'rejected', evidence: 'the return was refused by the client, receipt RMA-77' },
  });
  expect(resolved.status).toBe(201);
  await reviewUntil(d, accountId, 'the review no longer refused under not-disputed', (failed) => !failed.includes('not-disputed'));
  const contacted = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/contacts`, { as: as.staff('collector'), body: { channel: 'letter', direction: 'outbound', outcome: 'no-answer' } });
  expect(contacted.status).toBe(201);

  // The debtor disputes one invoice; upheld, intake takes its amount off the balance and payments' ledger follows.
  const second = await call(d, 'debtor-contact', 'POST', `/accounts/${accountId}/disputes`, {
    as: as.staff('collector'),
    body: { reason: 'INV-1001 was billed twice', invoices: [{ invoiceNumber: 'INV-1001', amount: 300_000 }] },
  });
  expect(second.status).toBe(201);
  // A third dispute, of the other invoice, is opened before the second is resolved: debtor
  // contact publishes in that order on the account's key, so once the upheld adjustment
  // reached payments, intake has noted the third as open and refuses the client's recall.
  const third = await call(d, 'debtor-contact', 'POST', `/accounts/${accountId}/disputes`, {
    as: as.staff('collector'),
    body: { reason: 'INV-1002 was never delivered', invoices: [{ invoiceNumber: 'INV-1002', amount: 450_050 }] },
  });
  expect(third.status).toBe(201);
  const upheld = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/disputes/${second.body.disputeId}/resolution`, {
    as: as.staff('supervisor'),
    body: { outcome: 'upheld', evidence: 'the client confirmed the double billing' },
  });
  expect(upheld.status).toBe(201);
  expect(upheld.body).toMatchObject({ outcome: 'upheld', amount: 300_000 });
  // Intake records the adjustment and publishes it (BalanceAdjusted.v1); payments' ledger follows.
  await eventually('the balance adjusted on the ledger', async () => {
    const ledger = ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }));
    return ledger?.balance === 450_050 ? ledger : undefined;
  });
  const recall = await call(d, 'client-intake', 'POST', `/accounts/${accountId}/recall`, { as: as.client(client.apiKey), body: {} });
  expect(recall.status).toBe(409);
  expect(recall.body).toMatchObject({ rule: 'recall-dispute-open' });
}
