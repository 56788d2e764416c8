/**
 * Durable scheduler start: the first catch-up of a new scheduler (what a restarted process
 * does before its first tick) after a history of fired items, reading the whole log
 * against starting from the saved pending index. Then, with BENCH_PENDING, the pending
 * index at that many items still pending (ids as the services build them, from a log made
 * as it is read): memory per item, and what saving it (stop()) and starting from it cost.
 * Prints figures, never asserts.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   node -r ./deploy/runtime/register-paths.js dist/bench/scheduler-start.bench.js
 *
 * Environment (all optional):
 *   DATABASE_URL     PostgreSQL; read from .infra/env when unset (a schema is created and dropped)
 *   BENCH_ITEMS      items scheduled and fired before the restarts, at most 100000 (default 5000)
 *   BENCH_ROUNDS     restarts per mode, interleaved (default 5, max 50)
 *   BENCH_PENDING    items pending for the index figures, at most 1000000 (default 0: none)
 *   BENCH_PENDING_ROUNDS  rounds of the index figures (default 3, max 20)
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { TestClock } from '@lib/clock';
import { createPostgresEventStore, EventStore, SqlEventStore } from '@lib/event-store';
import { DurableScheduler } from '@lib/scheduler';
import { generatedScheduleLog, uuidOf } from '@lib/scheduler/testing/generated-schedule-log';
import { memoryAfterGc } from '@lib/es-core/testing/memory-after-gc';
import { intFromEnv, median, readInfraEnv } from './bench-support';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? readInfraEnv('DATABASE_URL');
  if (!databaseUrl) throw new Error('DATABASE_URL not set (nor in .infra/env)');
  const items = intFromEnv('BENCH_ITEMS', 5000, 100_000);
  const rounds = intFromEnv('BENCH_ROUNDS', 5, 50);
  const schema = `sched_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema, poolConfig: { max: 10 } });
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  try {
    const first = new DurableScheduler(store, clock).on('review', async () => undefined);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < items) {
          const index = next++;
          await first.schedule({ workId: `w-${index}`, kind: 'review', dueAt: '2026-03-02T00:00:00.000Z', payload: { index } }, `cause-${index}`);
        }
      }),
    );
    clock.advance({ days: 2 });
    await first.tick();
    await first.schedule({ workId: 'later', kind: 'review', dueAt: '2026-09-01T00:00:00.000Z', payload: {} }, 'cause-later');
    // stop() saves the index; the restarts below find it.
    await first.stop();

    const timings: Record<string, number[]> = { 'whole log': [], 'saved index': [] };
    for (let round = 0; round < rounds; round += 1) {
      for (const mode of Object.keys(timings)) {
        const restarted = new DurableScheduler(store, clock, mode === 'whole log' ? { snapshots: null } : {});
        const started = performance.now();
        const pending = await restarted.pendingWork();
        timings[mode].push(performance.now() - started);
        if (pending.length !== 1) throw new Error(`expected 1 pending item, found ${pending.length}`);
      }
    }
    console.log(`node ${process.version}, ${new Date().toISOString()}, ${items} items fired (${2 * items + 1} events), ${rounds} rounds`);
    console.table(
      Object.entries(timings).map(([mode, ms]) => ({
        start: mode,
        'median ms': median(ms).toFixed(1),
        'min ms': Math.min(...ms).toFixed(1),
        'max ms': Math.max(...ms).toFixed(1),
      })),
    );
    const pending = intFromEnv('BENCH_PENDING', 0, 1_000_000);
    if (pending > 0) await pendingIndexFigures(store, clock, pending, intFromEnv('BENCH_PENDING_ROUNDS', 3, 20));
  } finally {
    await store.close();
    const admin = new Pool({ connectionString: databaseUrl, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

/**
 * A new scheduler reads a log of `count` scheduled items (nothing else), then stops, which
 * saves its index in the PostgreSQL store; another starts from that. Per round: the first
 * catch-up (CPU and wall), heap and array-buffer memory per item after a full collection,
 * the save (CPU, wall, longest event-loop stall, memory left behind before a collection,
 * size of the saved state) and the start from it.
 */
async function pendingIndexFigures(store: SqlEventStore, clock: TestClock, count: number, rounds: number): Promise<void> {
  const rows: Array<Record<string, string>> = [];
  for (let round = 0; round < rounds; round += 1) {
    const name = `bench:pending-${round}`;
    const log = generatedLog(count);
    const scheduler = new DurableScheduler(log, clock, { snapshots: store, snapshotName: name, snapshotEvery: 10_000_000 });
    const before = memoryAfterGc({ withArrayBuffers: true });
    let cpu = process.cpuUsage();
    let started = performance.now();
    if ((await scheduler.dueCount()) !== 0) throw new Error('nothing should be due');
    const catchUpMs = performance.now() - started;
    const catchUpCpu = cpuMs(cpu);
    const held = memoryAfterGc({ withArrayBuffers: true });
    const stall = monitorEventLoopDelay({ resolution: 10 });
    stall.enable();
    // The monitor's first sample only sets its start: a stall before it would go unseen.
    await new Promise((resolve) => setTimeout(resolve, 50));
    cpu = process.cpuUsage();
    started = performance.now();
    await scheduler.stop();
    const saveMs = performance.now() - started;
    const saveCpu = cpuMs(cpu);
    stall.disable();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    const leftBySave = heapUsed + arrayBuffers - held;
    const saved = await store.loadState(name);
    const stateChars = JSON.stringify(saved?.state).length;
    const restarted = new DurableScheduler(log, clock, { snapshots: store, snapshotName: name });
    started = performance.now();
    cpu = process.cpuUsage();
    if ((await restarted.dueCount()) !== 0) throw new Error('nothing should be due after the restart');
    const restoreMs = performance.now() - started;
    const restoreCpu = cpuMs(cpu);
    const now = clock.now();
    clock.advance({ days: 400 });
    const due = await restarted.dueCount();
    clock.set(now);
    if (due !== count) throw new Error(`expected ${count} due after the restart, found ${due}`);
    rows.push({
      round: String(round + 1),
      'catch-up ms (CPU)': `${catchUpMs.toFixed(0)} (${catchUpCpu.toFixed(0)})`,
      'B per item': ((held - before) / count).toFixed(1),
      'save ms (CPU)': `${saveMs.toFixed(0)} (${saveCpu.toFixed(0)})`,
      'longest stall ms': (stall.max / 1e6).toFixed(0),
      'MB left by save': (leftBySave / 1e6).toFixed(1),
      'state MB': (stateChars / 1e6).toFixed(1),
      'start from it ms (CPU)': `${restoreMs.toFixed(0)} (${restoreCpu.toFixed(0)})`,
    });
  }
  console.log(`pending index: ${count} items pending, ${rounds} rounds`);
  console.table(rows);
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

/** `count` WorkScheduled events made as they are read: the all-in-one's open account, a legal review and the cadence's next step. */
function generatedLog(count: number): EventStore {
  return generatedScheduleLog(count, (position) => {
    const accountId = uuidOf(position >> 1);
    return position % 2 ? { workId: `legal-review-${accountId}`, kind: 'legal-review', accountId } : { workId: `cadence-step-${accountId}-1-0`, kind: 'cadence-step', accountId };
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
