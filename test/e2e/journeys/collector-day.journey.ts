/**
 * Journey 20: a collector's day over 55 days of test clock. One client places four
 * accounts: a commercial one worked by the default commercial cadence with a client hold in
 * the middle (no step while it lasts, every later step moved by the time held, the legal
 * review reached); a smaller one whose promise breaks and so moves above it in the work
 * queue; one whose payment plan defaults; and a consumer one whose 8th call in 7 days is
 * refused by Regulation F's rule (its validation notice, with the itemization, received by
 * the deployment's local SMTP server and downloaded as the letter PDF), the refusal reaching reporting's compliance ledger; on
 * that account a written dispute within the validation period pauses every outbound contact
 * until it is resolved; a payment's allowance (each of payments' rules) reaches the ledger.
 */
import { createHash } from 'node:crypto';
import { textLinesOfLetter } from '../../../apps/debtor-contact/src/integration/communications/pdf-text';
import { Deployment, DEPLOYMENT_EMAIL_FROM, staffToken } from './deployment';
import { Answer, as, call, eventually, onboardClient, OnboardedClient } from './journeys';

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);
const DAY_MS = 86_400_000;
const dateAfter = (instant: string, days: number) => new Date(Date.parse(instant) + days * DAY_MS).toISOString().slice(0, 10);
const instantAfter = (instant: string, days: number) => new Date(Date.parse(instant) + days * DAY_MS).toISOString();

interface Placement {
  commercial: boolean;
  debtor: Record<string, string>;
  amount: number;
}

/** A person is called in personal hours (08:00-21:00 every day), whatever weekday the shared clock stands on. */
const PERSON = { kind: 'person', legalName: 'Pat Guarantor', country: 'US', region: 'NY' };

async function place(d: Deployment, client: OnboardedClient, reference: string, { commercial, debtor, amount }: Placement): Promise<string> {
  const body = {
    clientReference: reference,
    commercial,
    debtor,
    invoices: [{ number: 'INV-2001', issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: amount, currency: 'USD' }],
  };
  const placed = await call(d, 'client-intake', 'POST', '/placements', { as: as.client(client.apiKey), body, idempotencyKey: `place-${reference}` });
  expect(placed.status).toBe(201);
  const accountId = placed.body.accountId as string;
  await eventually(`the contact case of ${reference}`, async () => ok(await call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: as.staff('collector') })));
  return accountId;
}

/** The account's cadence events, as stored (debtor contact's audit trail of the account). */
async function cadenceOf(d: Deployment, accountId: string): Promise<Array<{ type: string; data: Record<string, any> }>> {
  const trail = ok(await call(d, 'debtor-contact', 'GET', `/audit/debtor-contact/accounts/${accountId}`, { as: as.staff('compliance') }));
  const stream = trail?.streams.find((s: { streamId: string }) => s.streamId === `cadence-${accountId}`);
  return stream?.events ?? [];
}

const stepsTaken = (events: Array<{ type: string; data: Record<string, any> }>) => events.filter((e) => e.type === 'CadenceStepTaken').map((e) => e.data.action as string);

async function lettersOf(d: Deployment, accountId: string): Promise<string[]> {
  const letters = ok(await call(d, 'debtor-contact', 'GET', `/accounts/${accountId}/letters`, { as: as.staff('collector') })) ?? [];
  return letters.map((letter: { templateId: string }) => letter.templateId);
}

async function queueOrder(d: Deployment, ...accountIds: string[]): Promise<Array<{ accountId: string; band: string; position: number }>> {
  const queue = ok(await call(d, 'debtor-contact', 'GET', '/work-queue?limit=200', { as: as.staff('collector') }));
  return (queue?.entries ?? []).filter((entry: { accountId: string }) => accountIds.includes(entry.accountId)).map(({ accountId, band, position }: any) => ({ accountId, band, position }));
}

