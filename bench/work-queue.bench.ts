/**
 * The work queue's answer time with many open accounts (issue 11: p99 under 100 ms with
 * 100,000). The read model is seeded directly through its projection (`workQueueProjection`,
 * the one debtor-contact keeps from its own events); then a `WorkQueueProjector` over an
 * empty event store starts on it (loading its index from the store, as a restarted
 * service does), and what `GET /work-queue` runs (its query handler: a catch-up on the log,
 * the index's next 20 accounts of a collector, the answer with its reasons) is timed again
 * and again, with the process's CPU per question, on each store in turn,
 * interleaved round by round so the machine's load falls on every store alike. For
 * comparison, the same question asked of the store alone (sorted by band, balance and age,
 * the window and promises due today judged on 3x the candidates) is timed too. The heap the
 * index holds is read after full collections around its load.
 *
 * The accounts: every fifth a person (personal calling window), debtors spread over NY, CA,
 * TX, GB and an unknown country; 2% with a broken promise, 3% a promise due today, 2% a
 * missed installment, 10% a call due, 1% a legal review; 5% assigned to the collector asked.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   node -r ./deploy/runtime/register-paths.js dist/bench/work-queue.bench.js
 *
 * Settings (environment): BENCH_ACCOUNTS (default 100000), BENCH_QUERIES per store and round
 * (default 100), BENCH_ROUNDS (default 3), BENCH_LIMIT (default 20), BENCH_STORES
 * (comma-separated subset of memory,pglite,mongo; default memory,pglite; mongo needs
 * MONGO_URL on 127.0.0.1, works in a database of its own, dropped at the end).
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { createPglite, createPgliteEventStore } from '@lib/event-store';
import { createInMemoryReadModelStore, createMongoReadModelStore, createPgliteReadModelStore, ProjectedEvent, ReadModelStore } from '@lib/read-models';
import { memoryAfterGc } from '@lib/es-core/testing/memory-after-gc';
import { intFromEnv, percentile, readInfraEnv, reportFigure } from './bench-support';
import { datesAround, QueueInstant, RankedEntry, rankCandidates } from '../apps/debtor-contact/src/read-models/work-queue.priority';
import { WORK_QUEUE, WorkQueueEntryDoc, workQueueProjection } from '../apps/debtor-contact/src/read-models/work-queue.projection';
import { WorkQueueProjector } from '../apps/debtor-contact/src/integration/read-models/work-queue.projector';
import { GetWorkQueueHandler } from '../apps/debtor-contact/src/application/get-work-queue/get-work-queue.handler';
import { GetWorkQueue } from '../apps/debtor-contact/src/application/get-work-queue/get-work-queue.query';
import type { WorkQueueView } from '../apps/debtor-contact/src/application/get-work-queue/work-queue.view';
import type { ContactDependencies } from '../apps/debtor-contact/src/debtor-contact.dependencies';

const ACCOUNTS = intFromEnv('BENCH_ACCOUNTS', 100_000, 2_000_000);
const QUERIES = intFromEnv('BENCH_QUERIES', 100, 100_000);
const ROUNDS = intFromEnv('BENCH_ROUNDS', 3, 100);
const LIMIT = intFromEnv('BENCH_LIMIT', 20, 200);
const STORES = (process.env.BENCH_STORES ?? 'memory,pglite').split(',').map((s) => s.trim());
const COLLECTOR = 'collector-1';
/** Monday 2026-03-02, 10:00 in New York: the window is open in New York, not yet in California. */
const NOW = new Date('2026-03-02T15:00:00.000Z');
const TODAY = '2026-03-02';
const SEED_BATCH = 5_000;

const DEBTORS = [
  { country: 'US', region: 'NY' },
  { country: 'US', region: 'CA' },
  { country: 'US', region: 'TX' },
  { country: 'GB' },
  { country: 'ZZ' },
];

