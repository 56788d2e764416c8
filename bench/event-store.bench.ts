/**
 * Event store benchmark: our PostgreSQL store against Emmett's PostgreSQL event store and
 * against a raw multi-row `pg` INSERT (the practical limit), side by side on one server;
 * then the PGlite store alone.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   node -r ./deploy/runtime/register-paths.js dist/bench/event-store.bench.js
 *
 * Environment (all optional):
 *   DATABASE_URL          PostgreSQL; read from .infra/env when unset; without it only PGlite runs
 *   BENCH_ROUNDS          interleaved rounds per scenario (default 6, max 50)
 *   BENCH_APPENDS         appends per system and round (default 1000, max 100000); the
 *                         8-writer single-event scenario runs twice as many
 *   BENCH_PGLITE          0 skips the PGlite runs
 *   BENCH_SCENARIOS       comma-separated scenario keys to run (batched, single-1,
 *                         single-8, existing-8; default all)
 *
 * Scenarios, every append to a new stream as a command creating an aggregate does:
 *   batched  8 writers, 10 events per append
 *   single   1 event per append, 1 writer and 8 writers
 * and one where single events go to streams that exist (each writer cycles over 10 streams
 * of its own, created first): ours with `expectedVersion: 'any'` (the append function),
 * Emmett without a version check (its default), the raw INSERT with the next version
 * counted in memory.
 * In each round the three systems run one after another (ours, Emmett, raw, then the next
 * round), so a change in the machine's load hits all three alike; each round yields one
 * ratio, and the table shows the median and the range of those ratios. Latency is the
 * whole append call; p50/p99 are over every call of every round. Client CPU is this
 * process's CPU per event (median of the rounds): what each system costs on the
 * application's side, less swayed by the machine's load than throughput.
 *
 * PostgreSQL runs in a fresh database (ours in schema `event_store`, Emmett in `public`,
 * the raw table in `raw_insert`) dropped at the end.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { EventToAppend } from '@lib/es-core';
import { EventStore, createPgliteEventStore, createPostgresEventStore } from '@lib/event-store';
import { intFromEnv, median, percentile, readInfraEnv, reportFigure } from './bench-support';

/** One system under test: appends `events` to a new stream, or to an existing one when `existing`. */
type Appender = (streamId: string, events: EventToAppend[], existing: boolean) => Promise<unknown>;

interface Scenario {
  name: string;
  /** Key of its figures in the issue 8 table (bench-support.ts, reportFigure). */
  figure?: string;
  writers: number;
  eventsPerAppend: number;
  appends: number;
  /** Append to streams that already exist (each writer its own 10) instead of new ones. */
  existing?: boolean;
}

const STREAMS_PER_WRITER = 10;

interface Run {
  events: number;
  seconds: number;
  latenciesMs: number[];
  /** CPU of this process (the client side: encoding, hashing, the driver) per event. */
  cpuMicrosPerEvent: number;
}

const SYSTEMS = ['ours', 'Emmett', 'raw INSERT'] as const;
type SystemName = (typeof SYSTEMS)[number];

async function main(): Promise<void> {
  const rounds = intFromEnv('BENCH_ROUNDS', 6, 50);
  const appends = intFromEnv('BENCH_APPENDS', 1000, 100_000);
  const wanted = process.env.BENCH_SCENARIOS ? new Set(process.env.BENCH_SCENARIOS.split(',').map((key) => key.trim())) : undefined;
  const scenarios: Scenario[] = [
    { name: 'batched: 8 writers, 10 events/append', figure: 'pg-batched', writers: 8, eventsPerAppend: 10, appends },
    { name: 'single: 1 writer, 1 event/append', figure: 'pg-single-1', writers: 1, eventsPerAppend: 1, appends },
    { name: 'single: 8 writers, 1 event/append', figure: 'pg-single-8', writers: 8, eventsPerAppend: 1, appends: appends * 2 },
    { name: 'single to existing streams: 8 writers', figure: 'pg-existing-8', writers: 8, eventsPerAppend: 1, appends: appends * 2, existing: true },
  ].filter((scenario) => wanted === undefined || wanted.has(scenario.figure!.replace(/^pg-/, '')));
  console.log(`node ${process.version}, ${new Date().toISOString()}, ${rounds} rounds`);

  const databaseUrl = process.env.DATABASE_URL ?? readInfraEnv('DATABASE_URL');
  if (databaseUrl) await comparePostgres(databaseUrl, scenarios, rounds);
  else console.log('DATABASE_URL not set (nor in .infra/env): PostgreSQL comparison skipped');

  if (process.env.BENCH_PGLITE !== '0') await benchPglite(appends);
}

