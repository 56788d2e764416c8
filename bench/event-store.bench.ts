/**
 * Event store benchmark: append throughput and latency for PostgreSQL and PGlite.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   node -r ./deploy/runtime/register-paths.js dist/bench/event-store.bench.js
 * or, without the project's resolver:
 *   TS_NODE_BASEURL=./dist node -r tsconfig-paths/register dist/bench/event-store.bench.js
 *
 * Environment (all optional):
 *   DATABASE_URL          PostgreSQL; read from .infra/env when unset; without it only PGlite runs
 *   BENCH_SINGLE_APPENDS  single-event appends per run (default 2000, max 100000)
 *   BENCH_BATCH_APPENDS   100-event appends per run (default 200, max 10000)
 *   BENCH_WRITERS         concurrent writers in the contended run (default 8, max 64)
 *
 * Every append goes to its own new stream with `no_stream`, as a command creating an
 * aggregate does; each timed call is one whole append (transaction, expected-version
 * check, hash chain, insert, commit). PostgreSQL runs in a fresh schema dropped at the
 * end. PGlite runs in memory and in a temporary data folder (the all-in-one setup).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { EventToAppend } from '@lib/es-core';
import { EventStore, createPgliteEventStore, createPostgresEventStore } from '@lib/event-store';

const BATCH_SIZE = 100;

interface Settings {
  singleAppends: number;
  batchAppends: number;
  writers: number;
}

interface Run {
  adapter: string;
  scenario: string;
  appends: number;
  events: number;
  seconds: number;
  latenciesMs: number[];
}

async function main(): Promise<void> {
  const settings: Settings = {
    singleAppends: intFromEnv('BENCH_SINGLE_APPENDS', 2000, 100_000),
    batchAppends: intFromEnv('BENCH_BATCH_APPENDS', 200, 10_000),
    writers: intFromEnv('BENCH_WRITERS', 8, 64),
  };
  const runs: Run[] = [];
  const databaseUrl = process.env.DATABASE_URL ?? readInfraEnv('DATABASE_URL');

  if (databaseUrl) {
    const schema = `es_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const store = await createPostgresEventStore({ connectionString: databaseUrl, schema, poolConfig: { max: settings.writers + 2 } });
    try {
      runs.push(...(await benchmark('PostgreSQL', store, settings, true)));
    } finally {
      await store.close();
      const admin = new Pool({ connectionString: databaseUrl, max: 1 });
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  } else {
    console.log('DATABASE_URL not set (nor in .infra/env): PostgreSQL skipped');
  }

  const memory = await createPgliteEventStore({});
  try {
    runs.push(...(await benchmark('PGlite (memory)', memory, settings, false)));
  } finally {
    await memory.close();
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'es-bench-pglite-'));
  const folder = await createPgliteEventStore({ dataDir });
  try {
    runs.push(...(await benchmark('PGlite (data folder)', folder, settings, false)));
  } finally {
    await folder.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  printTable(runs);
}

async function benchmark(adapter: string, store: EventStore, settings: Settings, concurrent: boolean): Promise<Run[]> {
  // Warm-up: JIT, connection pool, PGlite's first-query setup.
  await sequential(store, 50, 1);
  const runs: Run[] = [];
  runs.push({ adapter, scenario: '1 event/append, 1 writer', ...(await sequential(store, settings.singleAppends, 1)) });
  runs.push({ adapter, scenario: `${BATCH_SIZE} events/append, 1 writer`, ...(await sequential(store, settings.batchAppends, BATCH_SIZE)) });
  if (concurrent) {
    // Appends to different streams still queue on the per-schema advisory lock; this
    // shows what that lock costs when several command handlers write at once.
    runs.push({
      adapter,
      scenario: `1 event/append, ${settings.writers} writers`,
      ...(await parallel(store, settings.singleAppends, 1, settings.writers)),
    });
  }
  return runs;
}

async function sequential(store: EventStore, appends: number, eventsPerAppend: number): Promise<Omit<Run, 'adapter' | 'scenario'>> {
  return parallel(store, appends, eventsPerAppend, 1);
}

async function parallel(
  store: EventStore,
  appends: number,
  eventsPerAppend: number,
  writers: number,
): Promise<Omit<Run, 'adapter' | 'scenario'>> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < appends) {
        next += 1;
        const events = Array.from({ length: eventsPerAppend }, (_, index) => anEvent(index));
        const callStarted = performance.now();
        await store.appendToStream(`bench-${randomUUID()}`, events, { expectedVersion: 'no_stream' });
        latenciesMs.push(performance.now() - callStarted);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { appends: latenciesMs.length, events: latenciesMs.length * eventsPerAppend, seconds, latenciesMs };
}

function anEvent(index: number): EventToAppend {
  return {
    type: 'PaymentPosted',
    data: {
      accountId: 'account-0001',
      amount: { minor: 12_345 + index, currency: 'EUR' },
      receivedAt: new Date('2024-05-01T10:00:00.000Z'),
      method: 'bank-transfer',
      reference: `ref-${index}`,
    },
    metadata: {
      eventId: randomUUID(),
      principal: { role: 'accountant', id: 'accountant-1' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2024-05-01T10:00:00.000Z',
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function printTable(runs: Run[]): void {
  const rows = runs.map((run) => {
    const sorted = [...run.latenciesMs].sort((a, b) => a - b);
    return {
      adapter: run.adapter,
      scenario: run.scenario,
      appends: run.appends,
      'appends/s': Math.round(run.appends / run.seconds),
      'events/s': Math.round(run.events / run.seconds),
      'p50 ms': percentile(sorted, 50).toFixed(2),
      'p99 ms': percentile(sorted, 99).toFixed(2),
    };
  });
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  console.table(rows);
}

function intFromEnv(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new RangeError(`${name} must be an integer from 1 to ${max}; got ${raw}`);
  return value;
}

/** The same file jest reads (test/support/load-infra-env.ts), so `npm run infra:up` is enough. */
function readInfraEnv(name: string): string | undefined {
  const file = join(process.cwd(), '.infra', 'env');
  if (!existsSync(file)) return undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && match[1] === name) return match[2].replace(/^['"]|['"]$/g, '');
  }
  return undefined;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
