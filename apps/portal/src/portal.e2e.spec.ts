/**
 * The portal over HTTP, in the all-in-one (this process): what a link, a forged link, an
 * expired link and a tampered session get; the identity check and its lockout; paying
 * through the local checkout exactly once; plans accepted and queued; disputes with their
 * document checks; and the account's portal trail.
 */
import { createHash } from 'node:crypto';
import { signToken } from './domain/links/signed-token';
import { PORTAL_TEST_LINK_SECRET, PortalHarness, startPortalHarness } from '../../../test/support/portal-harness';
import { staffToken } from '../../../test/e2e/journeys/deployment';

interface Page {
  status: number;
  location: string | null;
  text: string;
}

describe('debtor portal (all-in-one, HTTP)', () => {
  let harness: PortalHarness;

  beforeAll(async () => {
    harness = await startPortalHarness();
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  const get = async (url: string): Promise<Page> => {
    const response = await fetch(url.startsWith('http') ? url : `${harness.baseUrl}${url}`, { redirect: 'manual' });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  };
  const post = async (url: string, fields: Record<string, string> | FormData = {}): Promise<Page> => {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
    const response = await fetch(url.startsWith('http') ? url : `${harness.baseUrl}${url}`, { method: 'POST', body, redirect: 'manual' });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  };
  const trail = async (accountId: string): Promise<string[]> => {
    const response = await fetch(`${harness.baseUrl}/audit/portal/accounts/${accountId}`, { headers: { authorization: staffToken('compliance') } });
    const body = (await response.json()) as { streams: Array<{ events: Array<{ type: string }> }> };
    return body.streams.flatMap((stream) => stream.events.map((event) => event.type));
  };
  /** Opens the link and passes the check; the session's path. */
  const signIn = async (accountId: string): Promise<string> => {
    const link = await harness.issueLink(accountId);
    expect((await get(link.url)).status).toBe(200);
    const checked = await post(link.url, { method: 'postcode', answer: '10118-0110' });
    expect(checked.status).toBe(303);
    expect(checked.location).toMatch(/^\/portal\/s\//);
    return checked.location!;
  };

  it('shows nothing for a forged link, an expired one, or a session token changed to name another account', async () => {
    const { accountId } = await harness.placeAccount();
    const other = await harness.placeAccount();
    const forged = await get(`/portal/l/${signToken('not-the-secret-not-the-secret-xx', { kind: 'link', accountId, linkId: 'x', expiresAt: Date.now() + 60_000 })}`);
    expect(forged.status).toBe(404);
    expect(forged.text).not.toContain('Jamie Rivera');
    expect(forged.text).not.toContain('INV-1001');
    expect((await get('/portal/l/garbage')).status).toBe(404);

    const expired = await get(`/portal/l/${signToken(PORTAL_TEST_LINK_SECRET, { kind: 'link', accountId, linkId: 'old-link', expiresAt: Date.now() - 1 })}`);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('expired');
    expect(expired.text).not.toContain('Jamie Rivera');

    const session = await signIn(accountId);
    const [, , , token] = session.split('/');
    const [version, body, signature] = token.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const swapped = Buffer.from(JSON.stringify({ ...payload, accountId: other.accountId })).toString('base64url');
    const tampered = await get(`/portal/s/${version}.${swapped}.${signature}`);
    expect(tampered.status).toBe(404);
    expect(tampered.text).not.toContain('Jamie Rivera');
    // A link is not a session: the check cannot be skipped by using the link's token as one.
    const link = await harness.issueLink(accountId);
    expect((await get(link.url.replace('/portal/l/', '/portal/s/'))).status).toBe(404);

    expect(await trail(accountId)).toEqual(expect.arrayContaining(['PortalLinkIssued', 'PortalLinkRefused', 'PortalLinkOpened', 'PortalIdentityCheckPassed']));
  });

  it('prints the personal link on the first letter, which is sent and renders, and the link opens the portal', async () => {
    const { accountId } = await harness.placeAccount();
    const link = await harness.letterLink(accountId);
    expect(link.startsWith(`${harness.baseUrl}/portal/l/`)).toBe(true);
    const collector = { authorization: staffToken('collector') };
    let letters: Array<{ letterId: string; status: string; templateVersion: number }> = [];
    for (let tries = 0; tries < 100 && letters[0]?.status !== 'sent'; tries += 1) {
      letters = (await (await fetch(`${harness.baseUrl}/accounts/${accountId}/letters`, { headers: collector })).json()) as typeof letters;
      if (letters[0]?.status !== 'sent') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(letters[0]).toMatchObject({ status: 'sent', templateVersion: 2 });
    const pdf = await fetch(`${harness.baseUrl}/accounts/${accountId}/letters/${letters[0].letterId}.pdf`, { headers: collector });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const opened = await get(link);
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('Confirm it is you');
  });

  it('asks for an invoice number or the postcode, counts failures, and locks the link after five', async () => {
    const { accountId } = await harness.placeAccount();
    const link = await harness.issueLink(accountId);
    const opened = await get(link.url);
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('<label for="answer">');
    expect(opened.text).not.toContain('Jamie Rivera');
    const wrong = await post(link.url, { method: 'invoice', answer: 'INV-9999' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('4 tries left');
    expect(wrong.text).not.toContain('Jamie Rivera');
    for (let attempt = 2; attempt <= 4; attempt += 1) expect((await post(link.url, { method: 'postcode', answer: '99999' })).status).toBe(422);
    expect((await post(link.url, { method: 'postcode', answer: '99999' })).status).toBe(429);
    // Locked: even the right answer waits.
    expect((await post(link.url, { method: 'invoice', answer: 'inv 1001' })).status).toBe(429);
    // A malformed form is a 400 page, not a 500.
    expect((await post(link.url, { method: 'birthday', answer: 'x' })).status).toBe(400);
    expect(await trail(accountId)).toEqual(expect.arrayContaining(['PortalIdentityCheckFailed', 'PortalLinkLocked', 'PortalLinkRefused']));
  });

  it('shows the balance by invoice and the rights, takes a partial payment through the local checkout once, and agrees a plan', async () => {
    const { accountId } = await harness.placeAccount();
    const session = await signIn(accountId);
    const page = await get(session);
    expect(page.status).toBe(200);
    expect(page.text).toContain('$7,500.50');
    expect(page.text).toContain('INV-1001');
    expect(page.text).toContain('INV-1002');
    expect(page.text).toContain('Your rights');
    expect(page.text).toContain('Contact us');

    expect((await post(`${session}/payments`, { amount: '9000.00', method: 'card' })).status).toBe(422);
    expect((await post(`${session}/payments`, { amount: '12.345', method: 'card' })).status).toBe(422);
    const started = await post(`${session}/payments`, { amount: '1,000.00', method: 'card' });
    expect(started.status).toBe(303);
    expect(started.location).toContain('/portal/checkout/');
    const checkout = await get(started.location!);
    expect(checkout.status).toBe(200);
    expect(checkout.text).toContain('$1,000.00');
    const paid = await post(started.location!);
    expect(paid.status).toBe(303);
    expect(paid.location).toContain(`${session}?notice=paid`);
    // The provider's confirmation told again (a repeated webhook, a double click) posts nothing more.
    expect((await post(started.location!)).status).toBe(303);
    const ledger = await harness.ledger(accountId);
    expect(ledger.payments).toEqual([expect.objectContaining({ amount: 100_000, method: 'card' })]);
    expect(ledger.balance).toBe(650_050);
    const after = await get(paid.location!.replace(harness.baseUrl, ''));
    expect(after.text).toContain('$6,500.50');
    expect(after.text).toContain('Your payment was received');

    const proposed = await post(`${session}/plans`, { installments: '3', frequency: 'monthly', firstDueDate: '2026-01-20' });
    expect(proposed.status).toBe(303);
    expect(proposed.location).toBe(`${session}?notice=plan-accepted`);
    const withPlan = await get(proposed.location!);
    expect(withPlan.text).toContain('Your payment plan');
    const caseView = (await (await fetch(`${harness.baseUrl}/cases/${accountId}`, { headers: { authorization: staffToken('collector') } })).json()) as { plans: Array<{ status: string; total: number; agreedBy: string }> };
    expect(caseView.plans).toEqual([expect.objectContaining({ status: 'active', total: 650_050, agreedBy: 'debtor-portal' })]);
    expect(await trail(accountId)).toEqual(expect.arrayContaining(['PortalCheckoutStarted', 'PortalPaymentConfirmed', 'PortalAccountViewed', 'PortalPlanProposed']));
    expect((await trail(accountId)).filter((type) => type === 'PortalPaymentConfirmed')).toHaveLength(1);

    // The account's audit trail (reporting's history, fed by audit.events) holds the portal's events too.
    const compliance = { authorization: staffToken('compliance') };
    let history = '';
    for (let tries = 0; tries < 100 && !history.includes('PortalPlanProposed'); tries += 1) {
      history = await (await fetch(`${harness.baseUrl}/reports/accounts/${accountId}/history/export?format=ndjson`, { headers: compliance })).text();
      if (!history.includes('PortalPlanProposed')) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(history).toContain('PortalIdentityCheckPassed');
    expect(history).toContain('PortalPaymentConfirmed');
  });

  it('queues a plan outside the self-service limits for a collector, who accepts or declines it; a date in the past is refused', async () => {
    const { accountId } = await harness.placeAccount();
    const session = await signIn(accountId);
    expect((await post(`${session}/plans`, { installments: '3', frequency: 'monthly', firstDueDate: '2025-12-01' })).status).toBe(422);
    const queued = await post(`${session}/plans`, { installments: '24', frequency: 'monthly', firstDueDate: '2026-01-20' });
    expect(queued.location).toBe(`${session}?notice=plan-queued`);
    const collector = { authorization: staffToken('collector', 'collector-7') };
    const caseOf = async () => (await (await fetch(`${harness.baseUrl}/cases/${accountId}`, { headers: collector })).json()) as { plans: Array<{ planId: string; status: string; total: number; agreedBy: string; installments: unknown[] }> };
    expect((await caseOf()).plans).toEqual([]);

    // The collector's queue shows it with its terms and why it waits.
    type Proposal = { accountId: string; proposalId: string; reasons: string[]; installments: number[]; total: number; frequency: string; firstDueDate: string };
    const queue = async () => ((await (await fetch(`${harness.baseUrl}/portal-plan-proposals`, { headers: collector })).json()) as Proposal[]).filter((proposal) => proposal.accountId === accountId);
    const [proposal] = await queue();
    expect(proposal).toMatchObject({ reasons: ['more-installments-than-self-service-allows'], frequency: 'monthly', firstDueDate: '2026-01-20', total: 750_050 });
    expect(proposal.installments).toHaveLength(24);
    expect((await fetch(`${harness.baseUrl}/portal-plan-proposals`, { headers: { authorization: staffToken('accountant') } })).status).toBe(403);

    const decide = (proposalId: string, body: object) =>
      fetch(`${harness.baseUrl}/accounts/${accountId}/portal-plan-proposals/${proposalId}/decision`, { method: 'POST', headers: { ...collector, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await decide(proposal.proposalId, { decision: 'maybe' })).status).toBe(400);
    const accepted = await decide(proposal.proposalId, { decision: 'accept', reason: 'called the debtor: 24 months is affordable' });
    expect(accepted.status).toBe(200);
    const answer = (await accepted.json()) as { decision: string; planId: string };
    expect(answer).toMatchObject({ decision: 'accepted', planId: expect.any(String) });
    // Debtor contact's plan, agreed by the collector with the debtor's terms.
    expect((await caseOf()).plans).toEqual([expect.objectContaining({ planId: answer.planId, status: 'active', total: 750_050, agreedBy: 'collector-7' })]);
    expect(await queue()).toEqual([]);
    const twice = await decide(proposal.proposalId, { decision: 'decline' });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { rule: string }).rule).toBe('plan-proposal-decided');
    const unknown = await decide('00000000-0000-4000-8000-000000000000', { decision: 'accept' });
    expect(unknown.status).toBe(404);

    // Another proposal while that plan is active waits too; declining it takes it off the queue and agrees nothing.
    const again = await post(`${session}/plans`, { installments: '2', frequency: 'monthly', firstDueDate: '2026-01-20' });
    expect(again.location).toBe(`${session}?notice=plan-queued`);
    const [second] = await queue();
    expect(second.reasons).toEqual(['a-plan-is-already-active']);
    expect((await decide(second.proposalId, { decision: 'decline', reason: 'a plan is already running' })).status).toBe(200);
    expect(await queue()).toEqual([]);
    expect((await caseOf()).plans).toHaveLength(1);
    expect(await trail(accountId)).toEqual(expect.arrayContaining(['PortalPlanProposed', 'PortalPlanProposalDecided']));
  });

  it('opens a dispute with a PDF, and refuses a document of another type or too large', async () => {
    const { accountId } = await harness.placeAccount();
    const session = await signIn(accountId);
    const form = (name: string, type: string, bytes: Buffer) => {
      const data = new FormData();
      data.append('reason', 'already-paid');
      data.append('details', 'Paid by check in December.');
      data.append('document', new Blob([bytes], { type }), name);
      return data;
    };
    expect((await post(`${session}/disputes`, form('notes.txt', 'text/plain', Buffer.from('hello')))).status).toBe(415);
    expect((await post(`${session}/disputes`, form('fake.pdf', 'application/pdf', Buffer.from('not a pdf')))).status).toBe(415);
    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024)]);
    expect([413]).toContain((await post(`${session}/disputes`, form('big.pdf', 'application/pdf', huge))).status);
    const receipt = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
    const opened = await post(`${session}/disputes`, form('receipt "Dec".pdf', 'application/pdf', receipt));
    expect(opened.status).toBe(303);
    expect(opened.location).toBe(`${session}?notice=dispute-opened`);
    expect(await trail(accountId)).toContain('PortalDisputeOpened');
    // Debtor contact has it: the account is on a dispute hold, so collection stops.
    const holds = await harness.holdsInForce(accountId);
    expect(holds).toEqual([{ kind: 'dispute', disputeId: expect.any(String) }]);

    // The document is kept: the dispute's event names it, and staff download exactly the bytes uploaded.
    const audit = (await (await fetch(`${harness.baseUrl}/audit/portal/accounts/${accountId}`, { headers: { authorization: staffToken('compliance') } })).json()) as {
      streams: Array<{ events: Array<{ type: string; data: { disputeId?: string; document?: Record<string, unknown> } }> }>;
    };
    const disputed = audit.streams.flatMap((stream) => stream.events).find((event) => event.type === 'PortalDisputeOpened')!;
    expect(disputed.data.disputeId).toBe(holds[0].disputeId);
    expect(disputed.data.document).toEqual({ documentId: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'receipt "Dec".pdf', mediaType: 'application/pdf', size: receipt.length, sha256: createHash('sha256').update(receipt).digest('hex') });
    const documentPath = `/accounts/${accountId}/portal-disputes/${disputed.data.disputeId}/document`;
    const download = await fetch(`${harness.baseUrl}${documentPath}`, { headers: { authorization: staffToken('collector') } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="receipt _Dec_.pdf"');
    expect(Buffer.from(await download.arrayBuffer()).equals(receipt)).toBe(true);
    expect((await fetch(`${harness.baseUrl}${documentPath}`, { headers: { authorization: staffToken('compliance') } })).status).toBe(200);
    // Staff roles that do not work disputes, and nobody without a token, get nothing; an unknown dispute is 404.
    expect((await fetch(`${harness.baseUrl}${documentPath}`, { headers: { authorization: staffToken('accountant') } })).status).toBe(403);
    expect((await fetch(`${harness.baseUrl}${documentPath}`)).status).toBe(401);
    const unknown = await fetch(`${harness.baseUrl}/accounts/${accountId}/portal-disputes/00000000-0000-4000-8000-000000000000/document`, { headers: { authorization: staffToken('collector') } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { rule?: string }).rule).toBe('dispute-unknown');
  });

  it('revokes the earlier links, and the sessions made from them, when a collector issues a new one', async () => {
    const { accountId } = await harness.placeAccount();
    const letter = await harness.letterLink(accountId);
    const first = await harness.issueLink(accountId);
    // The collector's link replaced the letter's.
    const fromLetter = await get(letter);
    expect(fromLetter.status).toBe(410);
    expect(fromLetter.text).toContain('This link has been replaced');
    expect(fromLetter.text).not.toContain('INV-1001');
    const checked = await post(first.url, { method: 'invoice', answer: 'INV-1001' });
    expect(checked.status).toBe(303);
    const oldSession = checked.location!;
    expect((await get(oldSession)).status).toBe(200);

    const second = await harness.issueLink(accountId);
    for (const page of [await get(first.url), await post(first.url, { method: 'invoice', answer: 'INV-1001' }), await get(oldSession), await post(`${oldSession}/payments`, { amount: '10.00', method: 'card' })]) {
      expect(page.status).toBe(410);
      expect(page.text).toContain('This link has been replaced');
      expect(page.text).not.toContain('INV-1001');
      expect(page.text).not.toContain('7,500.50');
    }
    expect((await harness.ledger(accountId)).payments).toEqual([]);
    expect((await get(second.url)).status).toBe(200);
    const again = await post(second.url, { method: 'invoice', answer: 'INV-1001' });
    expect((await get(again.location!)).text).toContain('INV-1001');

    const audit = (await (await fetch(`${harness.baseUrl}/audit/portal/accounts/${accountId}`, { headers: { authorization: staffToken('compliance') } })).json()) as {
      streams: Array<{ events: Array<{ type: string; data: { linkId?: string; reason?: string } }> }>;
    };
    const refused = audit.streams.flatMap((stream) => stream.events).filter((event) => event.type === 'PortalLinkRefused');
    expect(refused.map((event) => event.data.reason)).toEqual(['revoked', 'revoked', 'revoked', 'revoked', 'revoked']);
    expect(new Set(refused.slice(1).map((event) => event.data.linkId))).toEqual(new Set([first.linkId]));
  });

  it('rate-limits one address presenting bad tokens', async () => {
    const statuses: number[] = [];
    for (let request = 0; request < 40; request += 1) statuses.push((await get(`/portal/l/bad-${request}`)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 404).length).toBeLessThanOrEqual(30);
  });
});