async function comparePostgres(databaseUrl: string, scenarios: Scenario[], rounds: number): Promise<void> {
  const database = `es_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Pool({ connectionString: databaseUrl, max: 1 });
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  const benchUrl = url.toString();
  const ours = await createPostgresEventStore({ connectionString: benchUrl, schema: 'event_store', poolConfig: { max: 10 } });
  // Emmett gets a pool of the same size, owned here so it is ended before the drop.
  const emmettPool = new Pool({ connectionString: benchUrl, max: 10 });
  const emmett = getPostgreSQLEventStore(benchUrl, { connectionOptions: { pool: emmettPool } });
  const raw = new Pool({ connectionString: benchUrl, max: 10 });
  try {
    await raw.query(`CREATE SCHEMA raw_insert`);
    // Comparable to our events table: same columns, keys and constraints, no hash chain,
    // no expected-version check, positions from a sequence.
    await raw.query(`CREATE TABLE raw_insert.events (
      global_position bigserial PRIMARY KEY, stream_id text NOT NULL, version integer NOT NULL, event_id uuid NOT NULL UNIQUE,
      type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, occurred_at timestamptz NOT NULL, UNIQUE (stream_id, version))`);
    const rawVersions = new Map<string, number>();
    const systems: Record<SystemName, Appender> = {
      ours: (streamId, events, existing) => ours.appendToStream(streamId, events, { expectedVersion: existing ? 'any' : 'no_stream' }),
      Emmett: (streamId, events) => emmett.appendToStream(streamId, events.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata }))),
      'raw INSERT': async (streamId, events) => {
        const version = rawVersions.get(streamId) ?? 0;
        rawVersions.set(streamId, version + events.length);
        await rawInsert(raw, streamId, events, version);
      },
    };
    // Warm-up: JIT, pools, Emmett's schema creation, plan caches.
    for (const system of SYSTEMS) await drive(systems[system], { name: 'warm-up', writers: 8, eventsPerAppend: 10, appends: 100 });

    const table: Array<Record<string, string | number>> = [];
    const ratios: Array<Record<string, string>> = [];
    for (const scenario of scenarios) {
      const runs: Record<SystemName, Run[]> = { ours: [], Emmett: [], 'raw INSERT': [] };
      for (let round = 0; round < rounds; round += 1) {
        for (const system of SYSTEMS) runs[system].push(await drive(systems[system], scenario));
      }
      for (const system of SYSTEMS) table.push(summarise(scenario.name, system, runs[system]));
      const perRound = (other: SystemName): number[] => runs.ours.map((run, round) => throughput(run) / throughput(runs[other][round]));
      ratios.push({ scenario: scenario.name, 'ours / Emmett': ratioText(perRound('Emmett')), 'ours / raw INSERT': ratioText(perRound('raw INSERT')) });
      if (scenario.figure) {
        reportFigure(`${scenario.figure}-vs-emmett`, median(perRound('Emmett')));
        reportFigure(`${scenario.figure}-vs-raw`, median(perRound('raw INSERT')));
      }
    }
    console.log('PostgreSQL, side by side (events/s is the median of the rounds)');
    console.table(table);
    console.log('Throughput ratios, median [min-max] of the rounds');
    console.table(ratios);
  } finally {
    await ours.close();
    await emmett.close();
    await emmettPool.end();
    await raw.end();
    await dropWhenIdle(admin, database);
    await admin.end();
  }
}

/**
 * Emmett's schema migration opens a pool of its own that `close()` does not end; its idle
 * connections close after pg's idle timeout (10 s). Dropping the database under them
 * would kill them and crash this process with an unhandled pool error, so wait first.
 */
async function dropWhenIdle(admin: Pool, database: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await admin.query<{ sessions: string }>('SELECT count(*) AS sessions FROM pg_stat_activity WHERE datname = $1', [database]);
    if (Number(rows[0].sessions) === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}

/** A raw multi-row INSERT, one statement per append, as a hand-written repository would. */
async function rawInsert(pool: Pool, streamId: string, events: EventToAppend[], firstVersion: number): Promise<void> {
  const values: unknown[] = [];
  const tuples = events.map((event, index) => {
    const base = values.length;
    values.push(streamId, firstVersion + index, event.metadata.eventId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), event.metadata.occurredAt);
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7})`;
  });
  await pool.query(
    `INSERT INTO raw_insert.events (stream_id, version, event_id, type, data, metadata, occurred_at) VALUES ${tuples.join(', ')}`,
    values,
  );
}

