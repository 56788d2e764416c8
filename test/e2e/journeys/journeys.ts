/**
 * The walking skeleton's journeys, written once and run on both deployments.
 * Everything goes through the public HTTP APIs, as clients and staff would use them;
 * cross-service effects are awaited (eventual consistency), never slept for.
 */
import { nameBasedId } from '@lib/es-core';
import { Deployment, Service, staffToken } from './deployment';

export interface Answer {
  status: number;
  body: any;
}

export type Credentials = { apiKey: string } | { token: string } | undefined;

export async function call(
  deployment: Deployment,
  service: Service,
  method: string,
  path: string,
  options: { as?: Credentials; body?: unknown; idempotencyKey?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.as && 'apiKey' in options.as) headers['x-api-key'] = options.as.apiKey;
  if (options.as && 'token' in options.as) headers.authorization = options.as.token;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const response = await fetch(`${deployment.url(service)}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (NDJSON export): keep the text
  }
  return { status: response.status, body };
}

/** Polls until `check` returns a value (not undefined) without throwing. */
export async function eventually<T>(description: string, check: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const as = {
  staff: (role: Parameters<typeof staffToken>[0]): Credentials => ({ token: staffToken(role) }),
  client: (apiKey: string): Credentials => ({ apiKey }),
  /** A panel attorney's own key (`ak_…`), issued by an admin of legal-referral. */
  attorney: (apiKey: string): Credentials => ({ apiKey }),
};

export interface OnboardedClient {
  clientId: string;
  apiKey: string;
}

export async function onboardClient(d: Deployment, name: string): Promise<OnboardedClient> {
  const onboarded = await call(d, 'client-intake', 'POST', '/clients', { as: as.staff('admin'), body: { name } });
  expect(onboarded.status).toBe(201);
  const key = await call(d, 'client-intake', 'POST', `/clients/${onboarded.body.clientId}/api-keys`, { as: as.staff('admin') });
  expect(key.status).toBe(201);
  return { clientId: onboarded.body.clientId, apiKey: key.body.apiKey };
}

export function placementBody(clientReference: string) {
  return {
    clientReference,
    commercial: true,
    debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY', email: 'ap@acme.example' },
    invoices: [
      { number: 'INV-1001', issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: 300_000, currency: 'USD' },
      { number: 'INV-1002', issueDate: '2025-11-15', dueDate: '2025-12-15', originalAmount: 450_050, currency: 'USD' },
    ],
  };
}

export async function placeAccount(d: Deployment, client: OnboardedClient, reference: string): Promise<string> {
  const placed = await call(d, 'client-intake', 'POST', '/placements', { as: as.client(client.apiKey), body: placementBody(reference), idempotencyKey: `place-${reference}` });
  expect(placed.status).toBe(201);
  return placed.body.accountId;
}

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);

/**
 * A client of its own with one account paid in full and closed, for the journeys that
 * need such an account: each places its own, so a failure in one journey cannot fail
 * another. The paid journey (1) asserts each of these steps; this only waits for them.
 */
export async function placePaidAccount(d: Deployment, reference: string): Promise<{ client: OnboardedClient; accountId: string }> {
  const client = await onboardClient(d, `Paid Account ${reference}`);
  const accountId = await placeAccount(d, client, reference);
  await eventually('the ledger', async () => ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') })));
  const payment = await call(d, 'payments', 'POST', '/payments', {
    as: as.staff('collector'),
    body: { accountId, amount: 750_050, currency: 'USD', method: 'ach' },
    idempotencyKey: `pay-${reference}`,
  });
  expect(payment.status).toBe(201);
  await eventually('the account closed', async () => {
    const account = ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }));
    return account?.status === 'closed' ? account : undefined;
  });
  return { client, accountId };
}

/** Journey 1: placed, noticed, promised, paid, closed, reported. Returns the account and the timing. */
export async function journeyPaid(d: Deployment, reference: string) {
  const client = await onboardClient(d, `Paid Journey ${reference}`);

  const started = Date.now();
  const first = await call(d, 'client-intake', 'POST', '/placements', { as: as.client(client.apiKey), body: placementBody(reference), idempotencyKey: `key-${reference}` });
  expect(first.status).toBe(201);
  const accountId: string = first.body.accountId;
  await eventually('the account in reporting', async () => ok(await call(d, 'reporting', 'GET', `/reports/accounts/${accountId}`, { as: as.client(client.apiKey) })));
  const placementToReadModelMs = Date.now() - started;

  const retry = await call(d, 'client-intake', 'POST', '/placements', { as: as.client(client.apiKey), body: placementBody(reference), idempotencyKey: `key-${reference}` });
  expect(retry).toEqual(first);
  const duplicate = await call(d, 'client-intake', 'POST', '/placements', { as: as.client(client.apiKey), body: placementBody(reference), idempotencyKey: `other-${reference}` });
  expect(duplicate.status).toBe(409);

  const contactCase = await eventually('the first demand notice', async () => {
    const answer = ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: as.staff('collector') }));
    return JSON.stringify(answer ?? {}).includes('first-demand') ? answer : undefined;
  });
  expect(contactCase).toBeDefined();

  const contact = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/contacts`, {
    as: as.staff('collector'),
    body: { channel: 'call', direction: 'outbound', outcome: 'right-party-contact', notes: 'AP manager promised full payment', promise: { amount: 750_050, currency: 'USD', dueDate: '2026-01-20' } },
  });
  expect(contact.status).toBe(201);

  await eventually('the ledger', async () => ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') })));
  const payment = await call(d, 'payments', 'POST', '/payments', {
    as: as.staff('collector'),
    body: { accountId, amount: 750_050, currency: 'USD', method: 'ach' },
    idempotencyKey: `pay-${reference}`,
  });
  expect(payment.status).toBe(201);
  expect(payment.body.allocations).toEqual([
    { invoiceNumber: 'INV-1001', amount: 300_000 },
    { invoiceNumber: 'INV-1002', amount: 450_050 },
  ]);
  expect(payment.body.commission).toBe(187_513); // 25% of 7,500.50, half-up
  expect(payment.body.balanceAfter).toBe(0);

  const closed = await eventually('the account closed as paid', async () => {
    const account = ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }));
    return account?.status === 'closed' ? account : undefined;
  });
  expect(closed.closingCode).toBe('paid-in-full');

  const portfolio = await eventually('the portfolio', async () => {
    const answer = ok(await call(d, 'reporting', 'GET', `/reports/portfolio/${client.clientId}`, { as: as.client(client.apiKey) }));
    return answer?.collected === 750_050 && answer?.closedByCode?.['paid-in-full'] === 1 ? answer : undefined;
  });
  expect(portfolio).toMatchObject({ placedCount: 1, placedAmount: 750_050, collected: 750_050, recoveryRateBp: 10_000 });

  const timeline = await eventually('the timeline across services', async () => {
    const answer = ok(await call(d, 'reporting', 'GET', `/reports/accounts/${accountId}/timeline`, { as: as.client(client.apiKey) }));
    const types: string[] = (Array.isArray(answer) ? answer : answer?.entries ?? []).map((e: { type: string }) => e.type);
    return ['AccountPlaced', 'NoticeSent', 'ContactAttemptRecorded', 'PaymentPosted.v2', 'AccountPaidInFull', 'AccountClosed'].every((t) => types.includes(t)) ? types : undefined;
  });
  expect(timeline.indexOf('AccountPlaced')).toBeLessThan(timeline.indexOf('PaymentPosted.v2'));
  return { client, accountId, placementToReadModelMs };
}

