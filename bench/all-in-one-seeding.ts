import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEV_STAFF_TOKEN_SECRET, signStaffToken } from '@lib/platform';
import { freePort, keepOutput, percentile } from './bench-support';

/**
 * The built all-in-one with one account of a long history, shared by the benches that read
 * such an account (account-history, as-of): starting and stopping the process, seeding it
 * through its API (the placement, payments and contacts, and the request helpers they are
 * sent with), and timing requests to one or more versions in turn.
 */

const READY_TIMEOUT_MS = 180_000;

/** A staff token the processes accept: STAFF_TOKEN_SECRET is left unset, so they check against the public demo secret. */
const staffToken = (role: string) => `Bearer ${signStaffToken(DEV_STAFF_TOKEN_SECRET, { role: role as 'admin', id: `${role}-bench` })}`;
const ADMIN = staffToken('admin');
const ACCOUNTANT = staffToken('accountant');
const COLLECTOR = staffToken('collector');
const COMPLIANCE = staffToken('compliance');

/** A built all-in-one a bench started, and the account it seeded there. */
export interface SeededAllInOne {
  version: string;
  root: string;
  child: ChildProcess;
  url: string;
  dataDir: string;
  /** The process's last output chunks, printed when a bench fails. */
  output: string[];
  accountId: string;
  clientId: string;
  events: number;
  /** An instant inside the account's history: when the seeding passed half of its events. */
  middle: string;
}

