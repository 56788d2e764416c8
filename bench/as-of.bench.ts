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
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AccountPlaced, ContactAttemptRecorded, Contract, PaymentPosted } from '@lib/contracts';
import { createInMemoryReadModelStore, createMongoReadModelStore, ProjectedEvent, ReadModelStore } from '@lib/read-models';
import { AsOfQueries } from '../apps/reporting/src/read-models/as-of.queries';
import { accountPlaced, contactAttemptRecorded, paymentPosted } from '../apps/reporting/src/read-models/reporting.fixtures';
import { REPORTING_PROJECTIONS } from '../apps/reporting/src/read-models/reporting.queries';
import { SeededAllInOne, seedLongAccount, startAllInOne, stopAllInOne, timedGet, timeInTurn } from './all-in-one-seeding';
import { intFromEnv, percentile, reportFigure } from './bench-support';

const ROOT = join(__dirname, '..', '..');
const EVENTS = intFromEnv('BENCH_EVENTS', 1000, 20_000);
const OTHER_ACCOUNTS = intFromEnv('BENCH_OTHER_ACCOUNTS', 200, 20_000);
const REQUESTS = intFromEnv('BENCH_REQUESTS', 200, 10_000);

const PART = process.env.BENCH_PART ?? 'both';
const ENDPOINTS = ['live', 'as-of-now', 'as-of-middle', 'portfolio-as-of-now'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

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
  const targets: SeededAllInOne[] = [];
  try {
    for (const [version, root] of roots) {
      const target = await startAllInOne(version, root, 'as-of');
      targets.push(target);
      const seeded = performance.now();
      await seedLongAccount(target, EVENTS, OTHER_ACCOUNTS);
      console.log(`${version} all-in-one: seeded ${target.events} events on ${target.accountId} in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    }
    console.log(`load average after seeding ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const timed = await timeInTurn(targets, ENDPOINTS, REQUESTS, (target, endpoint) => timedGet(target, pathOf(target, endpoint, later)));
    const asOfNow = timed.find(({ target, endpoint }) => target === targets[targets.length - 1] && endpoint === 'as-of-now');
    reportFigure('as-of-account-p99-ms', percentile(asOfNow?.sorted ?? [], 99));
    console.table(timed.map(({ row }) => row));
  } catch (error) {
    for (const target of targets) console.error(`--- ${target.version} all-in-one output ---\n${target.output.join('').slice(-4_000)}`);
    throw error;
  } finally {
    for (const target of targets) await stopAllInOne(target);
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

/** Where each measured endpoint reads: `later` stands for now (after every event). */
function pathOf(target: SeededAllInOne, endpoint: Endpoint, later: string): string {
  const paths: Record<Endpoint, string> = {
    live: `/reports/accounts/${target.accountId}`,
    'as-of-now': `/reports/accounts/${target.accountId}?asOf=${encodeURIComponent(later)}`,
    'as-of-middle': `/reports/accounts/${target.accountId}?asOf=${encodeURIComponent(target.middle)}`,
    'portfolio-as-of-now': `/reports/portfolio/${target.clientId}?asOf=${encodeURIComponent(later)}`,
  };
  return paths[endpoint];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