/**
 * Journey 6: the payment that paid the account in full bounces. The account reopens in
 * every service (intake, contact, reporting), collectors work it again, and paying it off
 * again closes it a second time, counted once.
 */
export async function journeyBouncedPayment(d: Deployment, reference: string) {
  const client = await onboardClient(d, `Bounced Journey ${reference}`);
  const accountId = await placeAccount(d, client, reference);
  const accountIs = (status: 'active' | 'closed') =>
    eventually(`the account ${status} in intake`, async () => {
      const account = ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }));
      return account?.status === status ? account : undefined;
    });
  const reportIs = (status: 'active' | 'closed', paidInFullCount: number, collected: number) =>
    Promise.all([
      eventually(`the account ${status} in reporting`, async () => {
        const summary = ok(await call(d, 'reporting', 'GET', `/reports/accounts/${accountId}`, { as: as.client(client.apiKey) }));
        return summary?.status === status && summary?.collected === collected ? summary : undefined;
      }),
      eventually(`the portfolio with ${paidInFullCount} paid in full`, async () => {
        const portfolio = ok(await call(d, 'reporting', 'GET', `/reports/portfolio/${client.clientId}`, { as: as.client(client.apiKey) }));
        return (portfolio?.closedByCode?.['paid-in-full'] ?? 0) === paidInFullCount && portfolio?.collected === collected ? portfolio : undefined;
      }),
    ]);
  const pay = async (amount: number, key: string) => {
    const answer = await call(d, 'payments', 'POST', '/payments', { as: as.staff('collector'), body: { accountId, amount, currency: 'USD', method: 'check' }, idempotencyKey: key });
    expect(answer.status).toBe(201);
    return answer.body;
  };

  await eventually('the ledger', async () => ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') })));
  await eventually('the contact case', async () => ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: as.staff('collector') })));
  const check = await pay(750_050, `bounce-pay-1-${reference}`);
  expect(check.paidInFull).toBe(true);
  await accountIs('closed');
  await reportIs('closed', 1, 750_050);
  const call1 = { channel: 'call', direction: 'outbound', outcome: 'right-party-contact', notes: 'asked about the bounced check' };
  const refused = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/contacts`, { as: as.staff('collector'), body: call1 });
  expect(refused.status).toBe(409);
  expect(refused.body.rule).toBe('case-closed');

  const reversed = await call(d, 'payments', 'POST', `/payments/${check.paymentId}/reversal`, { as: as.staff('accountant'), body: { accountId, reason: 'nsf' }, idempotencyKey: `bounce-${reference}` });
  expect(reversed.status).toBe(201);
  expect(reversed.body.balanceAfter).toBe(750_050);

  const reopened = await accountIs('active');
  expect(reopened.closingCode).toBeNull();
  expect(reopened.reopenedAt).toEqual(expect.any(String));
  await reportIs('active', 0, 0);
  const contact = await eventually('collectors allowed to work the reopened case', async () => {
    const answer = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/contacts`, { as: as.staff('collector'), body: call1 });
    return answer.status === 201 ? answer : undefined;
  });
  expect(contact.status).toBe(201);
  const referral = await eventually('the referral case reopened', async () => {
    const answer = ok(await call(d, 'legal-referral', 'GET', `/referrals/${accountId}`, { as: as.staff('legal') }));
    return answer?.reopening ? answer : undefined;
  });
  expect(referral.reopening.reviewDueAt).toEqual(expect.any(String));

  const replacement = await pay(750_050, `bounce-pay-2-${reference}`);
  expect(replacement.paidInFull).toBe(true);
  const closedAgain = await accountIs('closed');
  expect(closedAgain.closingCode).toBe('paid-in-full');
  await reportIs('closed', 1, 750_050);

  const timeline = await eventually('the reopening on the timeline', async () => {
    const answer = ok(await call(d, 'reporting', 'GET', `/reports/accounts/${accountId}/timeline`, { as: as.client(client.apiKey) }));
    const types: string[] = (Array.isArray(answer) ? answer : answer?.entries ?? []).map((e: { type: string }) => e.type);
    return types.filter((t) => t === 'AccountClosed').length === 2 && types.includes('AccountReopened') ? types : undefined;
  });
  const order = ['PaymentPosted.v2', 'AccountClosed', 'PaymentReversed', 'AccountReopened'].map((type) => timeline.indexOf(type));
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  return { client, accountId };
}

