/**
 * Read-model throughput and latency with reporting's own projections (portfolio, account
 * summaries, legal pipeline, audit trail), the three figures issue 8 asks for:
 *
 *  1. live path on the MongoDB-wire server, from BENCH_APPLIERS concurrent appliers
 *     (partitions consumed at once), each owning its accounts, so events of one stream stay
 *     in order, three ways, one after another in one run:
 *     a. one event per `apply`, projections one after another (reporting's consumer before
 *        batch consumption; the issue 8 table's row);
 *     b. one event per `apply`, the event's projections concurrently;
 *     c. consumer batches of BENCH_CONSUMER_BATCH (default 100) events: per batch, each
 *        projection gets its events in one `apply`, projections concurrently, exactly as
 *        reporting's batch consumer does (`applyConcurrently`);
 *     d. pipelined: one event per `apply`, handed over as messages arrive without waiting
 *        for the ones before (at most BENCH_PIPELINE, default 100, unacknowledged per
 *        applier), acknowledged in order once applied: the store's rounds group what is
 *        queued (group commit); latency is hand-over → acknowledgement;
 *  2. rebuild on the MongoDB-wire server once documents must be replaced:
 *     `rebuildProjection` per projection in batches of BENCH_REBUILD_BATCH, over a history
 *     long enough that every batch after the first replaces the documents of the ones before
 *     (a store that folds a rebuild in memory, see `BulkRebuildTarget`, inserts each once instead);
 *  3. rebuild in memory, one event per `apply`, as reporting replays its topics.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   TS_NODE_BASEURL=./dist node -r tsconfig-paths/register dist/bench/read-models.bench.js
 *
 * Before/after in one run: BENCH_BEFORE=<path to the compiled index.js of another version
 * of libs/read-models> runs the same scenarios with it too (docs/benchmarks.md shows how
 * to build one from a commit).
 *
 * Settings (environment): MONGO_URL (else read from .infra/env; only 127.0.0.1 is accepted),
 * BENCH_ACCOUNTS (default 200), BENCH_PAYMENTS per account (default 6), BENCH_APPLIERS
 * (default 8), BENCH_CONSUMER_BATCH (default 100), BENCH_REBUILD_BATCH (default 1000),
 * BENCH_LIVE_ONLY (1: only the live-path scenarios), BENCH_LIVE_MODES (comma-separated
 * subset of sequential,concurrent,batched,pipelined; default all but pipelined), BENCH_PIPELINE, BENCH_STORE_CONCURRENCY
 * (the MongoDB store's `concurrency`, default its own), BENCH_SERIAL_WRITES (comma-separated
 * 1/0: run each live scenario with the store's `serialWrites` on and/or off; default its own.
 * Off on FerretDB with big rounds can exhaust its connection pool and wedge the database, see
 * docs/read-models.md), BENCH_PROFILE (1: after each live scenario, the MongoDB commands sent
 * per name and collection with their time, and the documents' sizes), BENCH_SECONDS per scenario (default 60;
 * a scenario stops at the first apply or batch past it). It works in a database of its own
 * (`rm_bench_<pid>`), dropped at the end.
 *
 * Large rebuild (issue 13): BENCH_EVENTS=<n> (e.g. 1000000) replaces the scenarios above by a
 * rebuild of `n` events streamed from a generator, never held as an array. Targets
 * (BENCH_LARGE_TARGETS, comma-separated, default memory,memory-generations,mongo):
 *  - memory: the in-memory store, as reporting's batch consumer replays its topics: consumer
 *    batches of BENCH_CONSUMER_BATCH (default 100, the bus's maxBatchSize), one `apply` per
 *    projection and batch;
 *  - memory-per-event: the same, each event to each of its projections in its own `apply`;
 *    BENCH_LIVE_DOCUMENTS: the in-memory store's `liveDocuments` (default its own);
 *  - memory-generations: reporting's own rebuild (`POST /reports/read-models/rebuild`,
 *    `rebuildIntoNewGenerations`) on in-memory read models kept in generations, as reporting
 *    keeps them: the store is filled by the consumer path first (not timed), then every read
 *    model that is not a source is rebuilt from the account logs and the audit trail and
 *    switched over; the row counts the history's events, read back from those records;
 *  - mongo: the MongoDB-wire server, one projection after another (`rebuildProjection`, each
 *    reading the history again); mongo-one-pass: every projection from ONE pass over the
 *    history (`rebuildProjections`: every fold in memory at once, inserted while folding goes
 *    on; at 1 000 000 events it ran against the heap limit, see docs/benchmarks.md); batches of
 *    BENCH_REBUILD_BATCH (default 5000 here), at most BENCH_REBUILD_MAX_DOCUMENTS folded per
 *    projection before they are inserted (default 100 000 here: more than one projection's
 *    documents, see docs/benchmarks.md for what happens past it).
 * The history is shaped like a portfolio: as many accounts as it takes (about 18 events
 * each), 50 clients, each account placed, sent a notice, 1-3 contact attempts, a promise on 3
 * of 5, 0-8 payments, a legal stage on 1 of 6, every fact also as its service's audit record,
 * delivered in rounds as the topics would. Each row prints events/s (source events over the
 * whole rebuild, wall), the process's CPU time and events per CPU second (what a free core
 * would reach: the machine is shared), GC pauses, peak RSS and heap (sampled every 200 ms)
 * against V8's heap limit, and the load average. BENCH_SECONDS defaults to 3600 in this mode.
 */