async function drive(append: Appender, scenario: Scenario): Promise<Run> {
  const latenciesMs: number[] = [];
  const existing = scenario.existing ?? false;
  // Each writer's own streams, created before the clock starts, so no two appends to one stream overlap.
  const ownStreams = Array.from({ length: scenario.writers }, () => Array.from({ length: STREAMS_PER_WRITER }, () => `bench-${randomUUID()}`));
  if (existing) {
    for (const stream of ownStreams.flat()) await append(stream, [anEvent(0)], false);
  }
  let next = 0;
  const cpuAtStart = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    ownStreams.map(async (streams) => {
      let turn = 0;
      while (next < scenario.appends) {
        next += 1;
        const events = Array.from({ length: scenario.eventsPerAppend }, (_, index) => anEvent(index));
        const streamId = existing ? streams[turn++ % streams.length] : `bench-${randomUUID()}`;
        const callStarted = performance.now();
        await append(streamId, events, existing);
        latenciesMs.push(performance.now() - callStarted);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const events = latenciesMs.length * scenario.eventsPerAppend;
  return { events, seconds, latenciesMs, cpuMicrosPerEvent: (cpu.user + cpu.system) / events };
}

async function benchPglite(appends: number): Promise<void> {
  const table: Array<Record<string, string | number>> = [];
  const memory = await createPgliteEventStore({});
  try {
    table.push(...(await pgliteRuns('PGlite (memory)', memory, appends)));
  } finally {
    await memory.close();
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'es-bench-pglite-'));
  const folder = await createPgliteEventStore({ dataDir });
  try {
    table.push(...(await pgliteRuns('PGlite (data folder)', folder, appends)));
  } finally {
    await folder.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log('PGlite (one connection: writers queue, so one writer is shown)');
  console.table(table);
}

async function pgliteRuns(adapter: string, store: EventStore, appends: number): Promise<Array<Record<string, string | number>>> {
  const append: Appender = (streamId, events, existing) => store.appendToStream(streamId, events, { expectedVersion: existing ? 'any' : 'no_stream' });
  await drive(append, { name: 'warm-up', writers: 1, eventsPerAppend: 1, appends: 50 });
  return [
    summarise('1 writer, 1 event/append', adapter, [await drive(append, { name: '', writers: 1, eventsPerAppend: 1, appends })]),
    summarise('1 writer, 10 events/append', adapter, [await drive(append, { name: '', writers: 1, eventsPerAppend: 10, appends })]),
  ];
}

function summarise(scenario: string, system: string, runs: Run[]): Record<string, string | number> {
  const latencies = runs.flatMap((run) => run.latenciesMs).sort((a, b) => a - b);
  return {
    scenario,
    system,
    'events/s': Math.round(median(runs.map(throughput))),
    'p50 ms': percentile(latencies, 50).toFixed(2),
    'p99 ms': percentile(latencies, 99).toFixed(2),
    'client CPU µs/event': median(runs.map((run) => run.cpuMicrosPerEvent)).toFixed(1),
  };
}

function throughput(run: Run): number {
  return run.events / run.seconds;
}

function ratioText(ratios: number[]): string {
  return `${median(ratios).toFixed(2)}x [${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}]`;
}

function anEvent(index: number): EventToAppend {
  return {
    type: 'PaymentPosted',
    data: {
      accountId: 'account-0001',
      amount: { minor: 12_345 + index, currency: 'EUR' },
      receivedAt: '2024-05-01T10:00:00.000Z',
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

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