/**
 * Journey 2: no payment, 45 days later recommended, approved by a supervisor, authorized by
 * the client, forwarded to a panel attorney, sued to judgment, collected by the attorney and
 * posted by payments at the legal rate; the attorney's key reaches no other account. The
 * suit's costs become the client's cost advances in payments (the suit fee and the court
 * costs asked at filing, the judgment's costs recovering what was spent), and the client's
 * agreement ends the legal rate when the attorney closes the file.
 */
export async function journeyLegal(d: Deployment, reference: string) {
  const client = await onboardClient(d, `Legal Journey ${reference}`);
  const agreement = agreementBody(`${reference}-legal`, { baseRateBp: 2_500 });
  const agreed = await call(d, 'client-intake', 'POST', `/clients/${client.clientId}/agreements`, {
    as: as.staff('admin'),
    body: { ...agreement, legalReferral: { ...agreement.legalReferral, legalRateEndsOnClose: true } },
  });
  expect(agreed.status).toBe(201);
  const accountId = await placeAccount(d, client, reference);
  const otherAccountId = await placeAccount(d, client, `${reference}-OTHER`);
  await eventually('the referral case', async () => ok(await call(d, 'legal-referral', 'GET', `/referrals/${accountId}`, { as: as.staff('legal') })));

  const attorney = await call(d, 'legal-referral', 'POST', '/attorneys', {
    as: as.staff('admin'),
    body: { firm: `Hudson & Pierce LLP ${reference}`, jurisdictions: ['US-NY', 'US-NJ'], currency: 'USD', suitFee: 25_000, contingencyBp: 2_500, capacity: 50 },
  });
  expect(attorney.status).toBe(201);
  const attorneyId: string = attorney.body.attorneyId;
  const issued = await call(d, 'legal-referral', 'POST', `/attorneys/${attorneyId}/api-keys`, { as: as.staff('admin') });
  expect(issued.status).toBe(201);
  const attorneyKey = as.attorney(issued.body.apiKey);

  await d.advanceClock({ days: 45 });
  await eventually('the recommendation, pending approval', async () => {
    const referral = ok(await call(d, 'legal-referral', 'GET', `/referrals/${accountId}`, { as: as.staff('legal') }));
    return referral?.stage === 'pending-approval' ? referral : undefined;
  });
  const approved = await call(d, 'legal-referral', 'POST', `/referrals/${accountId}/approval`, { as: as.staff('supervisor') });
  expect(approved.status).toBe(200);
  expect(approved.body).toMatchObject({ stage: 'recommended', approval: { approved: true }, criteria: expect.arrayContaining([{ rule: 'within-statute-of-limitations', version: 1 }]) });
  // The approval is in the compliance decision ledger, each criterion at its version, decided by the supervisor.
  const approvalDecisions = await eventually('the approval in the decision ledger', async () => {
    const answer = ok(await call(d, 'reporting', 'GET', `/reports/compliance-decisions?accountId=${accountId}`, { as: as.staff('compliance') }));
    const decisions = (answer?.decisions ?? []).filter((entry: { action: string }) => entry.action === 'RecommendationApproved');
    return decisions.length > 0 ? decisions : undefined;
  });
  expect(approvalDecisions).toContainEqual(expect.objectContaining({ rule: 'within-statute-of-limitations', ruleVersion: 1, decision: 'allow', actorRole: 'supervisor', service: 'legal-referral' }));

  const authorized = await call(d, 'client-intake', 'POST', `/accounts/${accountId}/legal-authorization`, {
    as: as.client(client.apiKey),
    body: { agreesToSuitFee: true, agreesToAdvanceCosts: true },
  });
  expect(authorized.status).toBe(200);
  await eventually('the authorization', async () => {
    const referral = ok(await call(d, 'legal-referral', 'GET', `/referrals/${accountId}`, { as: as.staff('legal') }));
    return referral?.stage === 'authorized' ? referral : undefined;
  });

  const forwarded = await call(d, 'legal-referral', 'POST', `/referrals/${accountId}/forwarding`, { as: as.staff('legal'), body: { attorneyId } });
  expect(forwarded.status).toBe(201);
  expect(forwarded.body).toMatchObject({ stage: 'forwarded', attorney: { attorneyId, jurisdiction: 'US-NY' } });

  // The attorney reports with its own key; it reaches no account that was not forwarded to it.
  const foreign = await call(d, 'legal-referral', 'POST', `/referrals/${otherAccountId}/milestones`, { as: attorneyKey, body: { milestone: 'acknowledged' } });
  expect(foreign.status).toBe(404);
  const milestone = async (body: Record<string, unknown>, by: Credentials = attorneyKey) => {
    const answer = await call(d, 'legal-referral', 'POST', `/referrals/${accountId}/milestones`, { as: by, body });
    expect({ body, status: answer.status }).toEqual({ body, status: 201 });
    return answer.body;
  };
  await milestone({ milestone: 'acknowledged' });
  await milestone({ milestone: 'suit-filed', court: 'NY Supreme Court, New York County', caseNumber: `651234/${reference}`, courtCosts: 40_500 });

  // The suit's costs are the client's cost advances in payments: the attorney's suit fee (its
  // fee schedule) and the court costs reported, each asked of the client.
  type Advance = { advanceId: string; kind: string; requested: number; received: number; spent: number; recovered: number; status: string };
  const advancesOf = async (): Promise<Advance[] | undefined> => ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}/cost-advances`, { as: as.staff('legal') }));
  const asked = await eventually('the suit costs asked of the client', async () => {
    const advances = await advancesOf();
    return advances?.length === 2 ? advances : undefined;
  });
  const suitFee = asked.find((a) => a.kind === 'suit-fee')!;
  const courtCosts = asked.find((a) => a.kind === 'court-costs')!;
  expect(suitFee).toMatchObject({ requested: 25_000, received: 0, status: 'requested' });
  expect(courtCosts).toMatchObject({ requested: 40_500, received: 0, status: 'requested' });
  // The client's money reaches trust and is paid to the court and the attorney: accounting records both against the bank.
  for (const [advance, paidTo] of [[courtCosts, 'Clerk of the NY Supreme Court'], [suitFee, `Hudson & Pierce LLP ${reference}`]] as const) {
    const advanceUrl = `/ledgers/${accountId}/cost-advances/${advance.advanceId}`;
    const receipt = await call(d, 'payments', 'POST', `${advanceUrl}/receipts`, { as: as.staff('accountant'), body: { amount: advance.requested, currency: 'USD' } });
    expect(receipt.status).toBe(201);
    const spending = await call(d, 'payments', 'POST', `${advanceUrl}/spending`, { as: as.staff('legal'), body: { amount: advance.requested, currency: 'USD', paidTo } });
    expect(spending.status).toBe(201);
  }

  await milestone({ milestone: 'served' }, as.staff('legal'));
  await milestone({ milestone: 'answer-or-default', response: 'defaulted' });
  await milestone({ milestone: 'judgment', amount: 750_050, interest: 41_000, costs: 35_000 });
  // The court costs the judgment awards are owed by the debtor: recovered from the court-costs advance spent, never the suit fee.
  const recovered = await eventually('the judgment costs recovered', async () => {
    const advances = await advancesOf();
    return advances?.find((a) => a.kind === 'court-costs' && a.recovered > 0) ? advances : undefined;
  });
  expect(recovered.find((a) => a.kind === 'court-costs')).toMatchObject({ requested: 40_500, received: 40_500, spent: 40_500, recovered: 35_000, status: 'spent' });
  expect(recovered.find((a) => a.kind === 'suit-fee')).toMatchObject({ spent: 25_000, recovered: 0 });

  const collected = await milestone({ milestone: 'collected', amount: 100_000 });
  const [collection] = collected.litigation.collections;

  // Payments posts the attorney's collection under legal-referral's payment id, at the legal
  // rate (the plan's 40% once with an attorney).
  const ledgerOf = async () => ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }));
  const posted = await eventually('the attorney payment on the ledger', async () => (await ledgerOf())?.payments?.find((p: { paymentId: string }) => p.paymentId === collection.paymentId));
  expect(posted).toMatchObject({ amount: 100_000, method: 'attorney', rateBp: 4_000, commission: 40_000, reversed: false });

  const pipeline = await eventually('the legal pipeline', async () => {
    const answer = ok(await call(d, 'reporting', 'GET', '/reports/legal-pipeline', { as: as.staff('legal') }));
    const entry = answer?.accounts?.find((a: { accountId: string }) => a.accountId === accountId);
    return entry?.stage === 'collected' ? { entry, stages: answer.stages } : undefined;
  });
  expect(pipeline.entry).toMatchObject({ accountId, clientId: client.clientId, stage: 'collected', attorneyId });
  expect(pipeline.stages.find((s: { stage: string }) => s.stage === 'collected')).toMatchObject({ count: expect.any(Number), amounts: [{ currency: 'USD', amount: expect.any(Number) }] });
  // The time spent in each stage the account passed through is reported too.
  for (const stage of ['pending-approval', 'authorized', 'forwarded', 'judgment']) {
    expect(pipeline.stages.find((s: { stage: string }) => s.stage === stage)).toMatchObject({ averageDaysInStage: expect.any(Number) });
  }

  // The attorney closes the file; the client's agreement ends the legal rate then, so a later
  // payment earns the plan's contingency rate (25%) again.
  await milestone({ milestone: 'closed', outcome: 'settled' });
  const afterClosing = await eventually('the legal rate ended', async () => {
    const ledger = await ledgerOf();
    return ledger?.legalRateEndedAt ? ledger : undefined;
  });
  expect(afterClosing.legalRateApplies).toBe(false);
  const later = await call(d, 'payments', 'POST', '/payments', { as: as.staff('collector'), body: { accountId, amount: 20_000, currency: 'USD', method: 'ach' }, idempotencyKey: `after-closing-${reference}` });
  expect(later.status).toBe(201);
  expect(later.body).toMatchObject({ commission: 5_000, commissionRateBp: 2_500, plan: { planId: `${reference}-legal`, tierId: 'base' } });
  return { client, accountId };
}

/** Journey 3: the compliance officer's view of an account, and tamper evidence. */
export async function journeyAudit(d: Deployment, reference: string) {
  const { accountId } = await placePaidAccount(d, reference);
  const compliance = as.staff('compliance');
  const history = await eventually('the full history', async () => {
    const answer = ok(await call(d, 'reporting', 'GET', `/audit/accounts/${accountId}/history`, { as: compliance }));
    const entries = Array.isArray(answer) ? answer : answer?.events;
    const services = new Set((entries ?? []).map((e: { service: string }) => e.service));
    return services.size === 4 && entries.some((e: { type: string }) => e.type === 'AccountClosed') ? entries : undefined;
  });
  for (const entry of history) {
    expect(entry).toMatchObject({
      service: expect.any(String),
      type: expect.any(String),
      actor: { role: expect.any(String), id: expect.any(String) },
      occurredAt: expect.any(String),
      correlationId: expect.any(String),
      causationId: expect.any(String),
    });
  }
  // Every process here reads one host's clock (frozen in the all-in-one), so times never
  // decrease; equal times say nothing about order, which is why causes are checked too.
  const times = history.map((e: { occurredAt: string }) => e.occurredAt);
  expect([...times].sort()).toEqual(times);
  // An event triggered by a message names the message (`<cause's eventId>:<type>`) as its
  // causation; one caused directly names the event id. Either way, the cause comes first.
  const positionOf = new Map<string, number>(history.map((e: { eventId: string }, index: number) => [e.eventId, index]));
  const effectsBeforeCauses = history.flatMap((e: { eventId: string; type: string; causationId: string }, index: number) => {
    const separator = e.causationId.lastIndexOf(':');
    const cause = positionOf.get(e.causationId) ?? (separator > 0 ? positionOf.get(e.causationId.slice(0, separator)) : undefined);
    return cause !== undefined && cause >= index ? [`${e.type} (${index}) before its cause ${history[cause].type} (${cause})`] : [];
  });
  expect(effectsBeforeCauses).toEqual([]);
  const placed = history.find((e: { type: string }) => e.type === 'AccountPlaced');
  const opened = history.find((e: { type: string; service: string }) => e.service === 'debtor-contact');
  expect(placed.actor.role).toBe('client');
  expect(opened.correlationId).toBe(placed.correlationId);
  expect(opened.causationId.startsWith(placed.eventId)).toBe(true);

  const intact = await call(d, 'reporting', 'GET', `/audit/accounts/${accountId}/integrity`, { as: compliance });
  expect(intact.status).toBe(200);
  expect(intact.body.ok).toBe(true);
  expect(intact.body.services.map((s: { service: string }) => s.service).sort()).toEqual(['client-intake', 'debtor-contact', 'legal-referral', 'payments']);

  await d.tamper('client-intake', `account-${accountId}`, 0);
  const broken = await call(d, 'reporting', 'GET', `/audit/accounts/${accountId}/integrity`, { as: compliance });
  expect(broken.body.ok).toBe(false);
  expect(broken.body.firstBroken).toMatchObject({ service: 'client-intake', streamId: `account-${accountId}`, version: 0 });
}

