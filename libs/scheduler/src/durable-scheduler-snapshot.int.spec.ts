import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createPgliteEventStore, createPostgresEventStore, EventStore, ReadAllOptions, SqlEventStore } from '@lib/event-store';
import { TestClock } from '@lib/clock';
import { EventToAppend, Json } from '@lib/es-core';
import { DurableScheduler, DurableSchedulerOptions, scheduleStreamId, ScheduledWork } from './durable-scheduler';

const connectionString = process.env.DATABASE_URL;

// Fails loudly rather than skipping: PostgreSQL is part of the local infrastructure.
if (!connectionString) {
  throw new Error('DATABASE_URL is not set: run `npm run infra:up` (writes .infra/env) or export DATABASE_URL');
}

interface Adapter {
  name: string;
  create(): Promise<{ store: SqlEventStore; teardown: () => Promise<void> }>;
}

const admin = new Pool({ connectionString, max: 1 });
afterAll(() => admin.end());

const adapters: Adapter[] = [
  {
    name: 'PGlite',
    create: async () => {
      const store = await createPgliteEventStore();
      return { store, teardown: () => store.close() };
    },
  },
  {
    name: 'PostgreSQL',
    create: async () => {
      const schema = `sched_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const store = await createPostgresEventStore({ connectionString, schema, pollIntervalMs: 50 });
      return {
        store,
        teardown: async () => {
          await store.close();
          await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        },
      };
    },
  },
];

/** The store as the scheduler sees it, counting the events its global reads return. */
function counting(store: EventStore): { store: EventStore; eventsRead: () => number } {
  let read = 0;
  const wrapped: EventStore = {
    appendToStream: (streamId, events, options) => store.appendToStream(streamId, events, options),
    appendToStreams: (appends) => store.appendToStreams(appends),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: async (options?: ReadAllOptions) => {
      const page = await store.readAll(options);
      read += page.length;
      return page;
    },
    subscribeToAll: (options) => store.subscribeToAll(options),
    ping: () => store.ping(),
    close: () => store.close(),
  };
  return { store: wrapped, eventsRead: () => read };
}

describe.each(adapters)('durable scheduler, saved pending index ($name)', (adapter) => {
  let store: SqlEventStore;
  let teardown: () => Promise<void>;
  let clock: TestClock;
  let fired: string[];
  const record = async (work: ScheduledWork) => void fired.push(work.workId);
  const work = (workId: string, dueAt: string): ScheduledWork => ({ workId, kind: 'review', dueAt, payload: { accountId: workId } });
  /** A scheduler over the counting view of the store, saving its index in the store itself. */
  const scheduler = (options: DurableSchedulerOptions = {}) => {
    const view = counting(store);
    return { scheduler: new DurableScheduler(view.store, clock, { snapshots: store, ...options }).on('review', record), eventsRead: view.eventsRead };
  };
  const noSnapshots = () => scheduler({ snapshots: null });
  const unrelated = async (count: number) => {
    for (let index = 0; index < count; index += 1) {
      await store.appendToStream(`account-${randomUUID()}`, [anEvent()], { expectedVersion: 'no_stream' });
    }
  };
  const anEvent = (): EventToAppend => ({
    type: 'Noted',
    data: { note: 'x' },
    metadata: { eventId: randomUUID(), principal: { role: 'system', id: 'test' }, correlationId: 'c', causationId: 'c', occurredAt: clock.now().toISOString() },
  });

  beforeEach(async () => {
    ({ store, teardown } = await adapter.create());
    clock = new TestClock('2026-03-01T00:00:00.000Z');
    fired = [];
  });
  afterEach(() => teardown());

  it('reads only the log after the saved index at a restart, however many items were fired before', async () => {
    const first = scheduler().scheduler;
    const items = 120;
    for (let index = 0; index < items; index += 1) await first.schedule(work(`done-${index}`, '2026-03-02T00:00:00.000Z'), `cause-${index}`);
    await first.schedule(work('later-1', '2026-05-01T00:00:00.000Z'), 'cause-later-1');
    await first.schedule(work('later-2', '2026-06-01T00:00:00.000Z'), 'cause-later-2');
    clock.advance({ days: 2 });
    expect(await first.tick()).toBe(items);
    await first.stop();
    await unrelated(3);

    const restarted = scheduler();
    expect((await restarted.scheduler.pendingWork()).map((item) => item.workId)).toEqual(['later-1', 'later-2']);
    expect(restarted.eventsRead()).toBe(3);

    const fromScratch = noSnapshots();
    expect((await fromScratch.scheduler.pendingWork()).map((item) => item.workId)).toEqual(['later-1', 'later-2']);
    expect(fromScratch.eventsRead()).toBe(2 * items + 2 + 3);

    clock.advance({ days: 100 });
    expect(await restarted.scheduler.tick()).toBe(2);
    expect(fired.filter((id) => id.startsWith('later'))).toEqual(['later-1', 'later-2']);
    expect(fired).toHaveLength(items + 2);
  });

  it('sees what another instance scheduled and fired after the index was saved', async () => {
    const first = scheduler().scheduler;
    await first.schedule(work('x', '2026-03-02T00:00:00.000Z'), 'cause-x');
    await first.schedule(work('y', '2026-03-10T00:00:00.000Z'), 'cause-y');
    await first.stop();
    const saved = await store.loadState('scheduler:pending-index');
    expect(saved).not.toBeNull();

    // Another instance that does not save: the saved index stays behind what it does.
    const other = noSnapshots().scheduler;
    await other.schedule(work('z', '2026-03-05T00:00:00.000Z'), 'cause-z');
    clock.advance({ days: 1 });
    expect(await other.tick()).toBe(1);
    expect(fired).toEqual(['x']);
    expect((await store.loadState('scheduler:pending-index'))?.position).toBe(saved?.position);

    const restarted = scheduler();
    expect((await restarted.scheduler.pendingWork()).map((item) => item.workId)).toEqual(['z', 'y']);
    expect(restarted.eventsRead()).toBe(2);
    clock.advance({ days: 30 });
    expect(await restarted.scheduler.tick()).toBe(2);
    expect(fired).toEqual(['x', 'z', 'y']);
  });

  it('folds a long history after an old saved index to what a full read finds: fired, cancelled, failed and new items', async () => {
    const first = scheduler().scheduler;
    for (const id of ['a', 'b', 'c', 'd']) await first.schedule(work(id, '2026-03-02T00:00:00.000Z'), `cause-${id}`);
    await first.stop();

    // Much later history by an instance that never saves, whose handler fails on "b".
    const other = new DurableScheduler(store, clock, { snapshots: null, log: () => undefined }).on('review', async (item) => {
      if (item.workId === 'b') throw new Error('downstream refused');
      fired.push(item.workId);
    });
    await other.cancel('c', 'cancel-c');
    for (let index = 0; index < 20; index += 1) await other.schedule(work(`n-${index}`, `2026-03-${String(3 + (index % 20)).padStart(2, '0')}T00:00:00.000Z`), `cause-n-${index}`);
    clock.advance({ days: 1 });
    expect(await other.tick()).toBe(2);
    await other.cancel('n-3', 'cancel-n-3');
    clock.advance({ days: 3 });
    await other.tick();
    await unrelated(5);

    const fromSnapshot = scheduler();
    const fromScratch = noSnapshots();
    const expected = await fromScratch.scheduler.pendingWork();
    expect(await fromSnapshot.scheduler.pendingWork()).toEqual(expected);
    expect(expected.map((item) => item.workId)).toContain('b');
    expect(expected.map((item) => item.workId)).not.toContain('c');
    expect(fromSnapshot.eventsRead()).toBeLessThan(fromScratch.eventsRead());
    // "b" failed twice after the saved index: its backoff, stored since, holds for both.
    expect((await store.readStream(scheduleStreamId('b'))).map((event) => event.type)).toEqual(['WorkScheduled', 'WorkFailed', 'WorkFailed']);
    expect(await fromSnapshot.scheduler.dueCount()).toBe(0);
    expect(await fromScratch.scheduler.dueCount()).toBe(0);
  });

  it('saves the index every so many events, so a process that dies without stopping still starts from it', async () => {
    const crashing = scheduler({ snapshotEvery: 10 }).scheduler;
    for (let index = 0; index < 12; index += 1) await crashing.schedule(work(`w-${index}`, '2026-04-01T00:00:00.000Z'), `cause-${index}`);
    expect(await crashing.dueCount()).toBe(0);
    const saved = await store.loadState('scheduler:pending-index');
    expect(saved).not.toBeNull();
    // No stop(): the process died here.
    await unrelated(2);

    const restarted = scheduler();
    expect(await restarted.scheduler.pendingWork()).toHaveLength(12);
    expect(restarted.eventsRead()).toBe(2);
  });

  it('gives back payload dates and bigints from the saved index as the log does', async () => {
    const first = scheduler().scheduler;
    const payload = { accountId: 'a', remindAt: new Date('2026-04-01T09:30:00.000Z'), amountMinor: 9_007_199_254_740_993n };
    await first.schedule({ workId: 'typed', kind: 'review', dueAt: '2026-04-01T00:00:00.000Z', payload }, 'cause-typed');
    await first.stop();

    const restarted = scheduler();
    const [fromSaved] = await restarted.scheduler.pendingWork();
    expect(restarted.eventsRead()).toBe(0);
    expect(fromSaved.payload).toEqual(payload);
    expect((await noSnapshots().scheduler.pendingWork())[0].payload).toEqual(fromSaved.payload);
  });

  it('starts from an index saved in the format before the packed one (one object per item), backoff included', async () => {
    const writer = noSnapshots().scheduler;
    await writer.schedule(work('a', '2026-03-02T00:00:00.000Z'), 'cause-a');
    await writer.schedule(work('b', '2026-03-02T00:00:00.000Z'), 'cause-b');
    const [last] = (await store.readAll({ limit: 10 })).slice(-1);
    // As format 2 wrote it: "b" failed once and waits until the 5th.
    const items: Json[] = [
      { workId: 'a', kind: 'review', dueAt: '2026-03-02T00:00:00.000Z', version: 0, failures: 0 },
      { workId: 'b', kind: 'review', dueAt: '2026-03-02T00:00:00.000Z', version: 0, failures: 1, retryAt: '2026-03-05T00:00:00.000Z' },
    ];
    await store.saveState('scheduler:pending-index', { position: last.globalPosition, state: { format: 2, items } });

    const restarted = scheduler();
    expect((await restarted.scheduler.pendingWork()).map((item) => item.workId)).toEqual(['a', 'b']);
    expect(restarted.eventsRead()).toBe(0);
    clock.advance({ days: 2 });
    expect(await restarted.scheduler.tick()).toBe(1);
    expect(fired).toEqual(['a']);
    clock.advance({ days: 3 });
    expect(await restarted.scheduler.tick()).toBe(1);
    expect(fired).toEqual(['a', 'b']);
  });

  it('saves the index as packed columns and reads back ids with UUIDs, failures and kinds as the log gives them', async () => {
    const failing = new Set<string>();
    const first = scheduler({ log: () => undefined }).scheduler.on('remind', async (item) => {
      if (failing.has(item.workId)) throw new Error('refused');
      fired.push(item.workId);
    });
    const ids = Array.from({ length: 40 }, (_, n) => (n % 3 === 0 ? `legal-review-${randomUUID()}` : n % 3 === 1 ? `legal-review-${randomUUID()}-after-${randomUUID()}` : `plain-${n}`));
    for (const [n, id] of ids.entries()) {
      await first.schedule({ ...work(id, `2026-03-${String(2 + (n % 20)).padStart(2, '0')}T00:00:00.000Z`), kind: n % 2 ? 'remind' : 'review' }, `cause-${n}`);
    }
    ids.filter((_, n) => n % 2 === 1 && n < 10).forEach((id) => failing.add(id));
    clock.advance({ days: 4 });
    await first.tick();
    await first.stop();
    const saved = await store.loadState('scheduler:pending-index');
    expect(saved?.state).toEqual(expect.objectContaining({ format: 3, bytes: expect.any(String) }));

    const restarted = scheduler();
    const fromScratch = noSnapshots();
    expect(await restarted.scheduler.pendingWork()).toEqual(await fromScratch.scheduler.pendingWork());
    expect(restarted.eventsRead()).toBe(0);
    expect(await restarted.scheduler.dueCount()).toBe(await fromScratch.scheduler.dueCount());
    clock.advance({ hours: 2 });
    expect(await restarted.scheduler.dueCount()).toBe(await fromScratch.scheduler.dueCount());
  });

  it('reads the whole log when the saved index has a format it does not know', async () => {
    const first = scheduler().scheduler;
    await first.schedule(work('a', '2026-03-02T00:00:00.000Z'), 'cause-a');
    await first.stop();
    const saved = await store.loadState('scheduler:pending-index');
    await store.saveState('scheduler:pending-index', { position: saved?.position ?? 0n, state: { format: 99, items: [] } });
    const logged: Array<Record<string, unknown>> = [];

    const restarted = scheduler({ log: (entry) => void logged.push(entry) });
    expect((await restarted.scheduler.pendingWork()).map((item) => item.workId)).toEqual(['a']);
    expect(restarted.eventsRead()).toBe(1);
    expect(logged).toEqual([expect.objectContaining({ level: 'warn', msg: expect.stringContaining('unknown format') })]);
  });
});