/** The built all-in-one of `root`, as `npm start` runs it, on a temporary data folder; BENCH_NODE_ARGS adds node options. */
export async function startAllInOne(version: string, root: string, bench: string): Promise<SeededAllInOne> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `${bench}-bench-${version}-`));
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.STAFF_TOKEN_SECRET;
  const main = join(root, 'dist', 'apps', 'all-in-one', 'src', 'main.js');
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ').filter(Boolean) : [];
  const child = spawn(process.execPath, [...nodeArgs, '-r', join(root, 'deploy', 'runtime', 'register-paths.js'), main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = keepOutput(child);
  const target: SeededAllInOne = { version, root, child, url: `http://127.0.0.1:${port}`, dataDir, output, accountId: '', clientId: '', events: 0, middle: '' };
  const deadline = performance.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${version} all-in-one exited with ${child.exitCode}: ${output.join('').slice(-2_000)}`);
    try {
      if ((await fetch(`${target.url}/health/ready`)).status === 200) return target;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      await stopAllInOne(target);
      throw new Error(`${version} all-in-one not ready within ${READY_TIMEOUT_MS} ms`);
    }
    await sleep(50);
  }
}

export async function stopAllInOne(target: SeededAllInOne): Promise<void> {
  const { child } = target;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(target.dataDir, { recursive: true, force: true });
}

/** Other accounts, then the measured one, then payments and contacts in turn until its streams hold `events` events. */
export async function seedLongAccount(target: SeededAllInOne, events: number, otherAccounts: number): Promise<void> {
  const onboarded = (await expectStatus(post(target.url, '/clients', { name: 'Bench Client' }, { authorization: ADMIN }), 201, 'onboarding')) as { clientId: string };
  const { apiKey } = (await expectStatus(post(target.url, `/clients/${onboarded.clientId}/api-keys`, undefined, { authorization: ADMIN }), 201, 'API key')) as { apiKey: string };
  target.clientId = onboarded.clientId;
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < otherAccounts) {
        const reference = `OTHER-${next++}`;
        await expectStatus(post(target.url, '/placements', placementBody(reference), { 'x-api-key': apiKey, 'idempotency-key': `place-${reference}` }), 201, 'placement');
      }
    }),
  );
  const placed = await expectStatus(post(target.url, '/placements', placementBody('MEASURED-1'), { 'x-api-key': apiKey, 'idempotency-key': 'place-measured' }), 201, 'placement');
  target.accountId = (placed as { accountId: string }).accountId;

  // The ledger and the contact case are opened by the services on the placement's messages.
  await until(async () => (await post(target.url, '/payments', payment(target.accountId), { authorization: ACCOUNTANT })).status === 201, 'the ledger to open');
  await until(async () => (await post(target.url, `/cases/${target.accountId}/contacts`, contact(), { authorization: COLLECTOR })).status === 201, 'the contact case to open');

  for (;;) {
    const stored = await accountEvents(target);
    if (!target.middle && stored >= events / 2) target.middle = new Date().toISOString();
    if (stored >= events) break;
    // A command stores one or more events (a payment is also noted by legal-referral and the
    // settlements, and leaves an allow record): aim low, at the half first so `middle` falls
    // near it, then count again.
    const aim = target.middle ? events : events / 2;
    const rounds = Math.max(1, Math.floor((aim - stored) / 4));
    for (let i = 0; i < rounds; i++) {
      await Promise.all([
        expectStatus(post(target.url, '/payments', payment(target.accountId), { authorization: ACCOUNTANT }), 201, 'payment'),
        expectStatus(post(target.url, `/cases/${target.accountId}/contacts`, contact(), { authorization: COLLECTOR }), 201, 'contact'),
      ]);
    }
  }
  target.events = await accountEvents(target);
  // Reporting's history is fed from the bus: wait until it holds every stored event.
  await until(() => historyHoldsCheckedEvents(target.url, target.accountId, COMPLIANCE), 'reporting to hold the whole history');
}

/**
 * One more contact attempt on the seeded account, returning once reporting's timeline of
 * the account (which reads its audit trail afresh) lists more entries than before it.
 */
export async function addContact(target: SeededAllInOne): Promise<void> {
  const entries = async (): Promise<number> => {
    const response = await fetch(`${target.url}/reports/accounts/${target.accountId}/timeline`, { headers: { authorization: COMPLIANCE } });
    if (response.status !== 200) throw new Error(`${target.version} timeline answered ${response.status}`);
    return ((await response.json()) as unknown[]).length;
  };
  const before = await entries();
  await expectStatus(post(target.url, `/cases/${target.accountId}/contacts`, contact(), { authorization: COLLECTOR }), 201, 'contact');
  await until(async () => (await entries()) > before, 'reporting to list the new contact attempt');
}

/** Events in the services' streams of the account, as the integrity check counts them. */
async function accountEvents(target: SeededAllInOne): Promise<number> {
  const response = await fetch(`${target.url}/audit/accounts/${target.accountId}/integrity`, { headers: { authorization: COMPLIANCE } });
  const report = (await response.json()) as { ok: boolean; services: Array<{ streams: Array<{ events: number }> }> };
  if (!report.ok) throw new Error(`integrity check not ok while seeding: ${JSON.stringify(report).slice(0, 500)}`);
  return report.services.reduce((sum, service) => sum + service.streams.reduce((inner, stream) => inner + stream.events, 0), 0);
}

/** One timed answer: its wall time and its size. */
export interface Timed {
  ms: number;
  size: number;
}

/**
 * `requests` timed answers per version and endpoint after 20 untimed rounds (JIT,
 * connections), request by request with the order rotating, so every pair meets the same
 * load; then, per pair, the sorted latencies and a row for `console.table`.
 */
export async function timeInTurn<E extends string>(targets: SeededAllInOne[], endpoints: readonly E[], requests: number, get: (target: SeededAllInOne, endpoint: E) => Promise<Timed>) {
  const pairs = targets.flatMap((target) => endpoints.map((endpoint) => [target, endpoint] as const));
  const latencies = pairs.map((): number[] => []);
  const bytes = pairs.map(() => 0);
  for (let i = 0; i < 20; i++) for (const [target, endpoint] of pairs) await get(target, endpoint);
  for (let round = 0; round < requests; round++) {
    for (let i = 0; i < pairs.length; i++) {
      const at = (round + i) % pairs.length;
      const { ms, size } = await get(...pairs[at]);
      latencies[at].push(ms);
      bytes[at] = size;
    }
  }
  return pairs.map(([target, endpoint], at) => {
    const sorted = latencies[at].sort((a, b) => a - b);
    const row = {
      version: target.version,
      endpoint,
      events: target.events,
      requests: sorted.length,
      'p50 ms': percentile(sorted, 50).toFixed(2),
      'p95 ms': percentile(sorted, 95).toFixed(2),
      'p99 ms': percentile(sorted, 99).toFixed(2),
      'answer KiB': (bytes[at] / 1024).toFixed(1),
    };
    return { target, endpoint, sorted, row };
  });
}

/** Times one GET as the compliance officer; anything but 200 ends the bench. */
export async function timedGet(target: SeededAllInOne, path: string): Promise<Timed> {
  const began = performance.now();
  const response = await fetch(`${target.url}${path}`, { headers: { authorization: COMPLIANCE } });
  const body = await response.text();
  const ms = performance.now() - began;
  if (response.status !== 200) throw new Error(`${target.version} GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
  return { ms, size: Buffer.byteLength(body) };
}

function placementBody(clientReference: string) {
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

const payment = (accountId: string) => ({ accountId, amount: 100, currency: 'USD', method: 'ach' });
/**
 * An inbound email (the debtor wrote): the contact rule pack caps outbound emails at 3 per
 * debt in 7 days (`channel-frequency-cap`), so outbound ones could not make a long history.
 */
const contact = () => ({ channel: 'email', direction: 'inbound', outcome: 'left-message', notes: `bench ${randomUUID()}` });

/**
 * Whether reporting's history of the account (fed from the bus) holds, for every stream the
 * integrity check counted, as many events as the check did. The history also lists streams
 * the check may not read (an older build's check read fewer), so totals need not match.
 */
async function historyHoldsCheckedEvents(url: string, accountId: string, authorization: string): Promise<boolean> {
  const get = async (path: string) => (await fetch(`${url}${path}`, { headers: { authorization } })).json();
  const integrity = (await get(`/audit/accounts/${accountId}/integrity`)) as { services: Array<{ service: string; streams: Array<{ streamId: string; events: number }> }> };
  const history = (await get(`/audit/accounts/${accountId}/history`)) as Array<{ service: string; streamId: string }>;
  const held = new Map<string, number>();
  for (const entry of history) held.set(`${entry.service} ${entry.streamId}`, (held.get(`${entry.service} ${entry.streamId}`) ?? 0) + 1);
  return integrity.services.every((service) => service.streams.every((stream) => held.get(`${service.service} ${stream.streamId}`) === stream.events));
}

async function expectStatus(answer: Promise<{ status: number; body: unknown }>, status: number, what: string): Promise<unknown> {
  const { status: got, body } = await answer;
  if (got !== status) throw new Error(`${what} answered ${got}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
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
async function post(url: string, path: string, body: unknown, headers: Record<string, string>, attempt = 1): Promise<{ status: number; body: unknown }> {
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
