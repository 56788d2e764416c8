/**
 * The OpenAPI document tells the truth: every operation it lists is called with a valid
 * request and with invalid ones (no credentials, a role it does not state, a malformed id,
 * an unknown field, another media type, an oversized body), and every answer must have a
 * status the document declares for that operation and a body that matches the declared
 * schema. Every error answer is an RFC 9457 problem. An operation the document lists but
 * this scenario does not call fails the test, so a new endpoint cannot go unchecked.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@lib/config';
import { composeProcess } from '@lib/platform';
import { ALL_SERVICES } from '../../apps/all-in-one/src/all-in-one.services';
import { DEPLOYMENT_STAFF_TOKEN_SECRET, staffToken } from './journeys/deployment';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

type Caller = 'nobody' | 'client' | 'other-client' | 'attorney' | 'admin' | 'collector' | 'supervisor' | 'accountant' | 'legal' | 'compliance';
interface Answer {
  status: number;
  contentType: string;
  body: unknown;
}
interface OpenApiOperation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: Record<string, unknown>;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * OpenAPI 3.0 says "may be null" with `nullable: true`, also beside an `allOf` of one
 * `$ref` (how a nullable nested object is written); JSON Schema, which the validator
 * speaks, says it with a `null` alternative. The document is read, not changed.
 */
function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, asJsonSchema(value)])) as Record<string, unknown>;
  if (nullable !== true) return rest;
  const composed = ['$ref', 'allOf', 'oneOf', 'anyOf'].some((keyword) => keyword in rest);
  if (!composed && typeof rest.type === 'string') return { ...rest, type: [rest.type, 'null'], ...(Array.isArray(rest.enum) ? { enum: [...rest.enum, null] } : {}) };
  return { anyOf: [rest, { type: 'null' }] };
}