/** Journey 4: a client reaches only its own accounts; roles are enforced everywhere. */
export async function journeyIsolation(d: Deployment, reference: string) {
  const owner = await onboardClient(d, `Isolation Owner ${reference}`);
  const accountId = await placeAccount(d, owner, reference);
  await eventually('the ledger', async () => ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') })));
  const posted = await call(d, 'payments', 'POST', '/payments', {
    as: as.staff('collector'),
    body: { accountId, amount: 10_000, currency: 'USD', method: 'ach' },
    idempotencyKey: `pay-${reference}`,
  });
  expect(posted.status).toBe(201);
  // The owner sees both reports first, so the other client's 404s below are refusals,
  // not reports that simply do not exist yet.
  await eventually("the owner's account report", async () => ok(await call(d, 'reporting', 'GET', `/reports/accounts/${accountId}`, { as: as.client(owner.apiKey) })));
  await eventually("the owner's portfolio", async () => ok(await call(d, 'reporting', 'GET', `/reports/portfolio/${owner.clientId}`, { as: as.client(owner.apiKey) })));

  const other = await onboardClient(d, `Someone Else ${reference}`);
  const otherKey = as.client(other.apiKey);
  expect((await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: otherKey })).status).toBe(404);
  expect((await call(d, 'client-intake', 'POST', `/accounts/${accountId}/legal-authorization`, { as: otherKey, body: { agreesToSuitFee: true, agreesToAdvanceCosts: true } })).status).toBe(404);
  expect((await call(d, 'reporting', 'GET', `/reports/portfolio/${owner.clientId}`, { as: otherKey })).status).toBe(404);
  expect((await call(d, 'reporting', 'GET', `/reports/accounts/${accountId}`, { as: otherKey })).status).toBe(404);
  expect((await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(owner.apiKey) })).status).toBe(200);

  const paymentId: string = posted.body.paymentId;
  expect(paymentId).toEqual(expect.any(String));
  const reversal = { accountId, reason: 'nsf' };
  expect((await call(d, 'payments', 'POST', `/payments/${paymentId}/reversal`, { as: as.staff('collector'), body: reversal })).status).toBe(403);

  const compliance = as.staff('compliance');
  const writes: Array<[Service, string, unknown]> = [
    ['client-intake', '/clients', { name: 'x' }],
    ['client-intake', '/placements', placementBodyFor('compliance-write')],
    ['debtor-contact', `/cases/${accountId}/contacts`, { channel: 'call', direction: 'outbound', outcome: 'no-answer' }],
    ['payments', '/payments', { accountId, amount: 100, currency: 'USD', method: 'ach' }],
    ['payments', `/payments/${paymentId}/reversal`, reversal],
    ['legal-referral', `/referrals/${accountId}/forwarding`, {}],
    ['legal-referral', `/referrals/${accountId}/milestones`, { milestone: 'acknowledged' }],
  ];
  for (const [service, path, body] of writes) {
    expect({ service, path, status: (await call(d, service, 'POST', path, { as: compliance, body })).status }).toEqual({ service, path, status: 403 });
  }
}

