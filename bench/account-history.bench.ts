/**
 * An account with 1,000 events: p50/p95/p99 of reporting's cross-service history
 * (`GET /audit/accounts/:id/history`) and integrity check (`GET /audit/accounts/:id/integrity`)
 * through HTTP, in the built all-in-one (PGlite stores, in-memory read models).
 *
 * The account's events are made by the real flows, through the API: a placement (which
 * client-intake, debtor-contact, payments and legal-referral each act on), then payments
 * and contact attempts (collectors' emails) in turn until the services' streams of the
 * account hold BENCH_EVENTS events together. BENCH_OTHER_ACCOUNTS other accounts are
 * placed first, so reporting's collections hold more than the one account.
 *
 * Run from the repository root:
 *   npm run build
 *   node -r ./deploy/runtime/register-paths.js dist/bench/account-history.bench.js
 *
 * Before/after in one run: BENCH_BEFORE_ROOT=<another checkout, built with `npm run build`,
 * node_modules linked> starts that version's all-in-one too, seeds it the same way, and the
 * requests go to both in turn (request by request, the order rotating).
 *
 * Environment (all optional):
 *   BENCH_EVENTS          events of the measured account, all services (default 1000, max 20000)
 *   BENCH_OTHER_ACCOUNTS  other accounts placed first (default 200, max 20000)
 *   BENCH_REQUESTS        timed requests per endpoint and version (default 200, max 10000)
 *   BENCH_BEFORE_ROOT     see above
 *   BENCH_NODE_ARGS       extra node options for the all-in-one processes (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`)
 *
 * Only 127.0.0.1, free ports, temporary data folders removed at the end. STAFF_TOKEN_SECRET
 * is left unset: the processes check staff tokens against the public demo secret.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEV_STAFF_TOKEN_SECRET, signStaffToken } from '@lib/platform';
import { contact, expectStatus, historyHoldsCheckedEvents, payment, placementBody, post, until } from './all-in-one-seeding';
import { intFromEnv, percentile, reportFigure } from './bench-support';

const ROOT = join(__dirname, '..', '..');
const READY_TIMEOUT_MS = 180_000;
const EVENTS = intFromEnv('BENCH_EVENTS', 1000, 20_000);
const OTHER_ACCOUNTS = intFromEnv('BENCH_OTHER_ACCOUNTS', 200, 20_000);
const REQUESTS = intFromEnv('BENCH_REQUESTS', 200, 10_000);

const token = (role: string) => `Bearer ${signStaffToken(DEV_STAFF_TOKEN_SECRET, { role: role as 'admin', id: `${role}-bench` })}`;
const ADMIN = token('admin');
const COMPLIANCE = token('compliance');
const ACCOUNTANT = token('accountant');
const COLLECTOR = token('collector');

const ENDPOINTS = ['history', 'integrity'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

interface Target {
  version: string;
  root: string;
  child: ChildProcess;
  url: string;
  dataDir: string;
  output: string[];
  accountId: string;
  events: number;
}

async function main(): Promise<void> {
  const roots: [string, string][] = [['after', ROOT]];
  if (process.env.BENCH_BEFORE_ROOT) roots.unshift(['before', process.env.BENCH_BEFORE_ROOT]);
  console.log(`account-history bench: ${EVENTS} events on the account, ${OTHER_ACCOUNTS} other accounts, ${REQUESTS} requests per endpoint and version`);
  const targets: Target[] = [];
  try {
    for (const [version, root] of roots) {
      const target = await start(version, root);
      targets.push(target);
      const seeded = performance.now();
      await seed(target);
      console.log(`${version}: seeded ${target.events} events on ${target.accountId} in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    }
    const latencies = new Map<string, number[]>();
    const bytes = new Map<string, number>();
    const key = (target: Target, endpoint: Endpoint) => `${target.version} ${endpoint}`;
    // Warm-up (JIT, connections), not counted.
    for (let i = 0; i < 20; i++) for (const target of targets) for (const endpoint of ENDPOINTS) await timedGet(target, endpoint);
    const pairs = targets.flatMap((target) => ENDPOINTS.map((endpoint) => [target, endpoint] as const));
    for (let round = 0; round < REQUESTS; round++) {
      for (let i = 0; i < pairs.length; i++) {
        const [target, endpoint] = pairs[(round + i) % pairs.length];
        const { ms, size } = await timedGet(target, endpoint);
        const samples = latencies.get(key(target, endpoint)) ?? [];
        samples.push(ms);
        latencies.set(key(target, endpoint), samples);
        bytes.set(key(target, endpoint), size);
      }
    }
    console.log(`node ${process.version}, ${new Date().toISOString()}`);
    for (const [target, endpoint] of pairs) {
      if (target.version === 'before') continue;
      const figure = endpoint === 'history' ? 'history-p99-ms' : 'integrity-p99-ms';
      reportFigure(figure, percentile([...(latencies.get(key(target, endpoint)) ?? [])].sort((a, b) => a - b), 99));
    }
    console.table(
      pairs.map(([target, endpoint]) => {
        const sorted = [...(latencies.get(key(target, endpoint)) ?? [])].sort((a, b) => a - b);
        return {
          version: target.version,
          endpoint,
          events: target.events,
          requests: sorted.length,
          'p50 ms': percentile(sorted, 50).toFixed(2),
          'p95 ms': percentile(sorted, 95).toFixed(2),
          'p99 ms': percentile(sorted, 99).toFixed(2),
          'answer KiB': ((bytes.get(key(target, endpoint)) ?? 0) / 1024).toFixed(1),
        };
      }),
    );
  } catch (error) {
    for (const target of targets) console.error(`--- ${target.version} output ---\n${target.output.join('').slice(-4_000)}`);
    throw error;
  } finally {
    for (const target of targets) await stop(target);
  }
}

async function timedGet(target: Target, endpoint: Endpoint): Promise<{ ms: number; size: number }> {
  const began = performance.now();
  const response = await fetch(`${target.url}/audit/accounts/${target.accountId}/${endpoint}`, { headers: { authorization: COMPLIANCE } });
  const body = await response.text();
  const ms = performance.now() - began;
  if (response.status !== 200) throw new Error(`${target.version} ${endpoint} answered ${response.status}: ${body.slice(0, 300)}`);
  return { ms, size: Buffer.byteLength(body) };
}

/** Other accounts, then the measured one, then payments and contacts in turn until its streams hold EVENTS events. */
async function seed(target: Target): Promise<void> {
  const apiKey = await onboardClient(target.url);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < OTHER_ACCOUNTS) {
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
    const events = await accountEvents(target);
    if (events >= EVENTS) break;
    // A command stores one or more events (a payment may also be noted by legal-referral): aim low, then count again.
    const rounds = Math.max(1, Math.floor((EVENTS - events) / 4));
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

/** Events in the services' streams of the account, as the integrity check counts them. */
async function accountEvents(target: Target): Promise<number> {
  const response = await fetch(`${target.url}/audit/accounts/${target.accountId}/integrity`, { headers: { authorization: COMPLIANCE } });
  const report = (await response.json()) as { ok: boolean; services: Array<{ streams: Array<{ events: number }> }> };
  if (!report.ok) throw new Error(`integrity check not ok while seeding: ${JSON.stringify(report).slice(0, 500)}`);
  return report.services.reduce((sum, service) => sum + service.streams.reduce((inner, stream) => inner + stream.events, 0), 0);
}

async function onboardClient(url: string): Promise<string> {
  const onboarded = (await expectStatus(post(url, '/clients', { name: 'Bench Client' }, { authorization: ADMIN }), 201, 'onboarding')) as { clientId: string };
  const key = (await expectStatus(post(url, `/clients/${onboarded.clientId}/api-keys`, undefined, { authorization: ADMIN }), 201, 'API key')) as { apiKey: string };
  return key.apiKey;
}

/** The built all-in-one of `root`, as `npm start` runs it, on a temporary data folder. */
async function start(version: string, root: string): Promise<Target> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `account-history-bench-${version}-`));
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.STAFF_TOKEN_SECRET;
  const main = join(root, 'dist', 'apps', 'all-in-one', 'src', 'main.js');
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ').filter(Boolean) : [];
  const child = spawn(process.execPath, [...nodeArgs, '-r', join(root, 'deploy', 'runtime', 'register-paths.js'), main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const target: Target = { version, root, child, url: `http://127.0.0.1:${port}`, dataDir, output, accountId: '', events: 0 };
  const deadline = performance.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${version} all-in-one exited with ${child.exitCode}: ${output.join('').slice(-2_000)}`);
    try {
      if ((await fetch(`${target.url}/health/ready`)).status === 200) return target;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      await stop(target);
      throw new Error(`${version} all-in-one not ready within ${READY_TIMEOUT_MS} ms`);
    }
    await sleep(50);
  }
}

async function stop(target: Target): Promise<void> {
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
