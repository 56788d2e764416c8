/**
 * Journeys 9 and 10: a recall refused while a payment is in its cleared-funds hold and
 * forced by a supervisor, and a direct payment reported by the client.
 */
import { Deployment } from './deployment';
import { Answer, as, call, eventually, onboardClient, OnboardedClient, placeAccount } from './journeys';

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);

/** A client whose agreement (version 1) charges 20% and a cancellation fee of 25.00 plus 5% of the balance recalled; holds a check 10 days. */
async function clientWithAgreement(d: Deployment, name: string, planId: string): Promise<OnboardedClient> {
  const client = await onboardClient(d, name);
  const version = await call(d, 'client-intake', 'POST', `/clients/${client.clientId}/agreements`, {
    as: as.staff('admin'),
    body: {
      currency: 'USD',
      ratePlan: { planId, baseRateBp: 2_000, legalRateBp: 4_000 },
      remittance: 'net',
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

/** Waits until payments charges the client's version 1 on the account's ledger. */
async function ledgerUnderVersion1(d: Deployment, accountId: string) {
  await eventually('payments to know version 1', async () => {
    const ledger = ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }));
    return ledger?.ratePlanInForce?.agreementVersion === 1 ? ledger : undefined;
  });
}

/** Journey 9: the recall is refused while a check is in its 10-day hold, a client cannot force it, a supervisor does, and collection stops everywhere. */
export async function journeyRecallRefusedAndForced(d: Deployment, reference: string) {
  const client = await clientWithAgreement(d, `Recall Journey ${reference}`, `${reference}-plan`);
  const accountId = await placeAccount(d, client, reference);
  await ledgerUnderVersion1(d, accountId);
  await eventually('the contact case', async () => ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: as.staff('collector') })));
  await eventually('the referral case', async () => ok(await call(d, 'legal-referral', 'GET', `/referrals/${accountId}`, { as: as.staff('legal') })));

  const paid = await call(d, 'payments', 'POST', '/payments', { as: as.staff('collector'), body: { accountId, amount: 100_000, currency: 'USD', method: 'check' }, idempotencyKey: `recall-pay-${reference}` });
  expect(paid.status).toBe(201);
  expect(paid.body.commission).toBe(20_000);
  // Intake hears of the payment through payments.ledger; its own audit stream shows when it has.
  await eventually('intake to note the payment', async () => {
    const audit = ok(await call(d, 'client-intake', 'GET', `/audit/client-intake/accounts/${accountId}`, { as: as.staff('compliance') }));
    return audit?.streams?.[0]?.events?.some((e: { type: string }) => e.type === 'PaymentNoted') ? true : undefined;
  });

  const recall = (credentials: ReturnType<typeof as.client>, body: unknown, key: string) =>
    call(d, 'client-intake', 'POST', `/accounts/${accountId}/recall`, { as: credentials, body, idempotencyKey: `${key}-${reference}` });
  const refused = await recall(as.client(client.apiKey), {}, 'recall-1');
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ rule: 'recall-payment-in-hold', paymentsInHold: [paid.body.paymentId], refusals: ['recall-payment-in-hold'] });
  const clientForcing = await recall(as.client(client.apiKey), { force: true, reason: 'we need it back' }, 'recall-2');
  expect(clientForcing.status).toBe(403);
  expect(clientForcing.body.rule).toBe('recall-force-supervisor-only');
  const noReason = await recall(as.staff('supervisor'), { force: true }, 'recall-3');
  expect(noReason.status).toBe(422);
  expect(noReason.body.rule).toBe('recall-force-needs-reason');

  const forced = await recall(as.staff('supervisor'), { force: true, reason: 'client sold the receivable' }, 'recall-4');
  expect(forced.status).toBe(200);
  // Work began (the agency posted a payment): 25.00 + 5% of the 6,500.50 left = 25.00 + 325.03 (half-up).
  expect(forced.body).toEqual({ accountId, closingCode: 'recalled', workBegan: true, cancellationFee: 2_500 + 32_503, currency: 'USD', overrides: ['recall-payment-in-hold'] });

  const account = ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }));
  expect(account).toMatchObject({ status: 'closed', closingCode: 'recalled' });
  const again = await recall(as.client(client.apiKey), {}, 'recall-5');
  expect(again.status).toBe(409);
  expect(again.body.rule).toBe('account-closed');

  // Collection stops everywhere.
  await eventually('the contact case closed', async () => {
    const contactCase = ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: as.staff('collector') }));
    return contactCase?.status === 'closed' ? contactCase : undefined;
  });
  const contact = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/contacts`, { as: as.staff('collector'), body: { channel: 'letter', direction: 'outbound', outcome: 'no-answer' } });
  expect(contact.status).toBe(409);
  expect(contact.body.rule).toBe('case-closed');
  const referral = await eventually('the referral case closed', async () => {
    const answer = ok(await call(d, 'legal-referral', 'GET', `/referrals/${accountId}`, { as: as.staff('legal') }));
    return answer?.stage === 'closed' ? answer : undefined;
  });
  expect(referral.stage).toBe('closed');
  const forwarding = await call(d, 'legal-referral', 'POST', `/referrals/${accountId}/forwarding`, { as: as.staff('legal'), body: {} });
  expect(forwarding.status).toBe(409);
  expect(forwarding.body.rule).toBe('referral-closed');

  // Payments posted stay, commission earned stays owed, the fee is owed by the client.
  const ledger = await eventually('the cancellation fee on the ledger', async () => {
    const answer = ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }));
    return answer?.cancellationFeeOwed === 35_003 ? answer : undefined;
  });
  expect(ledger).toMatchObject({ balance: 650_050, commissionTotal: 20_000, payments: [{ paymentId: paid.body.paymentId, reversed: false }] });
  await eventually('reporting to count it recalled', async () => {
    const portfolio = ok(await call(d, 'reporting', 'GET', `/reports/portfolio/${client.clientId}`, { as: as.client(client.apiKey) }));
    return portfolio?.closedByCode?.recalled === 1 ? portfolio : undefined;
  });
}

/** Journey 10: the client reports direct payments; payments posts them as direct, commission owed by the client, and the last one pays the account off. */
export async function journeyDirectPayment(d: Deployment, reference: string) {
  const client = await clientWithAgreement(d, `Direct Journey ${reference}`, `${reference}-plan`);
  const accountId = await placeAccount(d, client, reference);
  await ledgerUnderVersion1(d, accountId);
  const today = String((await call(d, 'client-intake', 'GET', '/test-clock', { as: as.staff('admin') })).body.now).slice(0, 10);

  const report = (amount: number, key: string, apiKey = client.apiKey) =>
    call(d, 'client-intake', 'POST', `/accounts/${accountId}/direct-payments`, { as: as.client(apiKey), body: { amount, currency: 'USD', method: 'check', paidOn: today }, idempotencyKey: `${key}-${reference}` });
  const other = await onboardClient(d, `Other ${reference}`);
  expect((await report(100_000, 'other', other.apiKey)).status).toBe(404);
  const future = await call(d, 'client-intake', 'POST', `/accounts/${accountId}/direct-payments`, {
    as: as.client(client.apiKey),
    body: { amount: 100_000, currency: 'USD', method: 'check', paidOn: '2999-01-01' },
  });
  expect(future.status).toBe(422);
  expect(future.body.rule).toBe('direct-payment-in-future');

  const first = await report(100_000, 'direct-1');
  expect(first.status).toBe(201);
  const retried = await report(100_000, 'direct-1');
  expect(retried.body).toEqual(first.body);

  const ledger = await eventually('the direct payment on the ledger', async () => {
    const answer = ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }));
    return answer?.payments?.length === 1 ? answer : undefined;
  });
  expect(ledger).toMatchObject({
    balance: 650_050,
    commissionTotal: 20_000,
    commissionOwedByClient: 20_000,
    payments: [{ paymentId: first.body.reportId, amount: 100_000, direct: true, commission: 20_000, plan: { agreementVersion: 1 } }],
  });

  const agencyPayment = await call(d, 'payments', 'POST', '/payments', { as: as.staff('collector'), body: { accountId, amount: 50_000, currency: 'USD', method: 'ach' }, idempotencyKey: `agency-${reference}` });
  expect(agencyPayment.status).toBe(201);
  expect((await report(600_050, 'direct-2')).status).toBe(201);
  const paidOff = await eventually('the account closed as paid in full', async () => {
    const account = ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }));
    return account?.status === 'closed' ? account : undefined;
  });
  expect(paidOff.closingCode).toBe('paid-in-full');
  const settled = ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }));
  // Commission on the agency's 500.00 is deducted from collections; on the two direct payments it is owed by the client.
  expect(settled).toMatchObject({ balance: 0, commissionTotal: 20_000 + 10_000 + 120_010, commissionOwedByClient: 20_000 + 120_010 });
}
