/**
 * Read-model throughput: projected events per second applied in batches, into MongoDB
 * (FerretDB locally) and into the in-memory store for comparison.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   TS_NODE_BASEURL=./dist node -r tsconfig-paths/register dist/bench/read-models.bench.js
 *
 * Settings (environment): MONGO_URL (else read from .infra/env; only 127.0.0.1 is accepted),
 * BENCH_ACCOUNTS (default 500), BENCH_PAYMENTS per account (default 9), BENCH_CLIENTS
 * (default 20), BENCH_BATCH events per apply (default 500), BENCH_REBUILD_BATCH (default
 * 5000), BENCH_SECONDS per scenario (default 60; a scenario stops at the first batch
 * boundary past it, and the replay and rebuilds then use the events the first apply got to).
 * It works in a database of its own (`rm_bench_<pid>`), dropped at the end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createInMemoryReadModelStore,
  createMongoReadModelStore,
  ProjectedEvent,
  Projection,
  ReadModelStore,
  rebuildProjection,
} from '@lib/read-models';
import { mongo } from 'mongoose';

const settings = {
  accounts: intFromEnv('BENCH_ACCOUNTS', 500),
  payments: intFromEnv('BENCH_PAYMENTS', 9),
  clients: intFromEnv('BENCH_CLIENTS', 20),
  batch: intFromEnv('BENCH_BATCH', 500),
  rebuildBatch: intFromEnv('BENCH_REBUILD_BATCH', 5000),
  seconds: intFromEnv('BENCH_SECONDS', 60),
};

interface Row {
  store: string;
  scenario: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  documents: number;
  complete: boolean;
}

async function main(): Promise<void> {
  const url = mongoUrl();
  const history = accountHistory(settings.accounts, settings.clients, settings.payments);
  console.log(`read-models bench: ${history.length} events, ${settings.accounts} accounts, ${settings.clients} clients, at most ~${settings.seconds}s per scenario`);

  const rows: Row[] = [];
  rows.push(...(await runScenarios('in-memory', createInMemoryReadModelStore(), history)));

  const dbName = `rm_bench_${process.pid}`;
  const store = await createMongoReadModelStore({ url, dbName });
  try {
    rows.push(...(await runScenarios('mongodb', store, history)));
    console.log(`mongodb conflict retries: ${store.conflictRetries}`);
  } finally {
    await store.close();
    await dropDatabase(url, dbName);
  }

  console.table(rows.map((row) => ({ ...row, seconds: row.seconds.toFixed(2), eventsPerSecond: Math.round(row.eventsPerSecond) })));
  console.log(JSON.stringify({ settings, rows }));
}

async function runScenarios(label: string, store: ReadModelStore, history: readonly ProjectedEvent[]): Promise<Row[]> {
  const rows: Row[] = [];
  const balances = accountBalances('bench_balances');
  const portfolios = clientPortfolios('bench_portfolios');

  const first = await timed(label, `balances: first apply, batches of ${settings.batch} (1 doc per stream)`, store, balances, () =>
    applyInBatches(store, balances, history, settings.batch),
  );
  rows.push(first);
  const applied = history.slice(0, first.events);
  rows.push(await timed(label, 'balances: replay of the same events (all duplicates)', store, balances, () => applyInBatches(store, balances, applied, settings.batch)));
  for (const batchSize of [settings.batch, settings.rebuildBatch]) {
    rows.push(await timed(label, `balances: rebuild from scratch, batches of ${batchSize}`, store, balances, async () => {
      const deadline = Date.now() + settings.seconds * 1000;
      const result = await rebuildProjection(store, balances, untilDeadline(applied, deadline), { batchSize });
      return { events: result.applied, complete: result.applied === applied.length };
    }));
  }
  rows.push(await timed(label, `portfolios: first apply, batches of ${settings.batch} (${settings.clients} hot docs)`, store, portfolios, () =>
    applyInBatches(store, portfolios, history, settings.batch),
  ));

  const queryStart = performance.now();
  const queries = 20;
  for (let n = 0; n < queries; n++) {
    await store.find(balances.name, { status: 'active', clientId: `client-${n % settings.clients}` }, { sort: { 'balance.amount': -1 }, limit: 20 });
  }
  const perQueryMs = (performance.now() - queryStart) / queries;
  console.log(`${label}: filtered+sorted page of 20 over ${await store.count(balances.name)} docs: ${perQueryMs.toFixed(1)} ms/query`);

  await store.reset(balances.name);
  await store.reset(portfolios.name);
  return rows;
}

async function applyInBatches(
  store: ReadModelStore,
  projection: Projection<any>,
  history: readonly ProjectedEvent[],
  batchSize: number,
): Promise<{ events: number; complete: boolean }> {
  const deadline = Date.now() + settings.seconds * 1000;
  let events = 0;
  for (let start = 0; start < history.length; start += batchSize) {
    if (Date.now() > deadline) return { events, complete: false };
    const batch = history.slice(start, start + batchSize);
    await store.apply(projection, batch);
    events += batch.length;
  }
  return { events, complete: true };
}

async function timed(
  label: string,
  scenario: string,
  store: ReadModelStore,
  projection: Projection<any>,
  run: () => Promise<{ events: number; complete: boolean }>,
): Promise<Row> {
  const start = performance.now();
  const { events, complete } = await run();
  const seconds = (performance.now() - start) / 1000;
  const row = { store: label, scenario, events, seconds, eventsPerSecond: events / seconds, documents: await store.count(projection.name), complete };
  console.log(`${label} | ${scenario}: ${events} events in ${seconds.toFixed(2)}s = ${Math.round(row.eventsPerSecond)} events/s${complete ? '' : ' (stopped at the time limit)'}`);
  return row;
}

function* untilDeadline<T>(items: readonly T[], deadline: number): Generator<T> {
  for (const item of items) {
    if (Date.now() > deadline) return;
    yield item;
  }
}

interface AccountBalance {
  accountId: string;
  clientId: string;
  status: 'active' | 'paid';
  balance: { amount: number; currency: string };
  payments: number;
}

function accountBalances(name: string): Projection<AccountBalance> {
  return {
    name,
    handles: ['AccountPlaced', 'PaymentPosted'],
    documentIds: (event) => [event.streamId],
    evolve(document, event) {
      if (event.type === 'AccountPlaced') {
        const { accountId, clientId, amount, currency } = event.data;
        return { accountId, clientId, status: 'active', balance: { amount, currency }, payments: 0 };
      }
      if (!document) return null;
      const amount = document.balance.amount - event.data.amount;
      return { ...document, status: amount > 0 ? 'active' : 'paid', balance: { ...document.balance, amount }, payments: document.payments + 1 };
    },
  };
}

interface ClientPortfolio {
  clientId: string;
  accounts: number;
  placedTotal: number;
  collectedTotal: number;
}

function clientPortfolios(name: string): Projection<ClientPortfolio> {
  return {
    name,
    handles: ['AccountPlaced', 'PaymentPosted'],
    documentIds: (event) => [event.data.clientId],
    evolve(document, event) {
      const current = document ?? { clientId: event.data.clientId, accounts: 0, placedTotal: 0, collectedTotal: 0 };
      return event.type === 'AccountPlaced'
        ? { ...current, accounts: current.accounts + 1, placedTotal: current.placedTotal + event.data.amount }
        : { ...current, collectedTotal: current.collectedTotal + event.data.amount };
    },
  };
}

/** Account streams placed then paid, interleaved round by round as the event store would order them. */
function accountHistory(accounts: number, clients: number, payments: number): ProjectedEvent[] {
  const events: ProjectedEvent[] = [];
  for (let round = 0; round <= payments; round++) {
    for (let a = 0; a < accounts; a++) {
      const streamId = `account-${String(a).padStart(8, '0')}-bench`;
      const clientId = `client-${a % clients}`;
      const metadata = { eventId: `${streamId}@${round}` };
      events.push(
        round === 0
          ? { streamId, version: 0, type: 'AccountPlaced', data: { accountId: streamId, clientId, amount: 100_000 + a, currency: 'USD' }, metadata }
          : { streamId, version: round, type: 'PaymentPosted', data: { accountId: streamId, clientId, amount: 1_000 + (a % 97) }, metadata },
      );
    }
  }
  return events;
}

function mongoUrl(): string {
  let url = process.env.MONGO_URL;
  const envFile = join(process.cwd(), '.infra', 'env');
  if (!url && existsSync(envFile)) {
    url = /^(?:export\s+)?MONGO_URL=(.*)$/m.exec(readFileSync(envFile, 'utf8'))?.[1]?.trim().replace(/^['"]|['"]$/g, '');
  }
  if (!url) throw new Error('MONGO_URL is not set and .infra/env has none: start the local infrastructure first');
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error('MONGO_URL is not a single-host URL; the bench only runs against 127.0.0.1');
  }
  if (host !== '127.0.0.1') throw new Error(`the bench only runs against 127.0.0.1, not ${host}`);
  return url;
}

async function dropDatabase(url: string, dbName: string): Promise<void> {
  const client = new mongo.MongoClient(url);
  try {
    await client.connect();
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
