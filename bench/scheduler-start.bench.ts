/**
 * Durable scheduler start: the first catch-up of a new scheduler (what a restarted process
 * does before its first tick) after a history of fired items, reading the whole log
 * against starting from the saved pending index. Prints figures, never asserts.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   node -r ./deploy/runtime/register-paths.js dist/bench/scheduler-start.bench.js
 *
 * Environment (all optional):
 *   DATABASE_URL     PostgreSQL; read from .infra/env when unset (a schema is created and dropped)
 *   BENCH_ITEMS      items scheduled and fired before the restarts, at most 100000 (default 5000)
 *   BENCH_ROUNDS     restarts per mode, interleaved (default 5, max 50)
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { TestClock } from '@lib/clock';
import { createPostgresEventStore } from '@lib/event-store';
import { DurableScheduler } from '@lib/scheduler';
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
  } finally {
    await store.close();
    const admin = new Pool({ connectionString: databaseUrl, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