function placementBodyFor(reference: string) {
  return placementBody(reference);
}

/** Journey 5: every error listed at once, and nothing written anywhere. */
export async function journeyBadInput(d: Deployment) {
  const client = await onboardClient(d, 'Careless Creditor');
  const reference = 'BAD-1';
  const refused = await call(d, 'client-intake', 'POST', '/placements', {
    as: as.client(client.apiKey),
    idempotencyKey: 'bad-key',
    body: {
      clientReference: reference,
      commercial: 'maybe',
      debtor: { kind: 'company', legalName: '', country: 'USA' },
      invoices: [{ number: 'X-1', issueDate: '2025-02-30', dueDate: '2025-03-01', originalAmount: -5, currency: 'dollars' }],
    },
  });
  expect(refused.status).toBe(400);
  const fields = refused.body.problems.map((p: { field: string }) => p.field);
  expect(fields).toEqual(expect.arrayContaining(['commercial', 'debtor.legalName', 'debtor.country', 'invoices.0.issueDate', 'invoices.0.originalAmount', 'invoices.0.currency']));

  const wouldBeAccount = nameBasedId(`placement:${client.clientId}`, reference);
  expect((await call(d, 'client-intake', 'GET', `/accounts/${wouldBeAccount}`, { as: as.client(client.apiKey) })).status).toBe(404);
  const compliance = as.staff('compliance');
  const integrity = await call(d, 'reporting', 'GET', `/audit/accounts/${wouldBeAccount}/integrity`, { as: compliance });
  expect(integrity.body.services.flatMap((s: { streams: unknown[] }) => s.streams)).toEqual([]);
  const history = await call(d, 'reporting', 'GET', `/audit/accounts/${wouldBeAccount}/history`, { as: compliance });
  expect(Array.isArray(history.body) ? history.body : history.body.events).toEqual([]);
  const portfolio = await call(d, 'reporting', 'GET', `/reports/portfolio/${client.clientId}`, { as: as.client(client.apiKey) });
  expect(portfolio.status === 404 || portfolio.body.placedCount === 0).toBe(true);
}