describe('OpenAPI conformance: every operation, valid and invalid requests, answers as documented', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let baseUrl: string;
  let document: OpenApiDocument;
  let hooks: WebhookReceiver;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const keys: Partial<Record<Caller, string>> = {};
  /** Every answer the test received, by the documented operation it was sent to. */
  const received: Array<{ operation: string; answer: Answer; request: string }> = [];

  beforeAll(async () => {
    // Webhook endpoints point at a real receiver on 127.0.0.1, which a deployment must allow explicitly.
    hooks = await startWebhookReceiver();
    process.env.WEBHOOK_ALLOW_HTTP = 'true';
    process.env.WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
    const config = loadConfig('all-in-one', { PGLITE_DATA_DIR: 'memory', CLOCK: 'test', STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET }, { port: 0 });
    const composed = await composeProcess(config, ALL_SERVICES, { title: 'conformance', quiet: true });
    app = composed.app;
    close = () => composed.close();
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as OpenApiDocument;
    ajv.addSchema({ ...(asJsonSchema(document) as object), $id: 'openapi' });
  }, 180_000);

  afterAll(async () => {
    await close?.();
    await hooks?.close();
  });

  /** The documented operation (`POST /payments/{paymentId}/reversal`) a concrete path belongs to. */
  function operationOf(method: string, path: string): string | undefined {
    const bare = path.split('?')[0];
    for (const template of Object.keys(document.paths)) {
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (pattern.test(bare) && document.paths[template][method.toLowerCase()]) return `${method.toUpperCase()} ${template}`;
    }
    return undefined;
  }

  async function send(method: string, path: string, caller: Caller, options: { body?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (caller === 'client' || caller === 'other-client' || caller === 'attorney') headers['x-api-key'] = keys[caller]!;
    else if (caller !== 'nobody') headers.authorization = staffToken(caller);
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body, null, 2);
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: kept as text, and the schema check says so
    }
    const answer = { status: response.status, contentType: response.headers.get('content-type') ?? '', body: parsed };
    const operation = operationOf(method, path);
    if (operation) received.push({ operation, answer, request: `${method} ${path} as ${caller}` });
    return answer;
  }

  const valid = async (method: string, path: string, caller: Caller, body?: unknown, headers?: Record<string, string>) => {
    const answer = await send(method, path, caller, { body, headers });
    if (answer.status >= 300) throw new Error(`${method} ${path} as ${caller}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Record<string, unknown>;
  };

  // The richer body of AccountPlaced.v2; a tax id per reference, so the same invoice numbers are no duplicate.
  const placement = (reference: string) => ({
    clientReference: reference,
    commercial: true,
    category: 'standard',
    interest: 1_250,
    fees: 500,
    costs: 0,
    debtor: {
      kind: 'company',
      legalName: 'Conformance Widgets LLC',
      country: 'US',
      region: 'NY',
      taxId: `TX-${reference}`,
      addresses: [{ lines: ['350 Fifth Avenue'], city: 'New York', region: 'NY', postalCode: '10118', country: 'US' }],
      phones: [{ number: '+12125550100', consent: true, doNotContact: false }],
      emails: [{ address: 'ap@conformance.example', consent: false, doNotContact: true }],
    },
    invoices: [
      { number: 'INV-1', issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: 300000, currency: 'USD' },
      { number: 'INV-2', issueDate: '2025-11-15', dueDate: '2025-12-15', originalAmount: 450050, currency: 'USD' },
    ],
  });

  async function eventually<T>(read: () => Promise<T>, ready: (value: T) => boolean): Promise<T> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const value = await read();
      if (ready(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('not ready in time');
  }

  it('answers every documented operation, valid and invalid, as the document says', async () => {
    // The valid scenario: every operation once with a request it accepts.
    const client = await valid('POST', '/clients', 'admin', { name: 'Conformance Creditor' });
    const clientId = String(client.clientId);
    keys.client = String((await valid('POST', `/clients/${clientId}/api-keys`, 'admin')).apiKey);
    const other = await valid('POST', '/clients', 'admin', { name: 'Another Creditor' });
    keys['other-client'] = String((await valid('POST', `/clients/${String(other.clientId)}/api-keys`, 'admin')).apiKey);
    const spare = await valid('POST', `/clients/${clientId}/api-keys`, 'admin');
    await valid('POST', `/clients/${clientId}/api-keys/${String(spare.keyId)}/revocation`, 'admin', { reason: 'conformance test' });
    await valid('GET', '/clients/me', 'client');
    await valid('POST', `/clients/${clientId}/agreements`, 'admin', {
      currency: 'USD',
      ratePlan: { planId: 'conformance', baseRateBp: 2500, tiers: [{ tierId: 'aged', minAgeDays: 365, rateBp: 3300 }], collectedThresholds: [{ upTo: '300.00', rateBp: 5000 }], minimumFee: null, maximumFee: '10000.00', legalRateBp: 4000, halfFeeCases: ['returned-merchandise'] },
      remittance: 'net',
      remittancePeriod: 'monthly',
      clearedFundsHoldDays: { ach: 5, card: 3, check: 10, wire: 0, cash: 0 },
      settlementAuthorityBp: 8000,
      legalReferral: { authority: 'client-approval', minimumBalance: '5000.00' },
      costAdvance: { clientAdvancesCosts: true, approvalAbove: '500.00' },
      cancellationFee: { flat: '25.00', rateOfBalanceBp: 500 },
      preCollection: { windowDays: 30, reminderDays: [0, 7, 14], flatFee: '15.00' },
    });
    await valid('GET', `/clients/${clientId}/agreements`, 'client');
    await valid('POST', '/placements', 'client', { ...placement('CONF-PRE'), service: 'pre-collection' });

    const accountId = String((await valid('POST', '/placements', 'client', placement('CONF-1'), { 'idempotency-key': 'conf-1' })).accountId);
    await valid('GET', `/accounts/${accountId}`, 'client');
    const batchFile = ['clientReference,commercial,debtorKind,debtorLegalName,debtorCountry,invoiceNumber,issueDate,dueDate,originalAmount,currency', 'CONF-B1,true,company,Batch LLC,US,B-1,2025-10-16,2025-11-15,1000,USD', 'CONF-B2,true,company,Batch LLC,US,B-2,2025-10-16,2025-11-15,abc,USD'].join('\n');
    const batch = await send('POST', '/placements/batches', 'client', { raw: batchFile, contentType: 'text/csv', headers: { 'idempotency-key': 'conf-batch' } });
    if (batch.status !== 202) throw new Error(`POST /placements/batches: ${batch.status} ${JSON.stringify(batch.body)}`);
    const batchId = String((batch.body as { batchId: string }).batchId);
    await eventually(() => send('GET', `/placements/batches/${batchId}`, 'client'), (answer) => (answer.body as { status?: string }).status === 'completed');
    await valid('GET', `/placements/batches/${batchId}/results`, 'client');
    await send('POST', '/placements/batches', 'client', { raw: 'no,such,columns\n', contentType: 'text/csv' });
    await eventually(() => send('GET', `/cases/${accountId}`, 'collector'), (answer) => answer.status === 200);
    await valid('POST', `/cases/${accountId}/contacts`, 'collector', { channel: 'call', direction: 'outbound', outcome: 'right-party-contact', to: '+12125550100' });
    await valid('POST', `/cases/${accountId}/plans`, 'collector', { currency: 'USD', frequency: 'monthly', firstDueDate: '2026-02-15', installments: [{ amount: 375_000 }, { amount: 375_050 }] });
    // Contact strategies, the work queue, assignment and approvals.
    await valid('POST', `/clients/${clientId}/strategies`, 'supervisor', {
      strategies: [{ strategyId: 'calls-first', name: 'Calls first', steps: [{ day: 0, action: 'first-notice' }, { day: 2, action: 'call' }, { day: 14, action: 'final-demand' }] }],
      rules: [{ strategyId: 'calls-first', commercial: true, category: 'standard', minBalance: 1_000_000, maxAgeDays: 120, paymentHistory: 'none' }],
    });
    await send('POST', `/clients/${clientId}/strategies`, 'admin', { body: { strategies: [], rules: [{ strategyId: 'no-such-strategy' }] } });
    await valid('POST', `/accounts/${accountId}/assignment`, 'supervisor', { collectorId: 'collector-1' });
    await send('POST', `/accounts/${UNKNOWN_ID}/assignment`, 'supervisor', { body: { collectorId: 'collector-1' } });
    await valid('GET', '/work-queue?limit=5', 'collector');
    await send('GET', '/work-queue?limit=500', 'collector');
    await valid('GET', '/approvals', 'supervisor');
    // Settlements beyond authority: one declined by a supervisor, one by the client, one approved by both.
    const offerSettlement = async () => String((await valid('POST', `/cases/${accountId}/settlements`, 'collector', { shareBp: 5_000, currency: 'USD' })).settlementId);
    await send('POST', `/cases/${accountId}/settlements`, 'collector', { body: { amount: 1, shareBp: 1, currency: 'USD' } });
    await valid('POST', `/approvals/${await offerSettlement()}/decline`, 'supervisor', { reason: 'too low' });
    const putToClient = async (settlementId: string) => {
      await valid('POST', `/approvals/${settlementId}/approve`, 'supervisor', {});
      await eventually(() => send('GET', `/accounts/${accountId}/settlements`, 'client'), (answer) => (answer.body as Array<{ settlementId: string }>).some((entry) => entry.settlementId === settlementId));
    };
    const declinedByClient = await offerSettlement();
    await putToClient(declinedByClient);
    await valid('POST', `/accounts/${accountId}/settlements/${declinedByClient}/decline`, 'client', { reason: 'too low' });
    await eventually(() => send('GET', `/cases/${accountId}/settlements`, 'collector'), (answer) => (answer.body as { settlements: Array<{ status: string }> }).settlements[1]?.status === 'declined');
    const approvedByClient = await offerSettlement();
    await putToClient(approvedByClient);
    await valid('POST', `/accounts/${accountId}/settlements/${approvedByClient}/approve`, 'client', {});
    await valid('GET', `/accounts/${accountId}/settlements`, 'client');
    await valid('GET', `/cases/${accountId}/settlements`, 'supervisor');
    await send('POST', `/approvals/no-such-approval/approve`, 'supervisor', { body: {} });
    // A write-off of part of the balance, asked for and declined on the approval queue (the balance stays as it is).
    const writeOffId = String((await valid('POST', `/cases/${accountId}/write-offs`, 'collector', { amount: 100, currency: 'USD', reason: 'small-balance', note: 'under the cost of a call' })).writeOffId);
    await send('POST', `/cases/${accountId}/write-offs`, 'collector', { body: { currency: 'USD', reason: 'no-such-reason' } });
    await valid('POST', `/approvals/${writeOffId}/decline`, 'supervisor', { reason: 'keep collecting' });
    await valid('POST', `/accounts/${accountId}/portal-links`, 'collector');
    // A debtor disputes in the portal (its pages are not in the document) with a document staff then download.
    const portalId = String((await valid('POST', '/placements', 'client', placement('CONF-PORTAL'))).accountId);
    await eventually(() => send('GET', `/ledgers/${portalId}`, 'collector'), (answer) => answer.status === 200);
    await eventually(() => send('GET', `/cases/${portalId}`, 'collector'), (answer) => answer.status === 200);
    const portalLink = new URL(String((await valid('POST', `/accounts/${portalId}/portal-links`, 'collector')).url)).pathname;
    const portalSession = (await fetch(`${baseUrl}${portalLink}`, { method: 'POST', body: new URLSearchParams({ method: 'invoice', answer: 'INV-1' }), redirect: 'manual' })).headers.get('location');
    // A plan the debtor proposes beyond the self-service limits waits for a collector, who declines it.
    await fetch(`${baseUrl}${portalSession}/plans`, { method: 'POST', body: new URLSearchParams({ installments: '24', frequency: 'monthly', firstDueDate: '2030-01-15' }), redirect: 'manual' });
    const proposals = (await valid('GET', '/portal-plan-proposals', 'collector')) as unknown as Array<{ accountId: string; proposalId: string }>;
    const proposalId = proposals.find((proposal) => proposal.accountId === portalId)?.proposalId;
    await valid('POST', `/accounts/${portalId}/portal-plan-proposals/${proposalId}/decision`, 'collector', { decision: 'decline', reason: 'asked the debtor to call' });
    const disputeForm = new FormData();
    disputeForm.append('reason', 'already-paid');
    disputeForm.append('document', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'receipt.pdf');
    await fetch(`${baseUrl}${portalSession}/disputes`, { method: 'POST', body: disputeForm, redirect: 'manual' });
    const portalTrail = (await valid('GET', `/audit/portal/accounts/${portalId}`, 'compliance')) as { streams?: Array<{ events: Array<{ type: string; data: { disputeId?: string } }> }> };
    const portalDispute = portalTrail.streams?.flatMap((stream) => stream.events).find((event) => event.type === 'PortalDisputeOpened')?.data.disputeId;
    await valid('GET', `/accounts/${portalId}/portal-disputes/${portalDispute}/document`, 'collector');
    const letters = await eventually(() => send('GET', `/accounts/${accountId}/letters`, 'client'), (answer) => (answer.body as Array<{ status: string }>)[0]?.status === 'sent');
    await valid('GET', `/accounts/${accountId}/letters/${(letters.body as Array<{ letterId: string }>)[0].letterId}.pdf`, 'collector');
    // Holds, disputes and skip tracing (debtor contact), on an account of their own: it ends closed as bankrupt.
    const heldId = String((await valid('POST', '/placements', 'client', placement('CONF-HOLDS'))).accountId);
    const heldOn = String((await valid('GET', `/accounts/${heldId}`, 'client')).placedAt).slice(0, 10);
    await eventually(() => send('GET', `/cases/${heldId}`, 'collector'), (answer) => answer.status === 200);
    const dispute = await valid('POST', `/accounts/${heldId}/disputes`, 'client', { reason: 'invoice credited', invoices: [{ invoiceNumber: 'INV-1', amount: 1000 }] });
    await valid('POST', `/cases/${heldId}/disputes/${String(dispute.disputeId)}/resolution`, 'supervisor', { outcome: 'rejected', evidence: 'credit note applied elsewhere' });
    await valid('POST', `/cases/${heldId}/skip`, 'collector', { evidence: 'returned-mail', detail: 'first demand returned' });
    await valid('GET', '/skip-queue', 'collector');
    await valid('POST', `/cases/${heldId}/contact-data`, 'collector', { source: 'credit bureau', emails: ['ap@found.example'] });
    const clientHold = await valid('POST', `/cases/${heldId}/holds`, 'supervisor', { kind: 'client-hold', reason: 'client reviewing' });
    await valid('POST', `/cases/${heldId}/holds/${String(clientHold.holdId)}/lift`, 'supervisor', { reason: 'released' });
    await valid('POST', `/cases/${heldId}/holds`, 'legal', { kind: 'bankruptcy', reason: 'notice of filing', bankruptcy: { chapter: 7, caseNumber: '1:26-bk-10001', filedOn: heldOn } });
    await valid('GET', `/cases/${heldId}/holds`, 'compliance');
    await valid('POST', `/cases/${heldId}/bankruptcy/discharge`, 'legal', { dischargedOn: heldOn });
    await send('POST', `/cases/${heldId}/contacts`, 'collector', { body: { channel: 'call', direction: 'outbound', outcome: 'no-answer' } });
    // The debtor's own requests, once its first letter left: writing only, and an attorney.
    await valid('GET', '/compliance/contact-rules', 'compliance');
    await valid('GET', `/cases/${accountId}/contact-rules`, 'collector');
    await valid('POST', `/cases/${accountId}/cease-requests`, 'compliance', { mode: 'written-only', receivedOn: '2026-01-05' });
    await valid('POST', `/cases/${accountId}/attorney-representation`, 'collector', { name: 'Sam Counsel', firm: 'Counsel & Co', phone: '+12125550150', email: 'sam@counsel.example' });
    await eventually(() => send('GET', `/ledgers/${accountId}`, 'accountant'), (answer) => answer.status === 200);
    const payment = await valid('POST', '/payments', 'collector', { accountId, amount: 1000, currency: 'USD', method: 'ach' });
    await valid('POST', `/payments/${String(payment.paymentId)}/reversal`, 'accountant', { accountId, reason: 'nsf' });
    // Trust: an over-payment refunded, then the trust account reconciled (JSON and CSV).
    const overPaidId = String((await valid('POST', '/placements', 'client', placement('CONF-TRUST'))).accountId);
    await eventually(() => send('GET', `/ledgers/${overPaidId}`, 'accountant'), (answer) => answer.status === 200);
    await valid('POST', '/payments', 'accountant', { accountId: overPaidId, amount: 750_550, currency: 'USD', method: 'wire' });
    await valid('POST', `/ledgers/${overPaidId}/credit-refunds`, 'accountant', { amount: 500, currency: 'USD' });
    await send('POST', `/ledgers/${overPaidId}/credit-refunds`, 'accountant', { body: { amount: 1, currency: 'USD' } });
    await valid('GET', `/trust/reconciliation?clientId=${clientId}&asOf=2030-01-01T00:00:00.000Z`, 'accountant');
    await valid('GET', `/trust/reconciliation.csv?clientId=${clientId}`, 'accountant');
    await send('GET', '/trust/reconciliation?asOf=yesterday', 'accountant');
    // Cost advances: requested, received, spent, recovered, refunded, listed; a refund above what is held refused.
    const advance = await valid('POST', `/ledgers/${overPaidId}/cost-advances`, 'legal', { kind: 'court-costs', amount: 40_000, currency: 'USD', description: 'Filing fee, Kings County' });
    const advancePath = `/ledgers/${overPaidId}/cost-advances/${String(advance.advanceId)}`;
    await valid('POST', `${advancePath}/receipts`, 'accountant', { amount: 40_000, currency: 'USD' });
    await valid('POST', `${advancePath}/spending`, 'legal', { amount: 30_000, currency: 'USD', paidTo: 'Clerk of the Kings County Civil Court' });
    await valid('POST', `${advancePath}/recoveries`, 'accountant', { amount: 30_000, currency: 'USD', judgmentReference: 'KC-2026-1187' });
    await valid('POST', `${advancePath}/refunds`, 'accountant', { amount: 10_000, currency: 'USD' });
    await send('POST', `${advancePath}/refunds`, 'accountant', { body: { amount: 1, currency: 'USD' } });
    await valid('GET', `/ledgers/${overPaidId}/cost-advances`, 'accountant');
    // What-if commission: the client's payments recomputed under another plan (minor units, the shape payments keeps).
    const whatIfPlan = { planId: 'what-if', baseRateBp: 2000, tiers: [{ tierId: 'aged', minAgeDays: 365, rateBp: 3000 }], collectedThresholds: [{ upTo: 30000, rateBp: 5000 }], minimumFee: null, maximumFee: 1000000, legalRateBp: 4000, halfFeeCases: ['returned-merchandise'] };
    await valid('POST', `/clients/${clientId}/commission/what-if?from=2020-01-01T00:00:00.000Z&to=2040-01-01T00:00:00.000Z`, 'accountant', { ratePlan: whatIfPlan });
    await send('POST', `/clients/${clientId}/commission/what-if?from=2040-01-01T00:00:00.000Z&to=2020-01-01T00:00:00.000Z`, 'accountant', { body: { ratePlan: whatIfPlan } });
    await eventually(() => send('GET', `/referrals/${accountId}`, 'legal'), (answer) => answer.status === 200);
    await valid('POST', `/referrals/${accountId}/review`, 'legal', {});
    // The attorney panel: an attorney added, its terms changed, the panel read, a key issued to it.
    const panelTerms = { firm: 'Hudson & Rowe LLP', jurisdictions: ['US-NY'], currency: 'USD', suitFee: 25_000, contingencyBp: 2_500, capacity: 10 };
    const attorneyId = String((await valid('POST', '/attorneys', 'admin', panelTerms)).attorneyId);
    await valid('PUT', `/attorneys/${attorneyId}`, 'admin', { ...panelTerms, jurisdictions: ['US-NJ', 'US-NY'], capacity: 20 });
    await send('PUT', `/attorneys/${attorneyId}`, 'admin', { body: { ...panelTerms, jurisdictions: ['NY'] } });
    await valid('GET', '/attorneys', 'legal');
    keys.attorney = String((await valid('POST', `/attorneys/${attorneyId}/api-keys`, 'admin')).apiKey);
    // The legal path, on an account with no payment: 45 days on, recommended, approved (another declined), authorized, forwarded, milestones.
    const suedId = String((await valid('POST', '/placements', 'client', placement('CONF-LEGAL'))).accountId);
    const declinedId = String((await valid('POST', '/placements', 'client', placement('CONF-DECLINED'))).accountId);
    await eventually(() => send('GET', `/referrals/${suedId}`, 'legal'), (answer) => answer.status === 200);
    await eventually(() => send('GET', `/referrals/${declinedId}`, 'legal'), (answer) => answer.status === 200);
    await valid('POST', '/test-clock/advance', 'admin', { days: 45 });
    await eventually(() => send('GET', `/referrals/${suedId}`, 'legal'), (answer) => (answer.body as { stage?: string }).stage === 'pending-approval');
    await eventually(() => send('GET', `/referrals/${declinedId}`, 'legal'), (answer) => (answer.body as { stage?: string }).stage === 'pending-approval');
    await valid('POST', `/referrals/${suedId}/approval`, 'supervisor');
    await send('POST', `/referrals/${suedId}/approval`, 'supervisor');
    await valid('POST', `/referrals/${declinedId}/decline`, 'supervisor', { reason: 'the debtor is a key supplier of the client' });
    await send('POST', `/referrals/${declinedId}/decline`, 'supervisor', { body: { reason: '' } });
    await valid('POST', `/accounts/${suedId}/legal-authorization`, 'client', { agreesToSuitFee: true, agreesToAdvanceCosts: true });
    await eventually(() => send('GET', `/referrals/${suedId}`, 'legal'), (answer) => (answer.body as { stage?: string }).stage === 'authorized');
    // The statute of limitations: read, a written acknowledgement, a bankruptcy stay recorded open and then ended.
    await valid('GET', `/accounts/${suedId}/statute-of-limitations`, 'compliance');
    await valid('POST', `/accounts/${suedId}/statute-of-limitations/acknowledgements`, 'legal', { acknowledgedOn: '2026-01-15', description: 'Balance confirmation signed by the debtor' });
    const stay = await valid('POST', `/accounts/${suedId}/statute-of-limitations/tollings`, 'legal', { reason: 'bankruptcy-stay', startsOn: '2026-01-20', note: 'Chapter 11' });
    const tollingId = String((stay.tollings as Array<{ tollingId: string }>)[0].tollingId);
    await valid('POST', `/accounts/${suedId}/statute-of-limitations/tollings/${tollingId}/end`, 'supervisor', { endsOn: '2026-02-10' });
    await send('POST', `/accounts/${suedId}/statute-of-limitations/tollings`, 'legal', { body: { reason: 'bankruptcy-stay', startsOn: '2099-01-01' } });
    await send('POST', `/referrals/${suedId}/forwarding`, 'legal', { body: { attorneyId: 'att-ny-1', attorneyName: 'Hudson & Rowe LLP', jurisdiction: 'US-NY' } });
    await valid('POST', `/referrals/${suedId}/forwarding`, 'legal', { attorneyId });
    await valid('POST', `/referrals/${suedId}/milestones`, 'attorney', { milestone: 'acknowledged' });
    await valid('POST', `/referrals/${suedId}/milestones`, 'legal', { milestone: 'suit-filed', court: 'NY Supreme Court, New York County', caseNumber: '651234/2026' });
    await send('POST', `/referrals/${suedId}/milestones`, 'legal', { body: { milestone: 'judgment', amount: 1, interest: 0, costs: 0 } });
    await send('POST', `/referrals/${declinedId}/milestones`, 'attorney', { body: { milestone: 'served' } });
    await valid('GET', `/referrals/${suedId}`, 'attorney');
    await valid('GET', '/test-clock', 'admin');
    // Remittance: whatever the scheduled month-end run (the clock moved 45 days) left, remitted by hand up to now, then read back.
    const clockNow = String((await valid('GET', '/test-clock', 'admin')).now);
    const remittedBefore = (await valid('GET', `/clients/${clientId}/remittances`, 'accountant')) as unknown as Array<{ periodEnd: string }>;
    await valid('POST', `/clients/${clientId}/remittances`, 'accountant', { periodStart: remittedBefore.at(-1)?.periodEnd ?? '2020-01-01T00:00:00.000Z', periodEnd: clockNow });
    await send('POST', `/clients/${clientId}/remittances`, 'accountant', { body: { periodStart: clockNow, periodEnd: '2020-01-01T00:00:00.000Z' } });
    const [statement] = (await valid('GET', `/clients/${clientId}/remittances`, 'client')) as unknown as Array<{ remittanceId: string }>;
    await valid('GET', `/remittances/${statement.remittanceId}`, 'client');
    await valid('GET', `/remittances/${statement.remittanceId}.csv`, 'accountant');
    await valid('GET', `/remittances/${statement.remittanceId}.pdf`, 'client');
    // Webhooks: an endpoint that fails until the clock passes its five-day retry window (disabled), then is enabled again.
    let hooksFailing = true;
    hooks.on('/conformance', () => (hooksFailing ? 500 : 200));
    const webhooks = `/clients/${clientId}/webhook-endpoints`;
    const endpointId = String((await valid('POST', webhooks, 'client', { url: hooks.url('/conformance'), eventTypes: ['account.placed'] })).endpointId);
    await valid('PATCH', `${webhooks}/${endpointId}`, 'client', { eventTypes: ['account.placed', 'payment.collected'] });
    await valid('POST', `${webhooks}/${endpointId}/secret-rotations`, 'client');
    await valid('POST', '/placements', 'client', placement('CONF-HOOK'));
    const attempted = await eventually(() => send('GET', `${webhooks}/${endpointId}/deliveries`, 'client'), (answer) => (answer.body as Array<{ attempts: unknown[] }>)[0]?.attempts.length === 1);
    const deliveryId = String((attempted.body as Array<{ deliveryId: string }>)[0].deliveryId);
    await valid('POST', '/test-clock/advance', 'admin', { days: 6 });
    await eventually(() => send('GET', webhooks, 'admin'), (answer) => (answer.body as Array<{ status: string }>)[0]?.status === 'disabled');
    hooksFailing = false;
    await valid('POST', `${webhooks}/${endpointId}/enablement`, 'client');
    await valid('POST', `${webhooks}/${endpointId}/deliveries/${deliveryId}/redelivery`, 'client');
    await valid('DELETE', `${webhooks}/${endpointId}`, 'client');
    // After placement: a direct payment, a recall, the agency's cancel, a staff close with a code.
    const recalledId = String((await valid('POST', '/placements', 'client', placement('CONF-RECALL'))).accountId);
    const placedOn = String((await valid('GET', `/accounts/${recalledId}`, 'client')).placedAt).slice(0, 10);
    await valid('POST', `/accounts/${recalledId}/direct-payments`, 'client', { amount: 1000, currency: 'USD', method: 'check', paidOn: placedOn });
    // Changes to a placed account: an invoice added, the balance adjusted, the debtor updated.
    await valid('POST', `/accounts/${recalledId}/invoices`, 'client', { number: 'INV-3', issueDate: '2025-12-01', dueDate: '2025-12-31', originalAmount: 20000, currency: 'USD' });
    await valid('POST', `/accounts/${recalledId}/balance-adjustments`, 'supervisor', { amount: -500, currency: 'USD', reason: 'credit note CN-1' });
    await valid('PATCH', `/accounts/${recalledId}/debtor`, 'collector', { phones: [{ number: '+12125550111', consent: true, doNotContact: false }], addresses: [{ lines: ['1 Main Street'], city: 'Albany', country: 'US' }] });
    await valid('POST', `/accounts/${recalledId}/recall`, 'client', {});
    await send('POST', `/accounts/${recalledId}/recall`, 'client', { body: {} });
    await valid('POST', `/accounts/${String((await valid('POST', '/placements', 'client', placement('CONF-CANCEL'))).accountId)}/cancel`, 'supervisor', { reason: 'conflict of interest' });
    await valid('POST', `/accounts/${String((await valid('POST', '/placements', 'client', placement('CONF-CLOSE'))).accountId)}/close`, 'supervisor', { closingCode: 'uncollectible', reason: 'no assets' });
    // A migration import: placed long ago, one earlier payment, closed since.
    const migration = { ...placement('CONF-IMPORT'), clientId, placedOn: '2026-01-10', payments: [{ paidOn: '2026-02-01', amount: 1000, method: 'check' }], status: { state: 'closed', closingCode: 'settled', closedOn: '2026-02-10' } };
    await valid('POST', '/migrations/accounts', 'admin', migration);
    await eventually(() => send('GET', `/reports/accounts/${accountId}`, 'client'), (answer) => answer.status === 200);
    await valid('GET', `/reports/accounts/${accountId}/timeline`, 'client');
    await valid('GET', `/reports/portfolio/${clientId}`, 'client');
    await valid('GET', '/reports/legal-pipeline', 'legal');
    for (const report of ['aging', 'liquidation']) {
      await valid('GET', `/reports/clients/${clientId}/${report}?asOf=2026-06-30`, 'client');
      await valid('GET', `/reports/clients/${clientId}/${report}.csv`, 'client');
      await valid('GET', `/reports/clients/${clientId}/${report}.svg`, 'client');
      await valid('GET', `/reports/${report}`, 'accountant');
      await valid('GET', `/reports/${report}.csv?asOf=2026-06-30`, 'compliance');
      await valid('GET', `/reports/${report}.svg`, 'supervisor');
      await send('GET', `/reports/${report}?asOf=2026-02-30`, 'supervisor');
    }
    await valid('GET', '/reports/collectors/performance?from=2026-01-01&to=2026-12-31', 'supervisor');
    await valid('GET', `/reports/clients/${clientId}/remittances`, 'client');
    await valid('GET', `/reports/clients/${clientId}/remittances.csv`, 'accountant');
    await valid('GET', `/reports/clients/${clientId}/trust-ledger`, 'client');
    await valid('GET', `/reports/clients/${clientId}/trust-ledger.csv`, 'compliance');
    await valid('GET', '/reports/collectors/performance.csv', 'admin');
    await send('GET', '/reports/collectors/performance?from=2026-06-01&to=2026-05-01', 'supervisor');
    await valid('GET', `/reports/accounts/${accountId}/history/export?format=ndjson`, 'client');
    await valid('GET', `/reports/accounts/${accountId}/history/export?format=csv`, 'compliance');
    await valid('GET', `/reports/clients/${clientId}/history/export`, 'client');
    await send('GET', `/reports/accounts/${accountId}/history/export?format=pdf`, 'client');
    // As of an instant, the compliance decision ledger (a page, the CSV), the trust figures, a live rebuild.
    await valid('GET', `/reports/accounts/${accountId}?asOf=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, 'compliance');
    await valid('GET', `/reports/portfolio/${clientId}?asOf=2020-01-01T00:00:00Z`, 'client');
    await send('GET', `/reports/accounts/${accountId}?asOf=2020-01-01T00:00:00Z`, 'compliance');
    await send('GET', `/reports/accounts/${accountId}?asOf=yesterday`, 'compliance');
    await valid('GET', `/reports/trust?clientId=${clientId}&asOf=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, 'accountant');
    await valid('GET', '/reports/compliance-decisions?decision=allow&limit=5', 'compliance');
    await send('GET', '/reports/compliance-decisions?limit=0', 'compliance');
    await valid('GET', `/reports/compliance-decisions.csv?accountId=${accountId}`, 'admin');
    await valid('POST', '/reports/read-models/rebuild', 'admin', {});
    await valid('GET', '/.well-known/agency-signing-key', 'nobody');
    for (const path of Object.keys(document.paths).filter((p) => p.startsWith('/audit/'))) {
      await valid('GET', path.replace('{accountId}', accountId), 'compliance');
    }
    for (const path of Object.keys(document.paths).filter((p) => !p.includes('{') && document.paths[p].get && /^\/(health|metrics|docs)/.test(p))) {
      await send('GET', path, 'nobody');
    }

    // Refusals by business rules: 404, 409, 422.
    await send('GET', `/accounts/${UNKNOWN_ID}`, 'client');
    await send('GET', `/accounts/${accountId}`, 'other-client');
    await send('GET', `/accounts/${accountId}/letters`, 'other-client');
    await send('POST', '/placements', 'client', { body: placement('CONF-1') });
    await send('POST', '/migrations/accounts', 'admin', { body: migration });
    await send('POST', '/migrations/accounts', 'admin', { body: { ...migration, clientReference: 'CONF-IMPORT-2', clientId: UNKNOWN_ID } });
    await send('POST', '/placements', 'client', { body: placement('CONF-2'), headers: { 'idempotency-key': 'conf-1' } });
    await send('POST', '/payments', 'collector', { body: { accountId, amount: 1000, currency: 'EUR', method: 'ach' } });

    // Invalid requests, on every operation.
    for (const [template, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        const concrete = template.replace(/\{[^}]+\}/g, UNKNOWN_ID);
        await send(method, concrete, 'nobody', method === 'GET' ? {} : { body: {} });
        await send(method, concrete, 'client', method === 'GET' ? {} : { body: {} });
        await send(method, concrete, 'collector', method === 'GET' ? {} : { body: {} });
        if (template.includes('{')) await send(method, template.replace(/\{[^}]+\}/g, 'not-a-uuid'), 'admin', method === 'GET' ? {} : { body: {} });
        if (method !== 'POST') continue;
        await send(method, concrete, 'admin', { body: { unexpectedField: 1 } });
        await send(method, concrete, 'admin', { raw: 'amount=1', contentType: 'application/x-www-form-urlencoded' });
        await send(method, concrete, 'admin', { raw: JSON.stringify({ padding: 'x'.repeat(1_100_000) }) });
        await send(method, concrete, 'admin', { body: {}, headers: { 'idempotency-key': 'k'.repeat(200) } });
      }
    }

    // Every documented operation was called with a request it accepted.
    const accepted = new Set(received.filter(({ answer }) => answer.status < 300).map(({ operation }) => operation));
    const documented = Object.entries(document.paths).flatMap(([template, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${template}`));
    expect(documented.filter((operation) => !accepted.has(operation))).toEqual([]);

    // Every answer is documented, status and body.
    const wrong: string[] = [];
    for (const { operation, answer, request } of received) {
      const [method, template] = operation.split(' ');
      const responses = document.paths[template][method.toLowerCase()].responses;
      const declared = responses[String(answer.status)] ?? responses.default;
      if (!declared) {
        wrong.push(`${request}: status ${answer.status} is not documented (${Object.keys(responses).join(', ')})`);
        continue;
      }
      // An answer documented in several media types (the history exports) is checked against the one it came in.
      const contents = Object.entries(declared.content ?? {});
      const [mediaType, media] = contents.find(([type]) => answer.contentType.startsWith(type)) ?? contents[0] ?? [];
      if (!media?.schema) continue;
      if (!answer.contentType.startsWith(mediaType!)) wrong.push(`${request}: ${answer.status} answered ${answer.contentType}, documented ${mediaType}`);
      const pointer = `openapi#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${answer.status in responses ? answer.status : 'default'}/content/${mediaType!.replace(/\//g, '~1')}/schema`;
      const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
      if (!validate(answer.body)) wrong.push(`${request}: ${answer.status} body does not match the document: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
    expect(wrong).toEqual([]);

    // Every error status the API uses was seen, each as an RFC 9457 problem.
    const problems = received.filter(({ answer }) => answer.status >= 400);
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422]) {
      const seen = problems.filter(({ answer }) => answer.status === status);
      expect({ status, seen: seen.length > 0 }).toEqual({ status, seen: true });
      for (const { answer, request } of seen) {
        expect({ request, contentType: answer.contentType.split(';')[0] }).toEqual({ request, contentType: 'application/problem+json' });
        expect(answer.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
      }
    }
    expect(problems.some(({ answer }) => answer.status >= 500)).toBe(false);
  }, 300_000);
});
