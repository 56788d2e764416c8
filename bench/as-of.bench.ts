/**
 * Reports as of a past instant (`?asOf=`): p50/p95/p99 of reporting's account summary
 * as it stood at an instant, folded again from the logged events with the live
 * projection, for an account with 1,000 events (all services), beside the live summary.
 *
 * Part 1, through HTTP in the built all-in-one (PGlite stores, its read models), seeded by
 * the real flows exactly as bench/account-history.bench.ts does (a placement, then
 * payments and contact attempts in turn until the account's streams hold BENCH_EVENTS
 * events; BENCH_OTHER_ACCOUNTS other accounts first). Measured in turn, request by request
 * (the order rotating): the live summary, as of now (every event folded) and as of the
 * middle of the seeding (half of them), and the client's portfolio as of now.
 *
 * Part 2, the same fold without HTTP on the read-model stores themselves: BENCH_EVENTS
 * reported events of one account (a placement, then payments and contact attempts) among
 * BENCH_OTHER_ACCOUNTS other accounts' events, on the in-memory store and, when MONGO_URL
 * is set, on the MongoDB-wire server (a database of its own, dropped at the end).
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   set -a; . /work/main/.infra/env; set +a   # for part 2 on the MongoDB-wire server
 *   node -r ./deploy/runtime/register-paths.js dist/bench/as-of.bench.js
 *
 * Environment (all optional):
 *   BENCH_EVENTS          events of the measured account (default 1000, max 20000)
 *   BENCH_OTHER_ACCOUNTS  other accounts (default 200, max 20000)
 *   BENCH_REQUESTS        timed requests per endpoint (default 200, max 10000)
 *   BENCH_PART            1, 2 or both (default both)
 *   BENCH_BEFORE_ROOT     part 1 before/after in one run: another checkout, built with
 *                         `npm run build` (node_modules linked), started and seeded the same
 *                         way; the requests go to both in turn (request by request, the order rotating)
 *   BENCH_NODE_ARGS       extra node options for the all-in-one processes (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`)
 *
 * Only 127.0.0.1, free ports, temporary data folders removed at the end. STAFF_TOKEN_SECRET
 * is left unset: the processes check staff tokens against the public demo secret.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AccountPlaced, ContactAttemptRecorded, Contract, PaymentPosted } from '@lib/contracts';
import { DEV_STAFF_TOKEN_SECRET, signStaffToken } from '@lib/platform';
import { createInMemoryReadModelStore, createMongoReadModelStore, ProjectedEvent, ReadModelStore } from '@lib/read-models';
import { AsOfQueries } from '../apps/reporting/src/read-models/as-of.queries';
import { accountPlaced, contactAttemptRecorded, paymentPosted } from '../apps/reporting/src/read-models/reporting.fixtures';
import { REPORTING_PROJECTIONS } from '../apps/reporting/src/read-models/reporting.queries';
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

const PART = process.env.BENCH_PART ?? 'both';
const ENDPOINTS = ['live', 'as-of-now', 'as-of-middle', 'portfolio-as-of-now'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

interface Target {
  version: string;
  root: string;
  child: ChildProcess;
  url: string;
  dataDir: string;
  output: string[];
  accountId: string;
  clientId: string;
  events: number;
  middle: string;
}

async function main(): Promise<void> {
  console.log(`as-of bench: ${EVENTS} events on the account, ${OTHER_ACCOUNTS} other accounts, ${REQUESTS} requests per endpoint; load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  if (PART !== '2') await overHttp();
  if (PART !== '1') await onTheStores();
  console.log(`load average at the end ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
}

async function overHttp(): Promise<void> {
  const roots: [string, string][] = [['after', ROOT]];
  if (process.env.BENCH_BEFORE_ROOT) roots.unshift(['before', process.env.BENCH_BEFORE_ROOT]);
  const targets: Target[] = [];
  try {
    for (const [version, root] of roots) {
      const target = await start(version, root);
      targets.push(target);
      const seeded = performance.now();
      await seed(target);
      console.log(`${version} all-in-one: seeded ${target.events} events on ${target.accountId} in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    }
    console.log(`load average after seeding ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
    const latencies = new Map<string, number[]>();
    const bytes = new Map<string, number>();
    const key = (target: Target, endpoint: Endpoint) => `${target.version} ${endpoint}`;
    const later = new Date(Date.now() + 3_600_000).toISOString();
    // Warm-up (JIT, connections), not counted.
    for (let i = 0; i < 20; i++) for (const target of targets) for (const endpoint of ENDPOINTS) await timedGet(target, endpoint, later);
    const pairs = targets.flatMap((target) => ENDPOINTS.map((endpoint) => [target, endpoint] as const));
    for (let round = 0; round < REQUESTS; round++) {
      for (let i = 0; i < pairs.length; i++) {
        const [target, endpoint] = pairs[(round + i) % pairs.length];
        const { ms, size } = await timedGet(target, endpoint, later);
        const samples = latencies.get(key(target, endpoint)) ?? [];
        samples.push(ms);
        latencies.set(key(target, endpoint), samples);
        bytes.set(key(target, endpoint), size);
      }
    }
    const after = targets[targets.length - 1];
    reportFigure('as-of-account-p99-ms', percentile([...(latencies.get(key(after, 'as-of-now')) ?? [])].sort((a, b) => a - b), 99));
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
    for (const target of targets) console.error(`--- ${target.version} all-in-one output ---\n${target.output.join('').slice(-4_000)}`);
    throw error;
  } finally {
    for (const target of targets) await stop(target);
  }
}

/** The account's reported events, as the bus would deliver them: a placement, then payments and contact attempts. */
function reportedHistory(accountId: string, clientId: string, events: number, from: number): ProjectedEvent[] {
  const recorded = <Data extends object>(contract: Contract<Data>, data: Data, stream: string, version: number, at: number): ProjectedEvent => ({
    streamId: `${stream}#${contract.type}`,
    version,
    type: contract.type,
    data: data as Record<string, unknown>,
    metadata: { sourceStream: stream, occurredAt: new Date(at).toISOString(), principal: { role: 'system', id: 'bench' } },
  });
  const history = [recorded(AccountPlaced, accountPlaced(accountId, clientId, 1_000_000), `account-${accountId}`, 0, from)];
  for (let n = 1; history.length < events; n++) {
    const at = from + n * 60_000;
    history.push(recorded(PaymentPosted, paymentPosted(accountId, clientId, `p${n}`, 100, 1_000_000 - 100 * n), `ledger-${accountId}`, n, at));
    if (history.length < events) history.push(recorded(ContactAttemptRecorded, contactAttemptRecorded(accountId, clientId, new Date(at).toISOString()), `contact-${accountId}`, n, at + 1));
  }
  return history;
}