function accountId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** The events of account n, as debtor-contact stores them (one source stream per kind, versions from 0). */
function eventsOf(n: number): ProjectedEvent[] {
  const id = accountId(n);
  const openedAt = new Date(NOW.getTime() - (1 + (n % 180)) * 86_400_000).toISOString();
  const debtor = { kind: n % 5 === 0 ? 'person' : 'company', legalName: `Debtor ${n}`, ...DEBTORS[n % DEBTORS.length] };
  const meta = { occurredAt: openedAt };
  const events: ProjectedEvent[] = [
    { streamId: `contact-${id}`, version: 0, type: 'ContactCaseOpened', data: { accountId: id, clientId: `client-${n % 50}`, commercial: n % 5 !== 0, debtor, currency: 'USD', placedAmount: 10_000 + ((n * 7919) % 5_000_000), openedAt }, metadata: meta },
  ];
  const bucket = n % 100;
  if (bucket < 2) events.push({ streamId: `promises-${id}`, version: 0, type: 'PromiseBroken', data: { accountId: id, promiseId: `p-${n}`, brokenAt: '2026-02-27T12:00:00.000Z' }, metadata: meta });
  else if (bucket < 5) events.push({ streamId: `promises-${id}`, version: 0, type: 'PromiseTracked', data: { accountId: id, promiseId: `p-${n}`, dueDate: TODAY }, metadata: meta });
  else if (bucket < 7) events.push({ streamId: `plans-${id}`, version: 0, type: 'PlanInstallmentMissed', data: { accountId: id, missedAt: '2026-02-25T12:00:00.000Z' }, metadata: meta });
  else if (bucket < 17) events.push({ streamId: `cadence-${id}`, version: 0, type: 'CadenceStepTaken', data: { accountId: id, action: 'call', takenAt: '2026-02-28T15:00:00.000Z' }, metadata: meta });
  else if (bucket < 18) events.push({ streamId: `cadence-${id}`, version: 0, type: 'CadenceStepTaken', data: { accountId: id, action: 'legal-review', takenAt: '2026-02-20T15:00:00.000Z' }, metadata: meta });
  if (n % 20 === 0) events.push({ streamId: `assignment-${id}`, version: 0, type: 'AccountAssigned', data: { accountId: id, clientId: `client-${n % 50}`, collectorId: COLLECTOR }, metadata: meta });
  return events;
}

/** The question asked of the store alone, without the index: what the first version of the endpoint did. */
async function storeOnly(readModels: ReadModelStore, collectorId: string, now: Date, limit: number): Promise<RankedEntry[]> {
  const instant = new QueueInstant(now);
  const group = async (assignee: string | null, wanted: number) => {
    const [byBand, dueToday] = await Promise.all([
      readModels.find<WorkQueueEntryDoc>(WORK_QUEUE, { open: true, assignee }, { sort: { band: -1, balance: -1, openedAt: 1 }, limit: wanted * 3 }),
      readModels.find<WorkQueueEntryDoc>(WORK_QUEUE, { open: true, assignee, promiseDueDates: { $in: datesAround(now) } }, { limit: wanted * 3 }),
    ]);
    return rankCandidates([...byBand, ...dueToday], instant, wanted);
  };
  const mine = await group(collectorId, limit);
  return mine.length < limit ? [...mine, ...(await group(null, limit - mine.length))] : mine;
}

async function seed(store: ReadModelStore): Promise<number> {
  const started = performance.now();
  for (let from = 0; from < ACCOUNTS; from += SEED_BATCH) {
    const events: ProjectedEvent[] = [];
    for (let n = from; n < Math.min(ACCOUNTS, from + SEED_BATCH); n++) events.push(...eventsOf(n));
    await store.apply(workQueueProjection, events);
  }
  return performance.now() - started;
}

async function openStore(kind: string): Promise<{ store: ReadModelStore; close: () => Promise<void> }> {
  if (kind === 'memory') return { store: createInMemoryReadModelStore(), close: async () => undefined };
  if (kind === 'pglite') {
    const db = await createPglite();
    const store = await createPgliteReadModelStore({ db, schema: 'rm_bench' });
    return { store, close: () => db.close() };
  }
  if (kind === 'mongo') {
    const base = process.env.MONGO_URL ?? readInfraEnv('MONGO_URL');
    if (!base || !new URL(base).hostname.startsWith('127.0.0.1')) throw new Error('BENCH_STORES=mongo needs MONGO_URL on 127.0.0.1');
    const url = new URL(base);
    url.pathname = `/rm_bench_queue_${process.pid}`;
    const store = await createMongoReadModelStore({ url: url.toString() });
    return { store, close: async () => { await store.reset(WORK_QUEUE); await store.close(); } };
  }
  throw new Error(`unknown store ${kind}`);
}

/** What `GET /work-queue` runs behind the controller: the query handler, with the bench's instant as its clock. */
function handlerOn(projector: WorkQueueProjector): GetWorkQueueHandler {
  const deps = { clock: { now: () => NOW } } as unknown as ContactDependencies;
  return new GetWorkQueueHandler(deps, projector);
}

