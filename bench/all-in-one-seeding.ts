import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/**
 * Seeding an all-in-one through its API, shared by the benches that build an account with a
 * long history (account-history, as-of): the placement, a payment and a contact they send,
 * and the request helpers they send them with.
 */

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

export const payment = (accountId: string) => ({ accountId, amount: 100, currency: 'USD', method: 'ach' });
/**
 * An inbound email (the debtor wrote): the contact rule pack caps outbound emails at 3 per
 * debt in 7 days (`channel-frequency-cap`), so outbound ones could not make a long history.
 */
export const contact = () => ({ channel: 'email', direction: 'inbound', outcome: 'left-message', notes: `bench ${randomUUID()}` });

/**
 * Whether reporting's history of the account (fed from the bus) holds, for every stream the
 * integrity check counted, as many events as the check did. The history also lists streams
 * the check may not read (an older build's check read fewer), so totals need not match.
 */
export async function historyHoldsCheckedEvents(url: string, accountId: string, authorization: string): Promise<boolean> {
  const get = async (path: string) => (await fetch(`${url}${path}`, { headers: { authorization } })).json();
  const integrity = (await get(`/audit/accounts/${accountId}/integrity`)) as { services: Array<{ service: string; streams: Array<{ streamId: string; events: number }> }> };
  const history = (await get(`/audit/accounts/${accountId}/history`)) as Array<{ service: string; streamId: string }>;
  const held = new Map<string, number>();
  for (const entry of history) held.set(`${entry.service} ${entry.streamId}`, (held.get(`${entry.service} ${entry.streamId}`) ?? 0) + 1);
  return integrity.services.every((service) => service.streams.every((stream) => held.get(`${service.service} ${stream.streamId}`) === stream.events));
}

export async function expectStatus(answer: Promise<{ status: number; body: unknown }>, status: number, what: string): Promise<unknown> {
  const { status: got, body } = await answer;
  if (got !== status) throw new Error(`${what} answered ${got}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * A seeding request. A connection the loaded server dropped is tried again (up to 3 times):
 * placements carry an idempotency key, and a payment or contact stored twice only adds
 * an event, which the seeding counts anyway.
 */
export async function post(url: string, path: string, body: unknown, headers: Record<string, string>, attempt = 1): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (attempt >= 3) throw new Error(`POST ${path}: ${String((error as { cause?: unknown }).cause ?? error)}`);
    await sleep(200);
    return post(url, path, body, headers, attempt + 1);
  }
  const text = await response.text();
  try {
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: response.status, body: text };
  }
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
