import { createPgliteEventStore, EventStore, PgliteEventStore, ReadAllOptions } from '@lib/event-store';
import { TestClock } from '@lib/clock';
import { DurableScheduler, scheduleStreamId, ScheduledWork } from './durable-scheduler';
import { currentLogContext } from './log';

describe('durable scheduler (PGlite event store, test clock)', () => {
  let store: PgliteEventStore;
  let clock: TestClock;
  let fired: string[];
  let logged: Array<Record<string, unknown>>;
  const log = (entry: Record<string, unknown>) => void logged.push(entry);
  const record = async (work: ScheduledWork) => {
    fired.push(work.workId);
  };
  const work = (workId: string, dueAt: string): ScheduledWork => ({ workId, kind: 'review', dueAt, payload: { accountId: workId } });

  beforeEach(async () => {
    store = await createPgliteEventStore();
    clock = new TestClock('2026-03-01T00:00:00.000Z');
    fired = [];
    logged = [];
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
  });

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

  it('counts the work due now, and runs a handler in the log context of what scheduled it', async () => {
    const contexts: Array<Record<string, unknown> | undefined> = [];
    const scheduler = new DurableScheduler(store, clock).on('review', async () => void contexts.push(currentLogContext()));
    await scheduler.schedule(work('a', '2026-03-02T00:00:00.000Z'), 'cause-a', 'corr-a');
    await scheduler.schedule(work('b', '2026-03-03T00:00:00.000Z'), 'cause-b', 'corr-b');
    expect(await scheduler.dueCount()).toBe(0);
    clock.advance({ days: 1 });
    expect(await scheduler.dueCount()).toBe(1);
    clock.advance({ days: 1 });
    expect(await scheduler.dueCount()).toBe(2);
    await scheduler.tick();
    expect(await scheduler.dueCount()).toBe(0);
    expect(contexts).toEqual([
      expect.objectContaining({ correlationId: 'corr-a', principal: { role: 'system', id: 'scheduler' }, workId: 'a' }),
      expect.objectContaining({ correlationId: 'corr-b', workId: 'b' }),
    ]);
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
    const crashing = new DurableScheduler(store, clock).on('review', async (w) => {
      fired.push(w.workId);
    });
    await crashing.schedule(work('a', '2026-03-01T00:00:00.000Z'), 'cause-a');
    // The process dies after the handler's effect and before WorkFired is appended.
    jest.spyOn(store, 'appendToStream').mockRejectedValueOnce(new Error('crash after the effect'));
    await expect(crashing.tick()).rejects.toThrow('crash after the effect');
    await new DurableScheduler(store, clock).on('review', record).tick();
    expect(fired).toEqual(['a', 'a']);
    expect((await store.readStream(scheduleStreamId('a'))).map((e) => e.type)).toEqual(['WorkScheduled', 'WorkFired']);
  });

  it('fires the work due after a failing item, logs the failure and keeps the failed item for later', async () => {
    const scheduler = new DurableScheduler(store, clock, { log })
      .on('poison', async () => {
        throw new Error('poison pill');
      })
      .on('review', record);
    await scheduler.schedule({ workId: 'poison', kind: 'poison', dueAt: '2026-03-02T00:00:00.000Z', payload: {} }, 'cause-p');
    await scheduler.schedule(work('good', '2026-03-03T00:00:00.000Z'), 'cause-g');
    clock.advance({ days: 10 });

    for (let round = 0; round < 5; round += 1) await scheduler.tick();

    expect(fired).toEqual(['good']);
    expect(logged).toContainEqual(expect.objectContaining({ level: 'error', workId: 'poison', kind: 'poison', attempt: 1, error: 'poison pill' }));
    expect((await scheduler.pendingWork()).map((w) => w.workId)).toEqual(['poison']);
    expect((await store.readStream(scheduleStreamId('poison'))).map((e) => e.type)).toEqual(['WorkScheduled', 'WorkFailed']);
  });

  it('retries a failed item only once its backoff has passed, also after a restart, until it succeeds', async () => {
    let failuresLeft = 2;
    const flaky = async (w: ScheduledWork) => {
      if (failuresLeft-- > 0) throw new Error('downstream unavailable');
      fired.push(w.workId);
    };
    const retryAtOfLastFailure = async () => {
      const failures = (await store.readStream(scheduleStreamId('a'))).filter((e) => e.type === 'WorkFailed');
      return { attempts: failures.length, retryAt: new Date(String(failures[failures.length - 1].data.retryAt)) };
    };
    const first = new DurableScheduler(store, clock, { log }).on('review', flaky);
    await first.schedule(work('a', '2026-03-01T00:00:00.000Z'), 'cause-a');

    expect(await first.tick()).toBe(0);
    const firstFailure = await retryAtOfLastFailure();
    expect(firstFailure.attempts).toBe(1);
    expect(firstFailure.retryAt > clock.now()).toBe(true);
    clock.set(new Date(firstFailure.retryAt.getTime() - 1));
    expect(await first.tick()).toBe(0);
    expect((await retryAtOfLastFailure()).attempts).toBe(1);

    clock.set(firstFailure.retryAt);
    expect(await first.tick()).toBe(0);
    const secondFailure = await retryAtOfLastFailure();
    expect(secondFailure.attempts).toBe(2);
    // The pause grows with each failure.
    expect(secondFailure.retryAt.getTime() - firstFailure.retryAt.getTime()).toBeGreaterThan(firstFailure.retryAt.getTime() - Date.parse('2026-03-01T00:00:00.000Z'));

    // The backoff is in the store, so a restarted scheduler keeps it too.
    const restarted = new DurableScheduler(store, clock, { log }).on('review', flaky);
    expect(await restarted.tick()).toBe(0);
    expect((await retryAtOfLastFailure()).attempts).toBe(2);
    clock.set(secondFailure.retryAt);
    expect(await restarted.tick()).toBe(1);
    expect(fired).toEqual(['a']);
    expect((await store.readStream(scheduleStreamId('a'))).map((e) => e.type)).toEqual(['WorkScheduled', 'WorkFailed', 'WorkFailed', 'WorkFired']);
    expect(logged.filter((entry) => entry.workId === 'a' && entry.level === 'error')).toHaveLength(2);
  });

  it('can cancel an item that has failed before', async () => {
    const scheduler = new DurableScheduler(store, clock, { log }).on('review', async () => {
      throw new Error('not yet');
    });
    await scheduler.schedule(work('a', '2026-03-01T00:00:00.000Z'), 'cause-a');
    await scheduler.tick();
    await scheduler.cancel('a', 'cause-cancel');
    expect(await scheduler.pendingWork()).toEqual([]);
    expect((await store.readStream(scheduleStreamId('a'))).map((e) => e.type)).toEqual(['WorkScheduled', 'WorkFailed', 'WorkCancelled']);
  });

  it('skips an item cancelled or fired elsewhere while the tick was running', async () => {
    // `other` is another instance that only knows how to run `c`'s kind.
    const other = new DurableScheduler(store, clock).on('remind', async (w) => void fired.push(`other:${w.workId}`));
    const scheduler = new DurableScheduler(store, clock)
      .on('remind', record)
      .on('review', async (w) => {
        fired.push(w.workId);
        if (w.workId === 'a') {
          // While this tick runs `a`, a consumer cancels `b` and the other instance fires `c`.
          await scheduler.cancel('b', 'cause-cancel');
          await other.tick();
        }
      });
    await scheduler.schedule(work('a', '2026-03-01T00:00:00.000Z'), 'cause-a');
    await scheduler.schedule(work('b', '2026-03-02T00:00:00.000Z'), 'cause-b');
    await scheduler.schedule({ ...work('c', '2026-03-03T00:00:00.000Z'), kind: 'remind' }, 'cause-c');
    clock.advance({ days: 5 });

    expect(await scheduler.tick()).toBe(1);

    expect(fired).toEqual(['a', 'other:c']);
    expect((await store.readStream(scheduleStreamId('b'))).map((e) => e.type)).toEqual(['WorkScheduled', 'WorkCancelled']);
    expect((await store.readStream(scheduleStreamId('c'))).map((e) => e.type)).toEqual(['WorkScheduled', 'WorkFired']);
  });

  it('runs one catch-up at a time, so overlapping pendingWork and tick never move its read position back', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    let holdNextRead: Promise<void> | undefined;
    const watched: EventStore = {
      appendToStream: (...args) => store.appendToStream(...args),
      appendToStreams: (appends) => store.appendToStreams(appends),
      readStream: (...args) => store.readStream(...args),
      subscribeToAll: (options) => store.subscribeToAll(options),
      ping: () => store.ping(),
      close: () => store.close(),
      readAll: async (options?: ReadAllOptions) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        const hold = holdNextRead;
        holdNextRead = undefined;
        try {
          const page = await store.readAll(options);
          if (hold) await hold;
          return page;
        } finally {
          inFlight -= 1;
        }
      },
    };
    const scheduler = new DurableScheduler(watched, clock).on('review', record);
    await scheduler.schedule(work('a', '2026-03-01T00:00:00.000Z'), 'cause-a');

    let release!: () => void;
    holdNextRead = new Promise((resolve) => (release = resolve));
    const slow = scheduler.pendingWork();
    // Another instance fires `a` while the first catch-up is still on its way back: a
    // second catch-up overtaking it would index WorkFired, then the slow page would put
    // `a` back and move the position behind WorkFired.
    await new DurableScheduler(store, clock).on('review', async () => undefined).tick();
    const fast = scheduler.tick();
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all([slow, fast]);

    expect(mostInFlight).toBe(1);
    expect(await scheduler.pendingWork()).toEqual([]);
    expect(fired).toEqual([]);
  });

  it('stops cleanly when its running tick fails', async () => {
    const unreachable = { readAll: async () => Promise.reject(new Error('store unreachable')) } as unknown as EventStore;
    const scheduler = new DurableScheduler(unreachable, clock);
    const ticking = scheduler.tick();
    await expect(scheduler.stop()).resolves.toBeUndefined();
    await expect(ticking).rejects.toThrow('store unreachable');
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
