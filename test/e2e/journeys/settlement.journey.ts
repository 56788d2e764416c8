/**
 * Journey 21: a settlement beyond the client's authority. The client's agreement allows
 * the agency to settle for 70% of the balance; after a first payment the collector offers
 * 50% of what is left. A collector cannot approve it; a supervisor does from the approval
 * queue; the client approves it through its API (another client finds nothing). The debtor
 * pays the settlement amount; the rest is written off through payments and the account
 * closes as settled in intake, contact, legal referral and reporting, where liquidation
 * counts only what was collected (a part payment toward the settlement that bounced first
 * was taken back from it, and counts nowhere; the settlement payment bouncing after the
 * closing reopens the account, and paid again it closes settled again). Another client, with only the default agreement of
 * onboarding, has that agreement's authority (80%) known in debtor contact.
 */
import { Deployment } from './deployment';
import { Answer, as, call, eventually, onboardClient, placeAccount } from './journeys';

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);

export async function journeySettlement(d: Deployment, reference: string) {
  const client = await onboardClient(d, `Settlement Journey ${reference}`);
  const other = await onboardClient(d, `Settlement Journey other ${reference}`);
  const agreement = await call(d, 'client-intake', 'POST', `/clients/${client.clientId}/agreements`, {
    as: as.staff('admin'),
    body: {
      currency: 'USD',
      ratePlan: { planId: `settle-${reference}`, baseRateBp: 2_000, legalRateBp: 4_000 },
      remittance: 'net',
      remittancePeriod: 'monthly',
      clearedFundsHoldDays: { ach: 0, card: 0, check: 0, wire: 0, cash: 0 },
      settlementAuthorityBp: 7_000,
      legalReferral: { authority: 'client-approval', minimumBalance: '5000.00' },
      costAdvance: { clientAdvancesCosts: true, approvalAbove: '500.00' },
      cancellationFee: { flat: '25.00', rateOfBalanceBp: 500 },
    },
  });
  expect(agreement.status).toBe(201);
  const accountId = await placeAccount(d, client, reference);
  const collector = as.staff('collector');
  const supervisor = as.staff('supervisor');
  const settlementsOf = () => call(d, 'debtor-contact', 'GET', `/cases/${accountId}/settlements`, { as: collector });
  await eventually('the case to know the client authority', async () => ((ok(await settlementsOf()))?.authorityBp === 7_000 ? true : undefined));
  await eventually('the ledger', async () => ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') })));

  // A client with only the default agreement of onboarding: intake published it as version 0, so its 80% authority is known and an offer within it is approved at once.
  const otherAccountId = await placeAccount(d, other, `${reference}-default`);
  const otherSettlementsOf = () => call(d, 'debtor-contact', 'GET', `/cases/${otherAccountId}/settlements`, { as: collector });
  await eventually('the case to know the onboarding authority', async () => ((ok(await otherSettlementsOf()))?.authorityBp === 8_000 ? true : undefined));
  const withinDefault = await call(d, 'debtor-contact', 'POST', `/cases/${otherAccountId}/settlements`, { as: collector, body: { shareBp: 8_000, currency: 'USD' }, idempotencyKey: `offer-default-${reference}` });
  expect(withinDefault).toMatchObject({ status: 201, body: { authorityBp: 8_000, withinAuthority: true, status: 'approved' } });

  const pay = async (amount: number, key: string) => {
    const posted = await call(d, 'payments', 'POST', '/payments', { as: collector, body: { accountId, amount, currency: 'USD', method: 'ach' }, idempotencyKey: `${key}-${reference}` });
    expect(posted.status).toBe(201);
    return posted.body;
  };

  // A first payment: the offer is figured on the balance it left, as payments reported it.
  expect((await pay(50_050, 'first')).balanceAfter).toBe(700_000);
  await eventually('the balance heard by contact', async () => ((ok(await settlementsOf()))?.balance === 700_000 ? true : undefined));

  const offer = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/settlements`, { as: collector, body: { shareBp: 5_000, currency: 'USD' }, idempotencyKey: `offer-${reference}` });
  expect(offer.status).toBe(201);
  expect(offer.body).toMatchObject({ amount: 350_000, balance: 700_000, shareBp: 5_000, authorityBp: 7_000, withinAuthority: false, status: 'awaiting-supervisor' });
  const { settlementId } = offer.body;
  const second = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/settlements`, { as: collector, body: { amount: 600_000, currency: 'USD' } });
  expect(second).toMatchObject({ status: 409, body: { rule: 'settlement-already-active' } });
  // The refused offer is in the compliance decision ledger.
  const refusal = await eventually('the refused offer in the compliance ledger', async () => {
    const page = ok(await call(d, 'reporting', 'GET', `/reports/compliance-decisions?accountId=${accountId}&rule=settlement-already-active`, { as: as.staff('compliance') }));
    return page?.decisions?.[0];
  });
  expect(refusal).toMatchObject({ decision: 'deny', service: 'debtor-contact', actorRole: 'collector' });

  // The collector may not decide it; the supervisor finds it on the approval queue and approves it.
  expect((await call(d, 'debtor-contact', 'POST', `/approvals/${settlementId}/approve`, { as: collector, body: {} })).status).toBe(403);
  const queue = await eventually('the approval queue entry', async () => {
    const entries = ok(await call(d, 'debtor-contact', 'GET', '/approvals', { as: supervisor }));
    return entries?.find((entry: { approvalId: string }) => entry.approvalId === settlementId);
  });
  expect(queue).toMatchObject({ kind: 'settlement-beyond-authority', accountId, amount: 350_000, currency: 'USD', status: 'pending' });
  const approved = await call(d, 'debtor-contact', 'POST', `/approvals/${settlementId}/approve`, { as: supervisor, body: { reason: 'debtor short of cash' }, idempotencyKey: `approve-${reference}` });
  expect(approved).toMatchObject({ status: 200, body: { status: 'approved', next: 'awaiting the client' } });

  // The client sees it through its API and approves it; another client finds nothing.
  const clientPath = `/accounts/${accountId}/settlements`;
  const waiting = await eventually('the settlement put to the client', async () => {
    const listed = ok(await call(d, 'client-intake', 'GET', clientPath, { as: as.client(client.apiKey) }));
    return listed?.find((entry: { settlementId: string; status: string }) => entry.settlementId === settlementId && entry.status === 'awaiting-client');
  });
  expect(waiting).toMatchObject({ amount: 350_000, balance: 700_000, shareBp: 5_000, authorityBp: 7_000 });
  expect((await call(d, 'client-intake', 'GET', clientPath, { as: as.client(other.apiKey) })).status).toBe(404);
  expect((await call(d, 'client-intake', 'POST', `${clientPath}/${settlementId}/approve`, { as: as.client(other.apiKey), body: {} })).status).toBe(404);
  const clientApproved = await call(d, 'client-intake', 'POST', `${clientPath}/${settlementId}/approve`, { as: as.client(client.apiKey), body: {}, idempotencyKey: `client-approve-${reference}` });
  expect(clientApproved).toMatchObject({ status: 200, body: { settlementId, status: 'approved' } });
  await eventually('the settlement approved in contact', async () => ((ok(await settlementsOf()))?.settlements?.[0]?.status === 'approved' ? true : undefined));

  // A part payment toward the approved settlement bounces: it is taken back from what was paid toward it.
  const partial = await pay(100_000, 'partial');
  expect(partial.balanceAfter).toBe(600_000);
  await eventually('the part payment counted', async () => ((ok(await settlementsOf()))?.settlements?.[0]?.paid === 100_000 ? true : undefined));
  const bounced = await call(d, 'payments', 'POST', `/payments/${partial.paymentId}/reversal`, { as: as.staff('accountant'), body: { accountId, reason: 'nsf' }, idempotencyKey: `bounce-settlement-${reference}` });
  expect(bounced.status).toBe(201);
  const afterBounce = await eventually('the bounced payment taken back from the settlement', async () => {
    const shown = ok(await settlementsOf());
    return shown?.settlements?.[0]?.paid === 0 && shown?.balance === 700_000 ? shown : undefined;
  });
  expect(afterBounce.settlements).toMatchObject([{ settlementId, status: 'approved', paid: 0 }]);

  // The debtor pays the settlement amount: the rest is written off and the account closes as settled everywhere.
  const settlementPayment = await pay(350_000, 'settlement');
  expect(settlementPayment.balanceAfter).toBe(350_000);
  const account = await eventually('the account closed in intake', async () => {
    const found = ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }));
    return found?.status === 'closed' ? found : undefined;
  });
  expect(account.closingCode).toBe('settled');
  const contactCase = await eventually('the case closed', async () => {
    const shown = ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: collector }));
    return shown?.status === 'closed' ? shown : undefined;
  });
  expect(contactCase.closingCode).toBe('settled');
  expect(ok(await settlementsOf()).settlements).toMatchObject([{ settlementId, status: 'paid', paid: 350_000 }]);
  const referral = await eventually('the referral case closed in legal', async () => {
    const shown = ok(await call(d, 'legal-referral', 'GET', `/referrals/${accountId}`, { as: as.staff('legal') }));
    return shown?.closing ? shown : undefined;
  });
  expect(referral.closing.closingCode).toBe('settled');
  const ledger = await eventually('the rest written off in payments', async () => {
    const shown = ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }));
    return shown?.balance === 0 ? shown : undefined;
  });
  expect(ledger.balance).toBe(0);
  // The write-off to zero is told apart from a payment to zero: the ledger records it as a settlement write-off and does not announce the account paid in full.
  const ledgerAudit = ok(await call(d, 'payments', 'GET', `/audit/payments/accounts/${accountId}`, { as: as.staff('compliance') }));
  const ledgerEvents: { type: string; data: { kind?: string } }[] = ledgerAudit.streams.flatMap((stream: { events: unknown[] }) => stream.events);
  expect(ledgerEvents.filter((event) => event.type === 'OpenBalanceAdjusted')).toMatchObject([{ data: { kind: 'settlement-write-off', balanceAfter: 0 } }]);
  expect(ledgerEvents.some((event) => event.type === 'AccountPaidInFull')).toBe(false);

  const summary = await eventually('the account settled in reporting', async () => {
    const shown = ok(await call(d, 'reporting', 'GET', `/reports/accounts/${accountId}`, { as: as.client(client.apiKey) }));
    return shown?.closingCode === 'settled' && shown?.balance === 0 ? shown : undefined;
  });
  expect(summary).toMatchObject({ status: 'closed', closingCode: 'settled', paidInFullAt: null, collected: 400_050, placedAmount: 750_050 });
  const portfolio = await eventually('the portfolio', async () => {
    const shown = ok(await call(d, 'reporting', 'GET', `/reports/portfolio/${client.clientId}`, { as: as.client(client.apiKey) }));
    return shown?.closedByCode?.settled === 1 ? shown : undefined;
  });
  expect(portfolio).toMatchObject({ placedAmount: 750_050, collected: 400_050 });
  const liquidation = ok(await call(d, 'reporting', 'GET', `/reports/clients/${client.clientId}/liquidation`, { as: as.client(client.apiKey) }));
  const points = liquidation.cohorts.flatMap((cohort: { points: { collected: number }[] }) => cohort.points);
  expect(points[points.length - 1].collected).toBe(400_050);

  // The settlement payment bounces after the closing: the settlement is no longer paid, intake reopens the account,
  // and paid again the account closes as settled again, with nothing more written off and still not paid in full.
  const bouncedSettlement = await call(d, 'payments', 'POST', `/payments/${settlementPayment.paymentId}/reversal`, { as: as.staff('accountant'), body: { accountId, reason: 'nsf' }, idempotencyKey: `bounce-settled-${reference}` });
  expect(bouncedSettlement).toMatchObject({ status: 201, body: { balanceAfter: 350_000 } });
  const intakeAccount = async () => ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }));
  await eventually('the settled account reopened in intake', async () => ((await intakeAccount())?.status === 'active' ? true : undefined));
  const reapproved = await eventually('the settlement approved again in contact', async () => {
    const shown = ok(await settlementsOf());
    return shown?.settlements?.[0]?.status === 'approved' && shown?.settlements?.[0]?.paid === 0 ? shown : undefined;
  });
  expect(reapproved).toMatchObject({ balance: 350_000, settlements: [{ settlementId, amount: 350_000 }] });
  expect((await pay(350_000, 'settlement-again')).balanceAfter).toBe(0);
  const closedAgain = await eventually('the account closed as settled again', async () => {
    const found = await intakeAccount();
    return found?.status === 'closed' ? found : undefined;
  });
  expect(closedAgain.closingCode).toBe('settled');
  const summaryAgain = await eventually('the account settled again in reporting', async () => {
    const shown = ok(await call(d, 'reporting', 'GET', `/reports/accounts/${accountId}`, { as: as.client(client.apiKey) }));
    return shown?.status === 'closed' && shown?.closingCode === 'settled' && shown?.collected === 400_050 ? shown : undefined;
  });
  expect(summaryAgain).toMatchObject({ paidInFullAt: null, balance: 0 });
  const ledgerAfter = ok(await call(d, 'payments', 'GET', `/audit/payments/accounts/${accountId}`, { as: as.staff('compliance') }));
  const typesAfter: string[] = ledgerAfter.streams.flatMap((stream: { events: { type: string }[] }) => stream.events.map((event) => event.type));
  expect(typesAfter.filter((type) => type === 'OpenBalanceAdjusted')).toHaveLength(1);
  expect(typesAfter).not.toContain('AccountPaidInFull');
}