async function onTheStores(): Promise<void> {
  const stores: Array<[string, () => Promise<{ store: ReadModelStore; drop: () => Promise<void> }>]> = [['memory', async () => ({ store: createInMemoryReadModelStore(), drop: async () => undefined })]];
  if (process.env.MONGO_URL) {
    stores.push([
      'mongodb-wire',
      async () => {
        const dbName = `rm_asof_bench_${randomUUID().slice(0, 8)}`;
        const store = await createMongoReadModelStore({ url: process.env.MONGO_URL!, dbName });
        return { store, drop: async () => dropDatabase(process.env.MONGO_URL!, dbName) };
      },
    ]);
  }
  const rows: object[] = [];
  for (const [name, open] of stores) {
    const { store, drop } = await open();
    try {
      const from = Date.parse('2026-01-01T00:00:00Z');
      const clientId = randomUUID();
      const measured = randomUUID();
      const seeded = performance.now();
      const all: ProjectedEvent[] = [];
      for (let other = 0; other < OTHER_ACCOUNTS; other++) all.push(...reportedHistory(randomUUID(), clientId, 5, from));
      all.push(...reportedHistory(measured, clientId, EVENTS, from));
      for (let start = 0; start < all.length; start += 500) {
        const batch = all.slice(start, start + 500);
        for (const projection of REPORTING_PROJECTIONS) await store.apply(projection, batch);
      }
      console.log(`${name}: seeded ${all.length} reported events in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
      const asOf = new AsOfQueries(store);
      const instants = { 'as-of-now': new Date(from + EVENTS * 60_000).toISOString(), 'as-of-middle': new Date(from + (EVENTS / 4) * 60_000).toISOString() };
      const samples = new Map<string, number[]>();
      const kinds = Object.keys(instants) as Array<keyof typeof instants>;
      for (let i = 0; i < 10; i++) for (const kind of kinds) await asOf.accountSummary(measured, instants[kind]);
      for (let round = 0; round < REQUESTS; round++) {
        for (let i = 0; i < kinds.length; i++) {
          const kind = kinds[(round + i) % kinds.length];
          const began = performance.now();
          const summary = await asOf.accountSummary(measured, instants[kind]);
          samples.set(kind, [...(samples.get(kind) ?? []), performance.now() - began]);
          if (!summary) throw new Error(`${name}: no summary as of ${instants[kind]}`);
        }
      }
      for (const kind of kinds) {
        const sorted = [...(samples.get(kind) ?? [])].sort((a, b) => a - b);
        rows.push({ store: name, query: kind, events: kind === 'as-of-now' ? EVENTS : Math.floor(EVENTS / 2), requests: sorted.length, 'p50 ms': percentile(sorted, 50).toFixed(2), 'p95 ms': percentile(sorted, 95).toFixed(2), 'p99 ms': percentile(sorted, 99).toFixed(2) });
      }
      reportFigure(`as-of-store-${name}-p99-ms`, percentile([...(samples.get('as-of-now') ?? [])].sort((a, b) => a - b), 99));
    } finally {
      await store.close();
      await drop();
    }
  }
  console.table(rows);
}

async function dropDatabase(url: string, dbName: string): Promise<void> {
  const { MongoClient } = await import('mongodb');
  const client = new MongoClient(url);
  try {
    await client.connect();
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}

async function timedGet(target: Target, endpoint: Endpoint, later: string): Promise<{ ms: number; size: number }> {
  const paths: Record<Endpoint, string> = {
    live: `/reports/accounts/${target.accountId}`,
    'as-of-now': `/reports/accounts/${target.accountId}?asOf=${encodeURIComponent(later)}`,
    'as-of-middle': `/reports/accounts/${target.accountId}?asOf=${encodeURIComponent(target.middle)}`,
    'portfolio-as-of-now': `/reports/portfolio/${target.clientId}?asOf=${encodeURIComponent(later)}`,
  };
  const began = performance.now();
  const response = await fetch(`${target.url}${paths[endpoint]}`, { headers: { authorization: COMPLIANCE } });
  const body = await response.text();
  const ms = performance.now() - began;
  if (response.status !== 200) throw new Error(`${endpoint} answered ${response.status}: ${body.slice(0, 300)}`);
  return { ms, size: Buffer.byteLength(body) };
}

/** Other accounts, then the measured one, then payments and contacts in turn until its streams hold EVENTS events. */
async function seed(target: Target): Promise<void> {
  const { apiKey, clientId } = await onboardClient(target.url);
  target.clientId = clientId;
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
    if (!target.middle && events >= EVENTS / 2) target.middle = new Date().toISOString();
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

async function onboardClient(url: string): Promise<{ apiKey: string; clientId: string }> {
  const onboarded = (await expectStatus(post(url, '/clients', { name: 'Bench Client' }, { authorization: ADMIN }), 201, 'onboarding')) as { clientId: string };
  const key = (await expectStatus(post(url, `/clients/${onboarded.clientId}/api-keys`, undefined, { authorization: ADMIN }), 201, 'API key')) as { apiKey: string };
  return { apiKey: key.apiKey, clientId: onboarded.clientId };
}

/** The built all-in-one of `root`, as `npm start` runs it, on a temporary data folder. */
async function start(version: string, root: string): Promise<Target> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `as-of-bench-${version}-`));
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
  const target: Target = { version, root, child, url: `http://127.0.0.1:${port}`, dataDir, output, accountId: '', clientId: '', events: 0, middle: '' };
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