function agreementBody(planId: string, ratePlan: Record<string, unknown>, effectiveFrom?: string) {
  return {
    ...(effectiveFrom ? { effectiveFrom } : {}),
    currency: 'USD',
    ratePlan: { planId, legalRateBp: 4_000, ...ratePlan },
    remittance: 'net',
    remittancePeriod: 'monthly',
    clearedFundsHoldDays: { ach: 5, card: 3, check: 10, wire: 0, cash: 0 },
    settlementAuthorityBp: 8_000,
    legalReferral: { authority: 'client-approval', minimumBalance: '5000.00' },
    costAdvance: { clientAdvancesCosts: true, approvalAbove: '500.00' },
    cancellationFee: { flat: '25.00', rateOfBalanceBp: 500 },
  };
}

/**
 * Journey 7: an admin sets a client's agreement, payments charges its plan ("first 300.00
 * at 50%, then 20%"), a later version takes effect from its date without touching the
 * payments posted before it.
 */
export async function journeyAgreementCommission(d: Deployment, reference: string) {
  const client = await onboardClient(d, `Agreement Journey ${reference}`);
  const agreements = `/clients/${client.clientId}/agreements`;
  const v1 = await call(d, 'client-intake', 'POST', agreements, { as: as.staff('admin'), body: agreementBody(`${reference}-a`, { baseRateBp: 2_000, collectedThresholds: [{ upTo: '300.00', rateBp: 5_000 }] }) });
  expect(v1.status).toBe(201);
  expect(v1.body).toMatchObject({ version: 1 });

  const accountId = await placeAccount(d, client, reference);
  const ledgerOf = async () => ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') }));
  await eventually('payments to know version 1', async () => ((await ledgerOf())?.ratePlanInForce?.agreementVersion === 1 ? true : undefined));

  const pay = async (amount: number, key: string) => {
    const paid = await call(d, 'payments', 'POST', '/payments', { as: as.staff('collector'), body: { accountId, amount, currency: 'USD', method: 'ach' }, idempotencyKey: `${key}-${reference}` });
    expect(paid.status).toBe(201);
    return paid.body;
  };
  expect(await pay(20_000, 'first')).toMatchObject({ commission: 10_000, plan: { planId: `${reference}-a`, agreementVersion: 1, tierId: 'base' } });
  expect(await pay(20_000, 'second')).toMatchObject({ commission: 5_000 + 2_000, plan: { agreementVersion: 1 } });

  const { now } = (await call(d, 'client-intake', 'GET', '/test-clock', { as: as.staff('admin') })).body;
  const tomorrow = new Date(Date.parse(now) + 86_400_000).toISOString();
  const v2 = await call(d, 'client-intake', 'POST', agreements, { as: as.staff('admin'), body: agreementBody(`${reference}-b`, { baseRateBp: 1_000 }, tomorrow) });
  expect(v2.status).toBe(201);
  const rewrite = await call(d, 'client-intake', 'POST', agreements, { as: as.staff('admin'), body: agreementBody(`${reference}-c`, { baseRateBp: 0 }, now) });
  expect(rewrite.status).toBe(409);

  await d.advanceClock({ days: 1 });
  await eventually('payments to charge version 2', async () => ((await ledgerOf())?.ratePlanInForce?.agreementVersion === 2 ? true : undefined));
  expect(await pay(10_000, 'third')).toMatchObject({ commission: 1_000, plan: { planId: `${reference}-b`, agreementVersion: 2 } });

  const ledger = await ledgerOf();
  expect(ledger.payments.map((p: { commission: number; plan: { agreementVersion: number } }) => [p.commission, p.plan.agreementVersion])).toEqual([
    [10_000, 1],
    [7_000, 1],
    [1_000, 2],
  ]);
  expect(ledger.commissionTotal).toBe(18_000);
}