import { existsSync, readFileSync } from 'node:fs';
import { constants, PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import * as os from 'node:os';
import { join } from 'node:path';
import * as current from '@lib/read-models';
import { BulkRebuildTarget, ProjectedEvent, Projection, ReadModelStore } from '@lib/read-models';
import { AccountPlaced, AuditRecord, Contract, ContactAttemptRecorded, LegalStageChanged, NoticeSent, PaymentPosted, PromiseToPayMade } from '@lib/contracts';
import { mongo } from 'mongoose';
import { reportFigure } from './bench-support';
import { auditEventOf } from '../apps/reporting/src/read-models/audit-trail.projection';
import { REPORTING_PROJECTIONS, RETIRED_COLLECTIONS } from '../apps/reporting/src/read-models/reporting.queries';
import { rebuildIntoNewGenerations } from '../apps/reporting/src/application/rebuild-read-models/rebuild-into-new-generations';
import { applyConcurrently } from '../apps/reporting/src/integration/inbound/project-integration-events.handler';
import {
  accountPlaced,
  auditRecord,
  contactAttemptRecorded,
  legalStageChanged,
  noticeSent,
  paymentPosted,
  projected,
  promiseToPayMade,
} from '../apps/reporting/src/read-models/reporting.fixtures';

const settings = {
  accounts: intFromEnv('BENCH_ACCOUNTS', 200),
  payments: intFromEnv('BENCH_PAYMENTS', 6),
  appliers: intFromEnv('BENCH_APPLIERS', 8),
  consumerBatch: intFromEnv('BENCH_CONSUMER_BATCH', 100),
  pipeline: intFromEnv('BENCH_PIPELINE', 100),
  liveOnly: process.env.BENCH_LIVE_ONLY === '1',
  // Pipelined only when asked: a quiet table run on 2026-12-06 hung in it with FerretDB idle (not explained yet; docs/benchmarks.md).
  liveModes: (process.env.BENCH_LIVE_MODES ?? 'sequential,concurrent,batched').split(','),
  storeConcurrency: process.env.BENCH_STORE_CONCURRENCY ? intFromEnv('BENCH_STORE_CONCURRENCY', 8) : undefined,
  rebuildBatch: intFromEnv('BENCH_REBUILD_BATCH', process.env.BENCH_EVENTS ? 5000 : 1000),
  rebuildMaxDocuments: process.env.BENCH_REBUILD_MAX_DOCUMENTS ? intFromEnv('BENCH_REBUILD_MAX_DOCUMENTS', 100_000) : process.env.BENCH_EVENTS ? 100_000 : undefined,
  seconds: intFromEnv('BENCH_SECONDS', process.env.BENCH_EVENTS ? 3600 : 60),
  largeEvents: process.env.BENCH_EVENTS ? intFromEnv('BENCH_EVENTS', 1_000_000) : undefined,
  largeTargets: (process.env.BENCH_LARGE_TARGETS ?? 'memory,memory-generations,mongo').split(','),
  liveDocuments: process.env.BENCH_LIVE_DOCUMENTS ? intFromEnv('BENCH_LIVE_DOCUMENTS', 100_000) : undefined,
  profile: process.env.BENCH_PROFILE === '1',
  serialWrites: process.env.BENCH_SERIAL_WRITES ? process.env.BENCH_SERIAL_WRITES.split(',').map((value) => value === '1') : [undefined],
};

/** The part of `@lib/read-models` the bench drives, so another version can be swapped in. */
type ReadModelsLibrary = Pick<typeof current, 'createMongoReadModelStore' | 'createInMemoryReadModelStore' | 'rebuildProjection' | 'rebuildProjections' | 'GenerationalReadModelStore'>;

interface Row {
  version: string;
  scenario: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Milliseconds per event's or consumer batch's applies (live), per `apply` (in memory) or per batch (rebuild). */
  p50: number;
  p95: number;
  p99: number;
  complete: boolean;
}

async function main(): Promise<void> {
  const url = mongoUrl();
  if (settings.largeEvents) return largeRebuilds(url, settings.largeEvents);
  const history = reportingHistory(settings.accounts, settings.payments);
  console.log(`read-models bench: ${history.length} events (${settings.accounts} accounts), ${settings.appliers} appliers, at most ~${settings.seconds}s per scenario`);
  const versions: [string, ReadModelsLibrary][] = [['after', current]];
  if (process.env.BENCH_BEFORE) versions.unshift(['before', (await import(process.env.BENCH_BEFORE)) as ReadModelsLibrary]);

  const rows: Row[] = [];
  for (const [version, library] of versions) {
    const dbName = `rm_bench_${process.pid}_${version}`;
    try {
      for (const mode of LIVE_MODES.filter((candidate) => settings.liveModes.includes(candidate.name))) {
        for (const serialWrites of settings.serialWrites) rows.push(await livePath(version, library, url, `${dbName}_${mode.name}`, history, mode, serialWrites));
      }
      if (!settings.liveOnly) rows.push(await mongoRebuild(version, library, url, dbName, history));
    } finally {
      await dropDatabase(url, dbName);
    }
    if (!settings.liveOnly) rows.push(await inMemoryRebuild(version, library, history));
  }
  // The issue 8 table reads the current library's rows; the live path's row is one event per apply, projections one after another.
  const latest = rows.filter((row) => row.version !== 'before');
  const live = latest.find((row) => row.scenario.startsWith(describeLiveMode(LIVE_MODES[0])));
  const batched = latest.find((row) => row.scenario.startsWith(describeLiveMode(LIVE_MODES[2])));
  const pipelinedRow = latest.find((row) => row.scenario.startsWith(describeLiveMode(LIVE_MODES[3])));
  const [rebuilt, inMemory] = latest.filter((row) => !row.scenario.includes('live path'));
  if (live) reportFigure('mongo-live-events-per-s', live.eventsPerSecond);
  if (batched) reportFigure('mongo-live-batched-events-per-s', batched.eventsPerSecond);
  if (pipelinedRow) reportFigure('mongo-live-pipelined-events-per-s', pipelinedRow.eventsPerSecond);
  if (rebuilt) reportFigure('mongo-rebuild-events-per-s', rebuilt.eventsPerSecond);
  if (inMemory) reportFigure('memory-rebuild-events-per-s', inMemory.eventsPerSecond);

  console.table(rows.map((row) => ({ ...row, seconds: row.seconds.toFixed(2), eventsPerSecond: Math.round(row.eventsPerSecond), p50: row.p50.toFixed(2), p95: row.p95.toFixed(2), p99: row.p99.toFixed(2) })));
  console.log(JSON.stringify({ settings, rows }));
}

interface LiveMode {
  name: string;
  /** Events handed to the store together (one partition's consumer batch). */
  batch: number;
  /** The batch's projections applied concurrently (else one after another). */
  concurrent: boolean;
  /** Events of one applier handed to the store before the oldest is acknowledged (1: wait for each). */
  inFlight: number;
}

const LIVE_MODES: readonly LiveMode[] = [
  { name: 'sequential', batch: 1, concurrent: false, inFlight: 1 },
  { name: 'concurrent', batch: 1, concurrent: true, inFlight: 1 },
  { name: 'batched', batch: settings.consumerBatch, concurrent: true, inFlight: 1 },
  { name: 'pipelined', batch: 1, concurrent: true, inFlight: settings.pipeline },
];

function describeLiveMode(mode: LiveMode): string {
  if (mode.inFlight > 1) return `MongoDB-wire live path: one event per apply as messages arrive, at most ${mode.inFlight} unacknowledged per applier (acknowledged in order), projections concurrent, ${settings.appliers} appliers`;
  if (mode.batch === 1) return `MongoDB-wire live path: one event per apply, projections ${mode.concurrent ? 'concurrent' : 'one after another'}, ${settings.appliers} appliers`;
  return `MongoDB-wire live path: consumer batches of ${mode.batch}, one apply per projection, projections concurrent, ${settings.appliers} appliers`;
}

/**
 * Reporting's consumer: each applier is one partition's consumer, taking its events `mode.batch`
 * at a time; each projection gets the batch's events it reads. Latencies are per batch.
 */
async function livePath(version: string, library: ReadModelsLibrary, url: string, dbName: string, history: readonly ProjectedEvent[], mode: LiveMode, serialWrites: boolean | undefined): Promise<Row> {
  const store = await library.createMongoReadModelStore({ url: settings.profile ? withOption(url, 'monitorCommands=true') : url, dbName, concurrency: settings.storeConcurrency, serialWrites });
  const label = serialWrites === undefined || version === 'before' ? describeLiveMode(mode) : `${describeLiveMode(mode)}, serialWrites ${serialWrites}`;
  const commands = settings.profile ? profileCommands(store) : undefined;
  try {
    const finish = async (result: Row): Promise<Row> => {
      if (commands) await printProfile(url, dbName, commands);
      return result;
    };
    const appliers = Array.from({ length: settings.appliers }, (): ProjectedEvent[] => []);
    for (const event of history) appliers[accountNumber(event) % settings.appliers].push(event);
    const deadline = Date.now() + settings.seconds * 1000;
    const latencies: number[] = [];
    let events = 0;
    let complete = true;
    const start = performance.now();
    if (mode.inFlight > 1) {
      events = await pipelined(store, appliers, mode.inFlight, deadline, latencies);
      return finish(row(version, label, events, start, latencies, events === history.length));
    }
    await Promise.all(appliers.map(async (owned) => {
      for (let at = 0; at < owned.length; at += mode.batch) {
        if (Date.now() > deadline) {
          complete = false;
          return;
        }
        const batch = owned.slice(at, at + mode.batch);
        const began = performance.now();
        const work = REPORTING_PROJECTIONS.map((projection) => ({ projection, events: batch.filter((event) => readersOf(event).includes(projection)) }));
        if (mode.concurrent) await applyConcurrently(store, work);
        else for (const { projection, events: mine } of work) if (mine.length > 0) await store.apply(projection, mine);
        latencies.push(performance.now() - began);
        events += batch.length;
      }
    }));
    return finish(row(version, label, events, start, latencies, complete));
  } finally {
    await store.close();
    await dropDatabase(url, dbName);
  }
}

/**
 * A consumer that hands each message to the store as it arrives, without waiting for the
 * messages before it (the store's rounds group whatever is queued), and acknowledges them in
 * order, each once it and every message before it are applied: the offset a consumer may
 * commit. At most `inFlight` unacknowledged per applier, like a fetch's worth of messages.
 * Latency: from handing the message over to its acknowledgement.
 */
async function pipelined(store: ReadModelStore, appliers: readonly ProjectedEvent[][], inFlight: number, deadline: number, latencies: number[]): Promise<number> {
  let acknowledged = 0;
  await Promise.all(appliers.map(async (owned) => {
    const unacknowledged: { began: number; applied: Promise<void> }[] = [];
    const acknowledgeOldest = async (): Promise<void> => {
      const oldest = unacknowledged.shift()!;
      await oldest.applied;
      latencies.push(performance.now() - oldest.began);
      acknowledged += 1;
    };
    for (const event of owned) {
      if (Date.now() > deadline) break;
      const work = readersOf(event).map((projection) => ({ projection, events: [event] }));
      const applied = applyConcurrently(store, work);
      // Awaited in order below; a failure must not count as unhandled before its turn.
      applied.catch(() => undefined);
      unacknowledged.push({ began: performance.now(), applied });
      if (unacknowledged.length >= inFlight) await acknowledgeOldest();
    }
    while (unacknowledged.length > 0) await acknowledgeOldest();
  }));
  return acknowledged;
}

interface CommandTally {
  commands: number;
  documents: number;
  milliseconds: number;
  bytes: number;
}

/**
 * BENCH_PROFILE=1: the MongoDB commands the store sends, per command name and collection
 * (count, documents written, time until the answer, bytes sent), through the driver's
 * command monitoring on the store's own connection.
 */
function profileCommands(store: ReadModelStore): Map<string, CommandTally> {
  const tallies = new Map<string, CommandTally>();
  const started = new Map<number, { key: string; documents: number; bytes: number }>();
  const client = (store as unknown as { connection: { getClient(): mongo.MongoClient } }).connection.getClient();
  client.on('commandStarted', (event) => {
    const command = event.command as Record<string, unknown>;
    const target = typeof command[event.commandName] === 'string' ? String(command[event.commandName]) : '';
    const documents = Array.isArray(command.documents) ? command.documents.length : Array.isArray(command.updates) ? command.updates.length : 0;
    started.set(event.requestId, { key: `${event.commandName} ${target}`, documents, bytes: mongo.BSON.calculateObjectSize(command) });
  });
  const finish = (event: { requestId: number; duration: number }): void => {
    const start = started.get(event.requestId);
    if (!start) return;
    started.delete(event.requestId);
    const tally = tallies.get(start.key) ?? { commands: 0, documents: 0, milliseconds: 0, bytes: 0 };
    tally.commands += 1;
    tally.documents += start.documents;
    tally.milliseconds += event.duration;
    tally.bytes += start.bytes;
    tallies.set(start.key, tally);
  };
  client.on('commandSucceeded', finish);
  client.on('commandFailed', finish);
  return tallies;
}

function withOption(url: string, option: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${option}`;
}

async function printProfile(url: string, dbName: string, tallies: Map<string, CommandTally>): Promise<void> {
  console.table([...tallies].sort(([, a], [, b]) => b.milliseconds - a.milliseconds).map(([command, tally]) => ({
    command,
    commands: tally.commands,
    documents: tally.documents,
    seconds: (tally.milliseconds / 1000).toFixed(2),
    msPerDocument: tally.documents > 0 ? (tally.milliseconds / tally.documents).toFixed(2) : '',
    kbSent: Math.round(tally.bytes / 1024),
  })));
  // One connection: FerretDB keeps a cursor on the connection that opened it, and a getMore sent on another one fails (CursorNotFound).
  const client = new mongo.MongoClient(url, { maxPoolSize: 1 });
  try {
    await client.connect();
    const db = client.db(dbName);
    const sizes = [];
    for (const { name } of await db.listCollections().toArray()) {
      const documents = await db.collection(name).find({}, { batchSize: 100_000 }).toArray();
      const bytes = documents.map((document) => mongo.BSON.calculateObjectSize(document));
      sizes.push({ collection: name, documents: documents.length, averageBytes: Math.round(bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length)), maxBytes: Math.max(0, ...bytes) });
    }
    console.table(sizes);
  } finally {
    await client.close();
  }
}

async function mongoRebuild(version: string, library: ReadModelsLibrary, url: string, dbName: string, history: readonly ProjectedEvent[]): Promise<Row> {
  const store = await library.createMongoReadModelStore({ url, dbName });
  try {
    return await rebuildAll(version, `MongoDB-wire rebuild, batches of ${settings.rebuildBatch} (documents replaced across batches)`, store, library, history);
  } finally {
    await store.close();
  }
}

async function rebuildAll(version: string, scenario: string, store: ReadModelStore, library: ReadModelsLibrary, history: readonly ProjectedEvent[]): Promise<Row> {
  const deadline = Date.now() + settings.seconds * 1000;
  const latencies: number[] = [];
  const timing = timedBatches(store, latencies);
  let events = 0;
  let complete = true;
  const start = performance.now();
  for (const projection of REPORTING_PROJECTIONS) {
    const handled = history.filter((event) => projection.handles.includes(event.type));
    const result = await library.rebuildProjection(timing, projection, untilDeadline(handled, deadline), { batchSize: settings.rebuildBatch });
    events += result.applied;
    if (result.applied < handled.length) complete = false;
  }
  return row(version, scenario, events, start, latencies, complete);
}

/** Reporting replaying its topics into memory: each event to each of its projections, one apply at a time. */
async function inMemoryRebuild(version: string, library: ReadModelsLibrary, history: readonly ProjectedEvent[]): Promise<Row> {
  const store = library.createInMemoryReadModelStore();
  const deadline = Date.now() + settings.seconds * 1000;
  const latencies: number[] = [];
  let events = 0;
  let complete = true;
  const start = performance.now();
  for (const event of history) {
    if (Date.now() > deadline) {
      complete = false;
      break;
    }
    const began = performance.now();
    for (const projection of readersOf(event)) await store.apply(projection, [event]);
    latencies.push(performance.now() - began);
    events += 1;
  }
  await store.close();
  return row(version, 'in-memory rebuild: one event per apply', events, start, latencies, complete);
}

function row(version: string, scenario: string, events: number, start: number, latencies: number[], complete: boolean): Row {
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const result = { version, scenario, events, seconds, eventsPerSecond: events / seconds, p50: percentile(50), p95: percentile(95), p99: percentile(99), complete };
  console.log(`${version} | ${scenario}: ${events} events in ${seconds.toFixed(2)}s = ${Math.round(result.eventsPerSecond)} events/s, p50/p95/p99 ${result.p50.toFixed(1)}/${result.p95.toFixed(1)}/${result.p99.toFixed(1)} ms${complete ? '' : ' (stopped at the time limit)'}`);
  return result;
}

/** The store, with every `apply` (one rebuild batch) and every bulk insertion of rebuilt documents timed. */
function timedBatches(store: ReadModelStore, latencies: number[]): ReadModelStore {
  const timed = async (call: () => Promise<void>): Promise<void> => {
    const began = performance.now();
    await call();
    latencies.push(performance.now() - began);
  };
  const wrapper: Partial<ReadModelStore & BulkRebuildTarget> = {
    apply: (projection: Projection<any>, events: readonly ProjectedEvent[]) => timed(() => store.apply(projection, events)),
  };
  const bulk = store as Partial<BulkRebuildTarget>;
  if (bulk.insertRebuilt) {
    const insertRebuilt = bulk.insertRebuilt.bind(store);
    wrapper.insertRebuilt = (collection, documents) => timed(() => insertRebuilt(collection, documents));
  }
  return Object.assign(Object.create(store) as ReadModelStore, wrapper);
}

const readers = new Map<string, Projection<any>[]>();
function readersOf(event: ProjectedEvent): Projection<any>[] {
  let found = readers.get(event.type);
  if (!found) {
    found = REPORTING_PROJECTIONS.filter((projection) => projection.handles.includes(event.type));
    readers.set(event.type, found);
  }
  return found;
}

function accountNumber(event: ProjectedEvent): number {
  return Number(/a(\d+)/.exec(String(event.data.accountId))?.[1] ?? 0);
}

/**
 * What reporting receives for `accounts` accounts, in rounds as the topics would deliver
 * them: placement, notice, contact attempt, promise, `payments` payments, a legal stage;
 * each fact also as the audit record of the service that stored it.
 */
function reportingHistory(accounts: number, payments: number): ProjectedEvent[] {
  const rounds: ((accountId: string, clientId: string) => [Contract<any>, object, string, string])[] = [
    (a, c) => [AccountPlaced, accountPlaced(a, c, 500_000), 'client-intake', `account-${a}`],
    (a, c) => [NoticeSent, noticeSent(a, c), 'debtor-contact', `contact-${a}`],
    (a, c) => [ContactAttemptRecorded, contactAttemptRecorded(a, c, '2026-06-02T10:00:00.000Z'), 'debtor-contact', `contact-${a}`],
    (a, c) => [PromiseToPayMade, promiseToPayMade(a, c, `promise-${a}`, 10_000), 'debtor-contact', `contact-${a}`],
    ...Array.from({ length: payments }, (_, p) => (a: string, c: string): [Contract<any>, object, string, string] => [
      PaymentPosted, paymentPosted(a, c, `payment-${a}-${p}`, 1_000, 500_000 - 1_000 * (p + 1)), 'payments', `ledger-${a}`,
    ]),
    (a, c) => [LegalStageChanged, legalStageChanged(a, c, 'recommended', 500_000 - 1_000 * payments), 'legal-referral', `referral-${a}`],
  ];
  const versions = new Map<string, number>();
  const events: ProjectedEvent[] = [];
  for (const makeEvent of rounds) {
    for (let n = 0; n < accounts; n++) {
      const accountId = `a${String(n).padStart(6, '0')}`;
      const [contract, data, service, stream] = makeEvent(accountId, `client-${n % 10}`);
      const version = versions.get(stream) ?? 0;
      versions.set(stream, version + 1);
      events.push(projected(contract, data, stream, version));
      events.push(auditEventOf(auditRecord(service, accountId, stream, version, contract.type, '2026-06-01T09:00:00.000Z')));
    }
  }
  return events;
}

/** What a large rebuild row adds: the memory it took. */
interface LargeRow extends Row {
  peakRssMb: number;
  peakHeapMb: number;
  /** Events applied summed over projections (an event read by three projections counts three times). */
  projectionApplies: number;
  /** This process's CPU time (user + system) over the rebuild: the machine is shared, so wall time alone says little. */
  cpuSeconds: number;
  memory: PeakMemory;
}

async function largeRebuilds(url: string, total: number): Promise<void> {
  const plan = portfolioPlan(total);
  console.log(`read-models bench, large rebuild: ${total} events, ${plan.accounts} accounts, ${CLIENTS} clients; load average ${loadAverage()}`);
  const versions: [string, ReadModelsLibrary][] = [['after', current]];
  if (process.env.BENCH_BEFORE) versions.unshift(['before', (await import(process.env.BENCH_BEFORE)) as ReadModelsLibrary]);
  const rows: LargeRow[] = [];
  for (const [version, library] of versions) {
    if (settings.largeTargets.includes('memory')) rows.push(await largeInMemory(version, library, plan, settings.consumerBatch));
    if (settings.largeTargets.includes('memory-per-event')) rows.push(await largeInMemory(version, library, plan, 1));
    if (settings.largeTargets.includes('memory-generations')) rows.push(await largeGenerations(version, library, plan));
    for (const [target, onePass] of [['mongo', false], ['mongo-one-pass', true]] as const) {
      if (!settings.largeTargets.includes(target)) continue;
      const dbName = `rm_bench_${process.pid}_large_${version}_${onePass ? 'one' : 'each'}`;
      try {
        rows.push(await largeMongo(version, library, url, dbName, plan, onePass));
      } finally {
        await dropDatabase(url, dbName);
      }
    }
  }
  for (const row of rows) {
    if (row.version === 'before') continue;
    reportFigure(row.scenario.startsWith('in-memory rebuild: one event') ? 'memory-per-event-rebuild-1m-events-per-s' : row.scenario.startsWith('in-memory rebuild into new generations') ? 'memory-generations-rebuild-1m-events-per-s' : row.scenario.startsWith('in-memory') ? 'memory-rebuild-1m-events-per-s' : row.scenario.includes('one pass') ? 'mongo-one-pass-rebuild-1m-events-per-s' : 'mongo-rebuild-1m-events-per-s', row.eventsPerSecond);
  }
  console.table(rows.map((row) => ({ version: row.version, scenario: row.scenario, events: row.events, seconds: row.seconds.toFixed(1), eventsPerSecond: Math.round(row.eventsPerSecond), perCpuSecond: Math.round(row.events / row.cpuSeconds), peakRssMb: row.peakRssMb, peakHeapMb: row.peakHeapMb, complete: row.complete })));
  console.log(JSON.stringify({ settings, accounts: plan.accounts, rows }));
}

/**
 * Reporting replaying its topics into the in-memory store. `batch` > 1: as its batch consumer
 * does (`projectIntegrationEvents`), per consumer batch of `batch` events each projection gets
 * the batch's events it reads in one `apply`; 1: each event to each of its projections, one
 * `apply` at a time (reporting before batch consumption).
 */
async function largeInMemory(version: string, library: ReadModelsLibrary, plan: PortfolioPlan, batch: number): Promise<LargeRow> {
  // The bound on live documents per collection (the rest kept as JSON text); a library without it ignores the option.
  const store = library.createInMemoryReadModelStore(settings.liveDocuments ? { liveDocuments: settings.liveDocuments } : {});
  const memory = peakMemory();
  const deadline = Date.now() + settings.seconds * 1000;
  let events = 0;
  let applies = 0;
  let complete = true;
  let pending: ProjectedEvent[] = [];
  const flush = async (): Promise<void> => {
    const work = REPORTING_PROJECTIONS.map((projection) => ({ projection, events: pending.filter((event) => readersOf(event).includes(projection)) }));
    for (const { events: mine } of work) applies += mine.length;
    await applyConcurrently(store, work);
    pending = [];
  };
  const start = performance.now();
  for (const event of portfolioHistory(plan)) {
    if ((events & 1023) === 0) {
      if (Date.now() > deadline) {
        complete = false;
        break;
      }
      // Back to the event loop now and then, as a consumer between batches: without it the
      // memory sampler and the GC observer would not run until the end.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (batch === 1) {
      for (const projection of readersOf(event)) {
        await store.apply(projection, [event]);
        applies += 1;
      }
    } else {
      pending.push(event);
      if (pending.length >= batch) await flush();
    }
    events += 1;
  }
  if (pending.length > 0) await flush();
  const seconds = (performance.now() - start) / 1000;
  const peak = memory.stop();
  await store.close();
  const scenario = batch === 1 ? 'in-memory rebuild: one event per apply' : `in-memory rebuild: consumer batches of ${batch}, one apply per projection and batch (as reporting replays)`;
  return largeRow(version, scenario, events, seconds, applies, peak, complete);
}

/**
 * Reporting's own rebuild (`POST /reports/read-models/rebuild`, `rebuildIntoNewGenerations`)
 * on in-memory read models kept in generations, as `ReportingService` keeps them: the store
 * is first filled as reporting's batch consumer fills it (batches of BENCH_CONSUMER_BATCH,
 * not timed), then every read model that is not a source is rebuilt into a new generation
 * from reporting's own record (the account logs of `reported_events`, the audit trail for the
 * compliance ledger) and switched over. Counted: every event of the history, read back from
 * those records (the facts from the logs, the audit records from the trail).
 */
async function largeGenerations(version: string, library: ReadModelsLibrary, plan: PortfolioPlan): Promise<LargeRow> {
  const held = library.createInMemoryReadModelStore(settings.liveDocuments ? { liveDocuments: settings.liveDocuments } : {});
  // Each page the rebuild reads goes back to the event loop first, as a read from a server
  // would: an in-memory store answers in microtasks only, so without it the memory sampler
  // and the GC observer would not run until the rebuild ended.
  const inner: ReadModelStore = Object.assign(Object.create(held) as ReadModelStore, {
    find: async (...args: Parameters<ReadModelStore['find']>) => {
      await new Promise((resolve) => setImmediate(resolve));
      return held.find(...args);
    },
  });
  const store = await library.GenerationalReadModelStore.open(inner, [...REPORTING_PROJECTIONS.map((projection) => projection.name), ...RETIRED_COLLECTIONS]);
  const filling = performance.now();
  let filled = 0;
  let pending: ProjectedEvent[] = [];
  const flush = async (): Promise<void> => {
    await applyConcurrently(store, REPORTING_PROJECTIONS.map((projection) => ({ projection, events: pending.filter((event) => readersOf(event).includes(projection)) })));
    pending = [];
  };
  for (const event of portfolioHistory(plan)) {
    if ((filled++ & 1023) === 0) await new Promise((resolve) => setImmediate(resolve));
    pending.push(event);
    if (pending.length >= settings.consumerBatch) await flush();
  }
  if (pending.length > 0) await flush();
  console.log(`  ${version} | filled by the consumer path: ${filled} events in ${((performance.now() - filling) / 1000).toFixed(1)} s (not counted below)`);
  const before = new Map<string, number>();
  for (const projection of REPORTING_PROJECTIONS) before.set(projection.name, await store.count(projection.name));
  const memory = peakMemory();
  const start = performance.now();
  const rebuilt = await rebuildIntoNewGenerations(store);
  const seconds = (performance.now() - start) / 1000;
  const peak = memory.stop();
  let applies = 0;
  for (const result of rebuilt) {
    applies += result.applied;
    const same = before.get(result.collection) === (await store.count(result.collection));
    console.log(`  ${version} | ${result.collection}: ${result.applied} events into ${result.physical}, ${result.caughtUp} caught up${same ? '' : ' (DOCUMENT COUNT DIFFERS FROM THE LIVE PATH\'S)'}`);
  }
  await store.close();
  return largeRow(version, 'in-memory rebuild into new generations (reporting\'s rebuildIntoNewGenerations, from its account logs and audit trail)', plan.total, seconds, applies, peak, true);
}

/**
 * The MongoDB-wire rebuild: one pass over the history, every projection rebuilt from it at
 * once (`rebuildProjections`), so the server inserts one projection's folded documents
 * while this process goes on folding the others.
 */
async function largeMongo(version: string, library: ReadModelsLibrary, url: string, dbName: string, plan: PortfolioPlan, onePass: boolean): Promise<LargeRow> {
  const store = await library.createMongoReadModelStore({ url, dbName });
  const memory = peakMemory();
  const deadline = Date.now() + settings.seconds * 1000;
  let applies = 0;
  let events = 0;
  let complete = true;
  const start = performance.now();
  try {
    const stream = (function* () {
      for (const event of portfolioHistory(plan)) {
        if ((events++ & 1023) === 0 && Date.now() > deadline) {
          complete = false;
          return;
        }
        yield event;
      }
    })();
    const options = { batchSize: settings.rebuildBatch, maxDocumentsInMemory: settings.rebuildMaxDocuments };
    if (onePass) {
      const results = await library.rebuildProjections(store, REPORTING_PROJECTIONS, stream, options);
      for (const [name, result] of results) {
        applies += result.applied;
        console.log(`  ${version} | ${name}: ${result.applied} events, ${result.batches} store calls`);
      }
    } else {
      for (const projection of REPORTING_PROJECTIONS) {
        const began = performance.now();
        events = 0;
        const types = new Set(projection.handles);
        const own = (function* () {
          for (const event of portfolioHistory(plan)) {
            if ((events++ & 1023) === 0 && Date.now() > deadline) {
              complete = false;
              return;
            }
            if (types.has(event.type)) yield event;
          }
        })();
        const result = await library.rebuildProjection(store, projection, own, options);
        applies += result.applied;
        console.log(`  ${version} | ${projection.name}: ${result.applied} events in ${((performance.now() - began) / 1000).toFixed(1)}s (${result.batches} store calls)`);
      }
    }
  } finally {
    await store.close();
  }
  const seconds = (performance.now() - start) / 1000;
  const how = onePass ? 'one pass, all projections at once (rebuildProjections)' : 'one projection after another (rebuildProjection), each reading the history again';
  return largeRow(version, `MongoDB-wire rebuild: ${how}, batches of ${settings.rebuildBatch}, at most ${settings.rebuildMaxDocuments} documents folded per projection`, complete ? plan.total : Number.NaN, seconds, applies, memory.stop(), complete);
}

function largeRow(version: string, scenario: string, events: number, seconds: number, applies: number, peak: PeakMemory, complete: boolean): LargeRow {
  const result: LargeRow = { version, scenario, events, seconds, eventsPerSecond: events / seconds, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, complete, peakRssMb: peak.rssMb, peakHeapMb: peak.heapMb, projectionApplies: applies, cpuSeconds: peak.cpuSeconds, memory: peak };
  console.log(
    [
      `${version} | ${scenario}${complete ? '' : ' (STOPPED AT THE TIME LIMIT)'}`,
      `    ${events} events (${applies} projection applies) in ${seconds.toFixed(1)} s wall = ${Math.round(result.eventsPerSecond)} events/s (goal: ${scenario.startsWith('in-memory') ? '20 000' : '5 000'})`,
      `    CPU of this process ${peak.cpuSeconds.toFixed(1)} s (${Math.round((100 * peak.cpuSeconds) / seconds)}% of one core) = ${Math.round(events / peak.cpuSeconds)} events per CPU second (what one free core would reach; the in-memory goal needs ~22 000 to be safe)`,
      `    GC pauses ${peak.gcSeconds.toFixed(1)} s (${peak.majorGcs} major); peak RSS ${peak.rssMb} MB, heap used ${peak.heapMb} MB, heap reserved ${peak.heapTotalMb} MB of a ${peak.heapLimitMb} MB limit`,
      `    load average ${loadAverage()} on ${os.cpus().length} cores (wall figures follow the load; per CPU second much less)`,
    ].join('\n'),
  );
  return result;
}

interface PeakMemory {
  rssMb: number;
  /** Peak of the heap in use, and of the heap V8 had reserved (its limit is `heapLimitMb`). */
  heapMb: number;
  heapTotalMb: number;
  heapLimitMb: number;
  cpuSeconds: number;
  /** Main-thread time in garbage collection pauses, and how many major (mark-compact) collections ran. */
  gcSeconds: number;
  majorGcs: number;
}

/** Samples RSS and heap every 200 ms and counts GC pauses until stopped; returns the peaks in MB. */
function peakMemory(): { stop(): PeakMemory } {
  const cpu = process.cpuUsage();
  let rss = 0;
  let heap = 0;
  let heapTotal = 0;
  let gcMs = 0;
  let majorGcs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorGcs += 1;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const sample = (): void => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
    heapTotal = Math.max(heapTotal, usage.heapTotal);
  };
  sample();
  const timer = setInterval(sample, 200);
  const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      gc.disconnect();
      const used = process.cpuUsage(cpu);
      return { rssMb: mb(rss), heapMb: mb(heap), heapTotalMb: mb(heapTotal), heapLimitMb: mb(getHeapStatistics().heap_size_limit), cpuSeconds: (used.user + used.system) / 1e6, gcSeconds: gcMs / 1000, majorGcs };
    },
  };
}

function loadAverage(): string {
  return os.loadavg().map((value) => value.toFixed(2)).join(' ');
}

const CLIENTS = 50;
/** Steps of an account's history, in the order the rounds deliver them. */
const STEPS = ['placed', 'notice', 'attempt', 'attempt', 'attempt', 'promise', ...Array.from({ length: 8 }, () => 'payment'), 'legal'] as const;

interface PortfolioPlan {
  accounts: number;
  /** Events delivered (facts and audit records); the last account may be cut short. */
  total: number;
}

/** How many accounts a history of `total` events takes. */
function portfolioPlan(total: number): PortfolioPlan {
  let events = 0;
  let accounts = 0;
  while (events < total) {
    const shape = accountShape(accounts);
    events += 2 * (2 + shape.attempts + (shape.promise ? 1 : 0) + shape.payments + (shape.legal ? 1 : 0));
    accounts += 1;
  }
  return { accounts, total };
}

/** An account's own mix, fixed by its number (a hash, so neighbours differ). */
function accountShape(n: number): { attempts: number; promise: boolean; payments: number; legal: boolean } {
  let h = Math.imul(n + 1, 0x9e3779b1) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  return { attempts: 1 + (h % 3), promise: (h >>> 4) % 5 < 3, payments: (h >>> 8) % 9, legal: (h >>> 12) % 6 === 0 };
}

/**
 * The portfolio's history, generated as it is read (memory does not grow with it): round
 * by round over every account, each fact followed by the audit record its service stored.
 * With `types`, only events of those types are built (the others are still counted, so
 * every reader stops at the same event).
 */
function* portfolioHistory(plan: PortfolioPlan, types?: ReadonlySet<string>): Generator<ProjectedEvent> {
  const wants = (type: string): boolean => !types || types.has(type);
  let delivered = 0;
  for (let step = 0; step < STEPS.length; step++) {
    const kind = STEPS[step];
    const attemptIndex = step - 2;
    const paymentIndex = step - 6;
    for (let n = 0; n < plan.accounts; n++) {
      const shape = accountShape(n);
      const a = `a${String(n).padStart(7, '0')}`;
      const c = `client-${n % CLIENTS}`;
      const placed = 100_000 + (n % 97) * 10_000;
      let fact: [Contract<any>, () => object, string, string, number] | undefined;
      switch (kind) {
        case 'placed':
          fact = [AccountPlaced, () => accountPlaced(a, c, placed), 'client-intake', `account-${a}`, 0];
          break;
        case 'notice':
          fact = [NoticeSent, () => noticeSent(a, c), 'debtor-contact', `contact-${a}`, 0];
          break;
        case 'attempt':
          if (attemptIndex < shape.attempts) {
            const at = `2026-06-0${2 + attemptIndex}T10:00:00.000Z`;
            fact = [ContactAttemptRecorded, () => contactAttemptRecorded(a, c, at, attemptIndex === shape.attempts - 1), 'debtor-contact', `contact-${a}`, 1 + attemptIndex];
          }
          break;
        case 'promise':
          if (shape.promise) fact = [PromiseToPayMade, () => promiseToPayMade(a, c, `promise-${a}`, 10_000), 'debtor-contact', `contact-${a}`, 1 + shape.attempts];
          break;
        case 'payment':
          if (paymentIndex < shape.payments) fact = [PaymentPosted, () => paymentPosted(a, c, `payment-${a}-${paymentIndex}`, 5_000, placed - 5_000 * (paymentIndex + 1)), 'payments', `ledger-${a}`, paymentIndex];
          break;
        case 'legal':
          if (shape.legal) fact = [LegalStageChanged, () => legalStageChanged(a, c, 'recommended', placed - 5_000 * shape.payments), 'legal-referral', `referral-${a}`, 0];
          break;
      }
      if (!fact) continue;
      const [contract, data, service, stream, version] = fact;
      if (wants(contract.type)) yield projected(contract, data(), stream, version);
      if (++delivered >= plan.total) return;
      if (wants(AuditRecord.type)) yield auditEventOf(auditRecord(service, a, stream, version, contract.type, '2026-06-01T09:00:00.000Z'));
      if (++delivered >= plan.total) return;
    }
  }
}

function* untilDeadline<T>(items: readonly T[], deadline: number): Generator<T> {
  for (const item of items) {
    if (Date.now() > deadline) return;
    yield item;
  }
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