type LedgerEntry = { decision: string; action: string };
const calls = (decisions: LedgerEntry[]) => decisions.filter((entry) => entry.decision === 'allow' && entry.action === 'ContactAttemptRecorded');

export async function journeyCollectorDay(d: Deployment, reference: string) {
  // The journeys share one clock, which others move: start at the next 15:00 UTC (morning in New York).
  const before = (await call(d, 'debtor-contact', 'GET', '/test-clock', { as: as.staff('admin') })).body.now as string;
  const hoursTo15 = (15 - new Date(before).getUTCHours() + 24) % 24;
  if (hoursTo15 > 0) await d.advanceClock({ hours: hoursTo15 });
  const t0 = (await call(d, 'debtor-contact', 'GET', '/test-clock', { as: as.staff('admin') })).body.now as string;

  const client = await onboardClient(d, `Collector Day ${reference}`);
  const cadenced = await place(d, client, `${reference}-CADENCE`, { commercial: true, debtor: { ...PERSON, legalName: 'Sam Owner' }, amount: 900_000 });
  const promised = await place(d, client, `${reference}-PROMISE`, { commercial: true, debtor: PERSON, amount: 200_000 });
  const planned = await place(d, client, `${reference}-PLAN`, { commercial: true, debtor: PERSON, amount: 400_000 });
  const consumerEmail = `jane.${reference.toLowerCase()}@example.com`;
  const consumer = await place(d, client, `${reference}-REGF`, { commercial: false, debtor: { ...PERSON, legalName: 'Jane Consumer', email: consumerEmail }, amount: 150_000 });
  const talkedTo = await place(d, client, `${reference}-TALKED`, { commercial: false, debtor: { ...PERSON, legalName: 'Lee Consumer' }, amount: 120_000 });
  const collector = as.staff('collector');
  const post = (path: string, body: unknown, role: Parameters<typeof as.staff>[0] = 'collector') => call(d, 'debtor-contact', 'POST', path, { as: as.staff(role), body });

  // The default commercial strategy started with the case: its first notice is day 0.
  const started = await eventually('the cadence started', async () => {
    const events = await cadenceOf(d, cadenced);
    return stepsTaken(events).includes('first-notice') ? events : undefined;
  });
  expect(started[0].data).toMatchObject({ strategyId: 'default-commercial', startedAt: t0 });

  // The consumer's first notice is the validation notice with its itemization: by email through the local SMTP server, and as a letter PDF.
  const itemization = ['As of 2025-11-15, you owed: USD 1500.00', 'You were charged this amount in interest: + USD 0.00', 'Total amount of the debt now: USD 1500.00'];
  const mail = await eventually('the validation notice received by the SMTP server', async () => d.receivedMail?.().find((m) => m.to.includes(consumerEmail)));
  expect(mail.from).toBe(DEPLOYMENT_EMAIL_FROM);
  expect(mail.headers.subject).toMatch(/^Validation notice about account /);
  for (const line of itemization) expect(mail.text).toContain(line);
  const letter = await eventually('the validation notice letter sent', async () => {
    const letters = ok(await call(d, 'debtor-contact', 'GET', `/accounts/${consumer}/letters`, { as: as.client(client.apiKey) })) ?? [];
    return letters.find((l: { templateId: string; status: string }) => l.templateId === 'validation-notice' && l.status === 'sent');
  });
  const pdf = await fetch(`${d.url('debtor-contact')}${letter.href}`, { headers: { 'x-api-key': client.apiKey } });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await pdf.arrayBuffer());
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(letter.contentSha256);
  expect(textLinesOfLetter(bytes)).toEqual(expect.arrayContaining(['Validation notice', 'Jane Consumer', itemization[0], itemization[2]]));
  const asStaff = await fetch(`${d.url('debtor-contact')}${letter.href}`, { headers: { authorization: staffToken('compliance') } });
  expect(Buffer.from(await asStaff.arrayBuffer()).equals(bytes)).toBe(true);

  // The Regulation F limit: seven call attempts in a day on the consumer debt, the 8th refused with its rule.
  for (let attempt = 1; attempt <= 7; attempt++) {
    const allowed = await post(`/cases/${consumer}/contacts`, { channel: 'call', direction: 'outbound', outcome: 'no-answer' });
    expect(allowed.status).toBe(201);
    expect(allowed.body.compliance).toContainEqual({ rule: 'reg-f-call-frequency', version: 1, decision: 'allow' });
  }
  const eighth = await post(`/cases/${consumer}/contacts`, { channel: 'call', direction: 'outbound', outcome: 'no-answer' });
  expect(eighth.status).toBe(422);
  expect(eighth.body).toMatchObject({ rule: 'reg-f-call-frequency', type: 'urn:collections:problem:reg-f-call-frequency' });
  const ledger = await eventually('the refusal in the compliance decision ledger', async () => {
    const page = ok(await call(d, 'reporting', 'GET', `/reports/compliance-decisions?accountId=${consumer}&rule=reg-f-call-frequency`, { as: as.staff('compliance') }));
    const decisions = page?.decisions ?? [];
    const complete = decisions.some((decision: { decision: string }) => decision.decision === 'deny') && calls(decisions).length >= 7;
    return complete ? decisions : undefined;
  });
  // The seven calls allowed (the first notice's letter, sent under the same pack, is there too).
  expect(calls(ledger)).toHaveLength(7);
  expect(ledger.find((decision: { decision: string }) => decision.decision === 'deny')).toMatchObject({ rule: 'reg-f-call-frequency', ruleVersion: 1, service: 'debtor-contact', action: 'ContactAttemptRefused' });

  // Regulation F: no call for 7 days after a conversation with the debtor (the first call reached them).
  expect((await post(`/cases/${talkedTo}/contacts`, { channel: 'call', direction: 'outbound', outcome: 'right-party-contact' })).status).toBe(201);
  const tooSoon = await post(`/cases/${talkedTo}/contacts`, { channel: 'call', direction: 'outbound', outcome: 'no-answer' });
  expect(tooSoon.status).toBe(422);
  expect(tooSoon.body).toMatchObject({ rule: 'reg-f-call-after-conversation' });

  // Regulation F's validation period: a written dispute of one invoice, within it, pauses every outbound contact until resolved.
  const dispute = await post(`/accounts/${consumer}/disputes`, { reason: 'letter: I never received these goods', invoices: [{ invoiceNumber: 'INV-2001', amount: 50_000 }], written: true });
  expect(dispute.status).toBe(201);
  const paused = await post(`/cases/${consumer}/contacts`, { channel: 'letter', direction: 'outbound', outcome: 'no-answer' });
  expect(paused.status).toBe(409);
  expect(paused.body).toMatchObject({ rule: 'reg-f-validation-period' });
  const verified = await post(`/cases/${consumer}/disputes/${dispute.body.disputeId}/resolution`, { outcome: 'rejected', evidence: 'signed delivery note' }, 'supervisor');
  expect(verified.status).toBe(201);
  const resumedLetter = await post(`/cases/${consumer}/contacts`, { channel: 'letter', direction: 'outbound', outcome: 'no-answer' });
  expect(resumedLetter.status).toBe(201);
  expect(resumedLetter.body.compliance).toContainEqual({ rule: 'reg-f-validation-period', version: 1, decision: 'allow' });

  // Allows are in the ledger in every service, not only refusals: a payment posted passed each of payments' rules.
  const payment = await call(d, 'payments', 'POST', '/payments', { as: collector, body: { accountId: cadenced, amount: 10_000, currency: 'USD', method: 'ach' }, idempotencyKey: `pay-${reference}` });
  expect(payment.status).toBe(201);
  const paymentAllows = await eventually("the payment's allowance in the compliance decision ledger", async () => {
    const page = ok(await call(d, 'reporting', 'GET', `/reports/compliance-decisions?accountId=${cadenced}&decision=allow`, { as: as.staff('compliance') }));
    const fromPayments = (page?.decisions ?? []).filter((decision: { service: string }) => decision.service === 'payments');
    return fromPayments.length > 0 ? fromPayments : undefined;
  });
  expect(paymentAllows.map((decision: { rule: string; action: string }) => [decision.rule, decision.action])).toEqual(
    ['payment-amount-positive', 'currency-mismatch', 'payment-id-unique', 'account-paid', 'unknown-invoice'].map((rule) => [rule, 'CommandAllowed']),
  );
  const validationDeny = await eventually('the validation-period refusal in the ledger', async () => {
    const page = ok(await call(d, 'reporting', 'GET', `/reports/compliance-decisions?accountId=${consumer}&rule=reg-f-validation-period&decision=deny`, { as: as.staff('compliance') }));
    return page?.decisions.length ? page.decisions : undefined;
  });
  expect(validationDeny).toEqual([expect.objectContaining({ ruleVersion: 1, channel: 'letter', action: 'ContactAttemptRefused' })]);

  // A promise for tomorrow on the smaller account, and a weekly plan from tomorrow on another.
  const promise = await post(`/cases/${promised}/contacts`, { channel: 'email', direction: 'inbound', outcome: 'right-party-contact', promise: { amount: 200_000, currency: 'USD', dueDate: dateAfter(t0, 1) } });
  expect(promise.status).toBe(201);
  const plan = await post(`/cases/${planned}/plans`, { currency: 'USD', frequency: 'weekly', firstDueDate: dateAfter(t0, 1), installments: [{ amount: 200_000 }, { amount: 200_000 }] });
  expect(plan.status).toBe(201);
  expect(plan.body).toMatchObject({ missedInstallmentsToDefault: 2 });

  // Before the promise breaks, the larger balance comes first.
  const ordered = await eventually('both accounts in the queue', async () => {
    const order = await queueOrder(d, cadenced, promised);
    return order.length === 2 ? order : undefined;
  });
  expect(ordered.map((entry) => entry.accountId)).toEqual([cadenced, promised]);

  // Day 3: the strategy's call.
  await d.advanceClock({ days: 3 });
  await eventually('the day-3 call step', async () => (stepsTaken(await cadenceOf(d, cadenced)).includes('call') ? true : undefined));

  // Day 5: the promise's grace days are over unpaid: it breaks, and the account moves above the larger one.
  await d.advanceClock({ days: 2 });
  const reordered = await eventually('the broken promise first', async () => {
    const order = await queueOrder(d, cadenced, promised);
    return order[0]?.accountId === promised && order[0].band === 'broken-promise' ? order : undefined;
  });
  expect(reordered.map((entry) => entry.accountId)).toEqual([promised, cadenced]);

  // Day 5: the client asks for a hold on the cadenced account.
  const hold = await post(`/cases/${cadenced}/holds`, { kind: 'client-hold', reason: 'the client is talking to the debtor' });
  expect(hold.status).toBe(201);
  await eventually('the cadence paused', async () => ((await cadenceOf(d, cadenced)).some((e) => e.type === 'CadencePaused') ? true : undefined));

  // Day 15: nothing went out while it lasted (the second demand was due on day 10).
  await d.advanceClock({ days: 10 });
  expect(stepsTaken(await cadenceOf(d, cadenced))).toEqual(['first-notice', 'call']);
  expect(await lettersOf(d, cadenced)).toEqual(['first-demand']);

  // The plan: both installments' deadlines passed unpaid, so it defaulted at the second miss.
  const defaulted = await eventually('the plan defaulted', async () => {
    const shown = ok(await call(d, 'debtor-contact', 'GET', `/cases/${planned}`, { as: collector }));
    return shown?.plans[0]?.status === 'defaulted' ? shown.plans[0] : undefined;
  });
  expect(defaulted).toMatchObject({ missedInstallments: 2, paid: 0, total: 400_000 });

  // Day 15: more than 7 days after the conversation, the debtor may be called again.
  const callAgain = await post(`/cases/${talkedTo}/contacts`, { channel: 'call', direction: 'outbound', outcome: 'no-answer' });
  expect(callAgain.status).toBe(201);
  expect(callAgain.body.compliance).toContainEqual({ rule: 'reg-f-call-after-conversation', version: 1, decision: 'allow' });

  // The client recalls that account: its case closes and its cadence (the default consumer one, at its day-7 call) stops.
  const recalled = await call(d, 'client-intake', 'POST', `/accounts/${talkedTo}/recall`, { as: as.client(client.apiKey), body: {}, idempotencyKey: `recall-${reference}` });
  expect(recalled.status).toBe(200);
  expect(recalled.body.closingCode).toBe('recalled');
  const stopped = await eventually('the recalled account cadence stopped', async () => (await cadenceOf(d, talkedTo)).find((e) => e.type === 'CadenceStopped'));
  expect(stopped.data).toMatchObject({ closingCode: 'recalled', nextStep: 2 });

  // Lifted on day 15: the second demand, 5 days away when the hold came, is due 5 days after the lift.
  const lifted = await post(`/cases/${cadenced}/holds/${hold.body.holdId}/lift`, { reason: 'the client released it' }, 'supervisor');
  expect(lifted.status).toBe(200);
  const resumed = await eventually('the cadence resumed', async () => (await cadenceOf(d, cadenced)).find((e) => e.type === 'CadenceResumed'));
  expect(resumed.data).toMatchObject({ heldMs: 10 * DAY_MS, nextStep: 2, nextDueAt: instantAfter(t0, 20) });
  await d.advanceClock({ days: 4, hours: 23 });
  expect(await lettersOf(d, cadenced)).toEqual(['first-demand']);
  await d.advanceClock({ hours: 1 });
  await eventually('the second demand', async () => ((await lettersOf(d, cadenced)).includes('second-demand') ? true : undefined));

  // Every later step 10 days late: call on day 30, final demand on 40, the legal review on 55 (45 + 10).
  await d.advanceClock({ days: 34 });
  await eventually('the final demand', async () => (stepsTaken(await cadenceOf(d, cadenced)).includes('final-demand') ? true : undefined));
  expect(stepsTaken(await cadenceOf(d, cadenced))).not.toContain('legal-review');
  await d.advanceClock({ days: 1 });
  const finished = await eventually('the legal review reached', async () => {
    const events = await cadenceOf(d, cadenced);
    return events.some((e) => e.type === 'CadenceFinished') ? events : undefined;
  });
  const steps = finished.filter((e) => e.type === 'CadenceStepTaken').map((e) => [e.data.action, e.data.dueAt]);
  expect(steps).toEqual([
    ['first-notice', t0],
    ['call', instantAfter(t0, 3)],
    ['second-demand', instantAfter(t0, 20)],
    ['call', instantAfter(t0, 30)],
    ['final-demand', instantAfter(t0, 40)],
    ['legal-review', instantAfter(t0, 55)],
  ]);
  expect(await lettersOf(d, cadenced)).toEqual(['first-demand', 'second-demand', 'final-demand']);
  // The recalled account's cadence took nothing after it stopped (its day-21 call, day-40 demand, ...).
  expect(stepsTaken(await cadenceOf(d, talkedTo))).toEqual(['first-notice', 'call']);
  expect(await lettersOf(d, talkedTo)).toEqual(['validation-notice']);
  // The collector works the day-30 call; what is left is the legal review.
  const worked = await post(`/cases/${cadenced}/contacts`, { channel: 'call', direction: 'outbound', outcome: 'no-answer' });
  expect(worked.status).toBe(201);
  const flagged = await eventually('the legal review in the work queue', async () => {
    const [entry] = await queueOrder(d, cadenced);
    return entry?.band === 'legal-review-due' ? entry : undefined;
  });
  expect(flagged.accountId).toBe(cadenced);
}