async function main(): Promise<void> {
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`work queue: ${ACCOUNTS} open accounts, ${QUERIES} queries x ${ROUNDS} rounds per store, limit ${LIMIT}; load average ${load()}`);
  const log = await createPgliteEventStore();
  type Measured = { kind: string; store: ReadModelStore; projector: WorkQueueProjector; handler: GetWorkQueueHandler; close: () => Promise<void>; samples: number[]; cpu: number[]; indexOnly: number[]; pageReads: number[]; pageCpu: number[]; storeOnly: number[] };
  const stores: Measured[] = [];
  for (const kind of STORES) {
    const opened = await openStore(kind);
    const seedMs = await seed(opened.store);
    const count = await opened.store.count(WORK_QUEUE, { open: true });
    const projector = new WorkQueueProjector(log, opened.store);
    const heapBefore = memoryAfterGc();
    const started = performance.now();
    await projector.catchUp();
    const loadS = (performance.now() - started) / 1000;
    const indexHeap = memoryAfterGc() - heapBefore;
    console.log(`${kind}: seeded ${count} accounts through the projection in ${(seedMs / 1000).toFixed(1)} s; the projector loaded its index of ${projector.index.size} in ${loadS.toFixed(2)} s; the index holds ${(indexHeap / 1e6).toFixed(1)} MB of heap, ${Math.round(indexHeap / projector.index.size)} B per open account`);
    stores.push({ kind, ...opened, projector, handler: handlerOn(projector), samples: [], cpu: [], indexOnly: [], pageReads: [], pageCpu: [], storeOnly: [] });
  }
  const ask = (entry: Measured): Promise<WorkQueueView> => entry.handler.execute(new GetWorkQueue(COLLECTOR, LIMIT));
  const ids = (view: WorkQueueView) => view.entries.map((e) => e.accountId).join();
  const first = await ask(stores[0]);
  // The whole answer's digest, to compare two builds of the service on the same accounts.
  console.log(`the answer's sha256: ${createHash('sha256').update(JSON.stringify(first)).digest('hex')}`);
  console.log(`first entries: ${first.entries.slice(0, 5).map((e) => `${e.accountId.slice(-6)} ${e.band} ${e.callingWindow.openNow ? 'in' : 'out of'} window ${e.assignee ?? 'pool'}`).join('; ')}`);
  for (const other of stores) {
    const answer = await ask(other);
    const alone = (await storeOnly(other.store, COLLECTOR, NOW, LIMIT)).map((e) => e.doc.accountId).join();
    console.log(`${other.kind}: the handler answers ${JSON.stringify(answer) === JSON.stringify(first) ? 'the same' : 'a DIFFERENT'} queue; the store alone ${alone === ids(first) ? 'the same' : 'a different one (its candidates miss some)'}`);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const entry of stores) {
      for (let q = 0; q < QUERIES; q++) {
        const cpu = process.cpuUsage();
        const started = performance.now();
        await ask(entry);
        entry.samples.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        entry.cpu.push((used.user + used.system) / 1000);
        const ranked = performance.now();
        entry.projector.index.next(COLLECTOR, new QueueInstant(NOW), LIMIT);
        entry.indexOnly.push(performance.now() - ranked);
      }
      // What a question costs more when the index kept none of the page's documents: each read from the store by id.
      const page = entry.projector.index.next(COLLECTOR, new QueueInstant(NOW), LIMIT);
      for (let q = 0; q < QUERIES; q++) {
        const readCpu = process.cpuUsage();
        const read = performance.now();
        await Promise.all(page.map((id) => entry.store.findOne(WORK_QUEUE, { _id: id })));
        entry.pageReads.push(performance.now() - read);
        const readUsed = process.cpuUsage(readCpu);
        entry.pageCpu.push((readUsed.user + readUsed.system) / 1000);
      }
      for (let q = 0; q < Math.max(1, Math.floor(QUERIES / 10)); q++) {
        const started = performance.now();
        await storeOnly(entry.store, COLLECTOR, NOW, LIMIT);
        entry.storeOnly.push(performance.now() - started);
      }
    }
    console.log(`round ${round + 1} done; load average ${load()}`);
  }
  const figures = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p));
    return { p99, text: `p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms over ${samples.length} queries` };
  };
  const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  for (const { kind, samples, cpu, indexOnly, pageReads, pageCpu, storeOnly: alone } of stores) {
    const answered = figures(samples);
    console.log(`${kind}, GET /work-queue path (the query handler: catch-up, index, view): ${answered.text}; CPU ${meanOf(cpu).toFixed(3)} ms per query (mean)`);
    console.log(`${kind}, the index's answer alone (no catch-up): ${figures(indexOnly).text}`);
    console.log(`${kind}, the page's ${LIMIT} documents read from the store by id: ${figures(pageReads).text}; CPU ${meanOf(pageCpu).toFixed(3)} ms per page (mean)`);
    console.log(`${kind}, the store alone: ${figures(alone).text}`);
    reportFigure(`work-queue-${kind}-p99-ms`, answered.p99);
  }
  console.log(`load average at the end ${load()}`);
  for (const { close } of stores) await close();
  await log.close();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
