import { createPgliteEventStore, PgliteEventStore } from '@lib/event-store';
import { TestClock } from './clock';
import { DurableScheduler, scheduleStreamId, ScheduledWork } from './durable-scheduler';

describe('durable scheduler (PGlite event store, test clock)', () => {
  let store: PgliteEventStore;
  let clock: TestClock;
  let fired: string[];
  const record = async (work: ScheduledWork) => {
    fired.push(work.workId);
  };
  const work = (workId: string, dueAt: string): ScheduledWork => ({ workId, kind: 'review', dueAt, payload: { accountId: workId } });

  beforeEach(async () => {
    store = await createPgliteEventStore();
    clock = new TestClock('2026-03-01T00:00:00.000Z');
    fired = [];
  });
  afterEach(() => store.close());

  it('fires nothing before its time and each item once at or after it, soonest first', async () => {
    const scheduler = new DurableScheduler(store, clock).on('review', record);
    await scheduler.schedule(work('b', '2026-03-10T00:00:00.000Z'), 'cause-b');
    await scheduler.schedule(work('a', '2026-03-05T00:00:00.000Z'), 'cause-a');
    await scheduler.schedule(work('c', '2026-04-01T00:00:00.000Z'), 'cause-c');

    expect(await scheduler.tick()).toBe(0);
    clock.advance({ days: 3, hours: 23 });
    expect(await scheduler.tick()).toBe(0);
    clock.advance({ hours: 1 });
    expect(await scheduler.tick()).toBe(1);
    clock.advance({ days: 30 });
    expect(await scheduler.tick()).toBe(2);
    expect(fired).toEqual(['a', 'b', 'c']);
    expect(await scheduler.tick()).toBe(0);
    expect(await scheduler.pendingWork()).toEqual([]);
  });

  it('survives a restart: a new scheduler on the same store neither loses nor repeats work', async () => {
    const first = new DurableScheduler(store, clock).on('review', record);
    await first.schedule(work('a', '2026-03-02T00:00:00.000Z'), 'cause-a');
    await first.schedule(work('b', '2026-03-20T00:00:00.000Z'), 'cause-b');
    clock.advance({ days: 2 });
    await first.tick();

    const restarted = new DurableScheduler(store, clock).on('review', record);
    clock.advance({ days: 30 });
    await restarted.tick();
    expect(fired).toEqual(['a', 'b']);
  });

  it('runs the work again after a crash between the effect and the mark, so nothing is lost', async () => {
    let crash = true;
    const crashing = new DurableScheduler(store, clock).on('review', async (w) => {
      fired.push(w.workId);
      if (crash) throw new Error('crash after the effect');
    });
    await crashing.schedule(work('a', '2026-03-01T00:00:00.000Z'), 'cause-a');
    await expect(crashing.tick()).rejects.toThrow('crash after the effect');
    crash = false;
    await new DurableScheduler(store, clock).on('review', record).tick();
    expect(fired).toEqual(['a', 'a']);
    expect((await store.readStream(scheduleStreamId('a'))).map((e) => e.type)).toEqual(['WorkScheduled', 'WorkFired']);
  });

  it('marks an item fired once when two schedulers race for it', async () => {
    const one = new DurableScheduler(store, clock).on('review', record);
    const two = new DurableScheduler(store, clock).on('review', record);
    await one.schedule(work('a', '2026-03-01T00:00:00.000Z'), 'cause-a');
    const counts = await Promise.all([one.tick(), two.tick()]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    expect((await store.readStream(scheduleStreamId('a'))).filter((e) => e.type === 'WorkFired')).toHaveLength(1);
  });

  it('keeps the first schedule of an id and fires nothing that was cancelled', async () => {
    const scheduler = new DurableScheduler(store, clock).on('review', record);
    await scheduler.schedule(work('a', '2026-03-01T00:00:00.000Z'), 'cause-1');
    await scheduler.schedule(work('a', '2027-01-01T00:00:00.000Z'), 'cause-2');
    await scheduler.schedule(work('b', '2026-03-01T00:00:00.000Z'), 'cause-b');
    await scheduler.cancel('b', 'cause-cancel');
    await scheduler.tick();
    expect(fired).toEqual(['a']);
  });
});
