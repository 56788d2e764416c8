/**
 * The all-in-one in this process, listening on a port chosen first (the portal's links
 * are absolute: PORTAL_PUBLIC_URL must name it), with a consumer account placed and heard
 * by debtor contact and payments. Shared by the portal's HTTP and browser specs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '@lib/config';
import { composeProcess, ComposedProcess } from '@lib/platform';
import { ALL_SERVICES } from '../../apps/all-in-one/src/all-in-one.services';
import { DEPLOYMENT_STAFF_TOKEN_SECRET, staffToken } from '../e2e/journeys/deployment';
import { freePort } from './app-process';

export const PORTAL_TEST_LINK_SECRET = randomBytes(32).toString('base64url');

export interface PortalHarness {
  baseUrl: string;
  composed: ComposedProcess;
  /** Places a consumer account (two invoices, 3,000.00 and 4,500.50 USD, postcode 10118) and waits until its case and ledger exist. */
  placeAccount(reference?: string): Promise<{ accountId: string; clientId: string }>;
  /** A collector issues the account's personal link. */
  issueLink(accountId: string): Promise<{ url: string; linkId: string; expiresAt: string }>;
  ledger(accountId: string): Promise<{ balance: number; payments: Array<{ amount: number; method: string }> }>;
  /** The holds in force on the account's contact case (debtor contact's `GET /cases/:accountId/holds`). */
  holdsInForce(accountId: string): Promise<Array<{ kind: string; disputeId: string | null }>>;
  /** The personal link printed on the account's first letter (what the letter was filled with, from debtor contact's stream). */
  letterLink(accountId: string): Promise<string>;
  close(): Promise<void>;
}

const SET_ENV: Record<string, string> = {};

export async function startPortalHarness(extraEnv: Record<string, string> = {}): Promise<PortalHarness> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = { PORTAL_LINK_SECRET: PORTAL_TEST_LINK_SECRET, PORTAL_PUBLIC_URL: baseUrl, ...extraEnv };
  // The portal reads its settings from the process environment (as the all-in-one's main does).
  for (const [name, value] of Object.entries(env)) {
    SET_ENV[name] = process.env[name] ?? '';
    process.env[name] = value;
  }
  const config = loadConfig('all-in-one', { PGLITE_DATA_DIR: 'memory', CLOCK: 'test', STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET, PORT: String(port) }, { port });
  const composed = await composeProcess(config, ALL_SERVICES, { title: 'portal test', quiet: true });
  await composed.app.listen(port, '127.0.0.1');

  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  };
  const admin = { authorization: staffToken('admin') };
  const collector = { authorization: staffToken('collector') };
  const onboarded = await call('POST', '/clients', admin, { name: `Portal Creditor ${randomUUID()}` });
  const clientId = String(onboarded.body.clientId);
  const issued = await call('POST', `/clients/${clientId}/api-keys`, admin);
  const apiKey = String(issued.body.apiKey);

  const until = async (check: () => Promise<boolean>, what: string) => {
    for (let tries = 0; tries < 200; tries += 1) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  return {
    baseUrl,
    composed,
    async placeAccount(reference = `PORTAL-${randomUUID()}`) {
      const placement = {
        clientReference: reference,
        commercial: false,
        category: 'standard',
        debtor: {
          kind: 'person',
          legalName: 'Jamie Rivera',
          country: 'US',
          region: 'NY',
          taxId: `9${randomUUID().replace(/\D/g, '').slice(0, 8)}`,
          addresses: [{ lines: ['350 Fifth Avenue'], city: 'New York', region: 'NY', postalCode: '10118', country: 'US' }],
          emails: [{ address: 'jamie@example.com', consent: true, doNotContact: false }],
        },
        invoices: [
          { number: 'INV-1001', issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: 300000, currency: 'USD' },
          { number: 'INV-1002', issueDate: '2025-11-15', dueDate: '2025-12-15', originalAmount: 450050, currency: 'USD' },
        ],
      };
      const placed = await call('POST', '/placements', { 'x-api-key': apiKey }, placement);
      if (placed.status !== 201) throw new Error(`placing: ${placed.status} ${JSON.stringify(placed.body)}`);
      const accountId = String(placed.body.accountId);
      await until(async () => (await call('GET', `/cases/${accountId}`, collector)).status === 200 && (await call('GET', `/ledgers/${accountId}`, collector)).status === 200, `account ${accountId}`);
      return { accountId, clientId };
    },
    async issueLink(accountId) {
      const answer = await call('POST', `/accounts/${accountId}/portal-links`, collector);
      if (answer.status !== 201) throw new Error(`issuing a link: ${answer.status} ${JSON.stringify(answer.body)}`);
      return { url: String(answer.body.url), linkId: String(answer.body.linkId), expiresAt: String(answer.body.expiresAt) };
    },
    async letterLink(accountId) {
      const compliance = { authorization: staffToken('compliance') };
      let link: string | undefined;
      await until(async () => {
        const audit = await call('GET', `/audit/debtor-contact/accounts/${accountId}`, compliance);
        const streams = (audit.body.streams ?? []) as Array<{ events: Array<{ type: string; data: { channel?: string; data?: { portalUrl?: string } } }> }>;
        const letter = streams.flatMap((stream) => stream.events).find((event) => event.type === 'MessageQueued' && event.data.channel === 'letter');
        link = letter?.data.data?.portalUrl;
        return link !== undefined;
      }, `the letter of ${accountId}`);
      return link!;
    },
    async ledger(accountId) {
      const answer = await call('GET', `/ledgers/${accountId}`, collector);
      return answer.body as unknown as { balance: number; payments: Array<{ amount: number; method: string }> };
    },
    async holdsInForce(accountId) {
      const answer = await call('GET', `/cases/${accountId}/holds`, collector);
      const { holds } = answer.body as unknown as { holds: Array<{ kind: string; disputeId: string | null; inForce: boolean }> };
      return holds.filter((hold) => hold.inForce).map(({ kind, disputeId }) => ({ kind, disputeId }));
    },
    async close() {
      await composed.close();
      for (const [name, value] of Object.entries(SET_ENV)) {
        if (value === '') delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}
