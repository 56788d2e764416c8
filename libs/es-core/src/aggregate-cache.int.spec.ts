import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createPgliteEventStore, createPostgresEventStore, EventStore } from '@lib/event-store';
import { createPglite } from '@lib/event-store/pglite/load-pglite';
import { AggregateCache } from './aggregate-cache';
import { CommandContext, CommandHandlerOptions, handleCommand, StreamStore } from './command-handler';
import { RecordedEvent } from './event';
import { Decider, reject } from './decider';
import { Add, tally } from './testing/tally.fixtures';

type AccountEvent = { type: 'Opened' | 'Closed' | 'Reopened' | 'Deposited'; data: Record<string, never> };
interface AccountState {
  open: boolean;
  deposits: number;
}
/** An account that must exist (the decider throws otherwise) and be open to take a deposit. */
const account: Decider<AccountState | null, { type: 'open' | 'close' | 'reopen' | 'deposit' }, AccountEvent> = {
  initialState: () => null,
  evolve: (state, event) => {
    if (event.type === 'Opened') return { open: true, deposits: 0 };
    if (!state) return state;
    if (event.type === 'Deposited') return { ...state, deposits: state.deposits + 1 };
    return { ...state, open: event.type === 'Reopened' };
  },
  decide: (command, state) => {
    if (command.type === 'open') return [{ type: 'Opened', data: {} }];
    if (!state) throw new Error('no account');
    if (command.type === 'close') return [{ type: 'Closed', data: {} }];
    if (command.type === 'reopen') return [{ type: 'Reopened', data: {} }];
    return state.open ? [{ type: 'Deposited', data: {} }] : reject('account-closed', 'the account is closed');
  },
};

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('DATABASE_URL is not set: run `npm run infra:up` (writes .infra/env) or export DATABASE_URL');

/** Two store objects on one database: two processes, each with its own cache. */
interface TwoProcesses {
  first: EventStore;
  second: EventStore;
  close(): Promise<void>;
}

const adapters: [string, () => Promise<TwoProcesses>][] = [
  [
    'PGlite',
    async () => {
      const db = createPglite();
      const first = await createPgliteEventStore({ db });
      const second = await createPgliteEventStore({ db });
      return {
        first,
        second,
        close: async () => {
          await first.close();
          await second.close();
          await db.close();
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = `es_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const first = await createPostgresEventStore({ connectionString, schema });
      const second = await createPostgresEventStore({ connectionString, schema });
      return {
        first,
        second,
        close: async () => {
          await first.close();
          await second.close();
          const admin = new Pool({ connectionString, max: 1 });
          await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await admin.end();
        },
      };
    },
  ],
];

describe.each(adapters)('the aggregate cache on %s', (_adapter, open) => {
  let processes: TwoProcesses;
  let store: EventStore;
  let ids = 0;
  beforeAll(async () => {
    processes = await open();
    store = processes.first;
  });
  afterAll(() => processes.close());

  const newStream = () => `tally-${randomUUID()}`;
  const context = (causationId: string, extra: Partial<CommandContext> = {}): CommandContext => ({
    principal: { role: 'collector', id: 'col-7' },
    correlationId: 'corr-1',
    causationId,
    now: new Date('2026-02-01T10:00:00.000Z'),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    ...extra,
  });
  const add = (on: StreamStore, streamId: string, command: Add, causationId: string, options: CommandHandlerOptions, extra: Partial<CommandContext> = {}) =>
    handleCommand(on, tally, streamId, command, context(causationId, extra), options);

  /** The store, with every readStream call written down (options included). */
  function recordingReads(on: EventStore): { store: StreamStore; reads: { options: unknown; events: number }[] } {
    const reads: { options: unknown; events: number }[] = [];
    return {
      reads,
      store: {
        readStream: async (streamId, options) => {
          const events = await on.readStream(streamId, options);
          reads.push({ options, events: events.length });
          return events;
        },
        appendToStream: (streamId, events, options) => on.appendToStream(streamId, events, options),
      },
    };
  }

  it('reads a stream from a version on (the port read the cache relies on)', async () => {
    const streamId = newStream();
    for (let i = 0; i < 4; i++) await add(store, streamId, { amount: 1, cap: 100 }, `c-${i}`, { cache: false });
    expect((await store.readStream(streamId, { fromVersion: 2 })).map((e) => e.version)).toEqual([2, 3]);
    expect(await store.readStream(streamId, { fromVersion: 4 })).toEqual([]);
    expect((await store.readStream(streamId, { fromVersion: 1, toVersion: 2 })).map((e) => e.version)).toEqual([1, 2]);
    await expect(store.readStream(streamId, { fromVersion: 1.5 })).rejects.toThrow(RangeError);
  });

  it('gives the same outcomes as folding the whole stream every time', async () => {
    const cachedStream = newStream();
    const uncachedStream = newStream();
    const cache = new AggregateCache({ maxCausationsPerStream: 1 });
    // Accepted, refused, refused on the record, and redelivered causations (dedupe), in a fixed mix.
    const script = Array.from({ length: 24 }, (_, i) => ({
      command: { amount: (i * 7) % 5, cap: 15, recordRefusal: i % 4 === 0 },
      causationId: `c-${i % 3 === 2 ? i - 2 : i}`,
      dedupeByCausation: i % 3 !== 1,
    }));
    const strip = (outcome: Awaited<ReturnType<typeof handleCommand>>) => ({
      ...outcome,
      ...('events' in outcome ? { events: outcome.events.map(({ type, data, metadata }) => ({ type, data, causationId: metadata.causationId })) } : {}),
    });
    for (const step of script) {
      const extra = { dedupeByCausation: step.dedupeByCausation };
      const cached = await add(store, cachedStream, step.command, step.causationId, { cache }, extra);
      const uncached = await add(store, uncachedStream, step.command, step.causationId, { cache: false }, extra);
      expect(strip(cached)).toEqual(strip(uncached));
    }
    const outcomes = await Promise.all([store.readStream(cachedStream), store.readStream(uncachedStream)]);
    const shape = (events: RecordedEvent[]) => events.map(({ type, data, version, metadata }) => ({ type, data, version, causationId: metadata.causationId }));
    expect(shape(outcomes[0])).toEqual(shape(outcomes[1]));
    expect(outcomes[0].some((e) => e.type === 'AdditionRefused')).toBe(true);
  });

  it('reads nothing for a stream it created and holds: the append confirms the held state', async () => {
    const streamId = newStream();
    const cache = new AggregateCache();
    const recorded = recordingReads(store);
    for (let i = 0; i < 5; i++) await add(recorded.store, streamId, { amount: 1, cap: 100 }, `c-${i}`, { cache });
    const outcome = await add(recorded.store, streamId, { amount: 1, cap: 100 }, 'c-5', { cache });
    expect(outcome).toMatchObject({ outcome: 'accepted', version: 5, state: { total: 6 } });
    expect(recorded.reads).toEqual([]);
    expect((await store.readStream(streamId)).map((e) => e.version)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reads only the events after the cached version when the held state could not be confirmed', async () => {
    const streamId = newStream();
    const cache = new AggregateCache();
    const recorded = recordingReads(store);
    for (let i = 0; i < 3; i++) await add(recorded.store, streamId, { amount: 4, cap: 100 }, `c-${i}`, { cache });
    // A refusal appends nothing, so it is decided again on the tail read from the store.
    const outcome = await add(recorded.store, streamId, { amount: 90, cap: 100 }, 'c-3', { cache });
    expect(outcome).toMatchObject({ outcome: 'rejected', version: 2, state: { total: 12 } });
    expect(recorded.reads).toEqual([{ options: { fromVersion: 3 }, events: 0 }]);
  });

  it("sees another process's appends before deciding (no lost update)", async () => {
    const streamId = newStream();
    const mine = new AggregateCache();
    const theirs = new AggregateCache();
    await add(processes.first, streamId, { amount: 3, cap: 10 }, 'a-1', { cache: mine });
    await add(processes.second, streamId, { amount: 4, cap: 10 }, 'b-1', { cache: theirs });
    // Mine holds total 3 at version 0; the stream is at 7, version 1.
    expect(await add(processes.first, streamId, { amount: 4, cap: 10 }, 'a-2', { cache: mine })).toMatchObject({ outcome: 'rejected', state: { total: 7 }, version: 1 });
    expect(await add(processes.first, streamId, { amount: 3, cap: 10 }, 'a-3', { cache: mine })).toMatchObject({ outcome: 'accepted', state: { total: 10 }, version: 2 });
    expect(await add(processes.second, streamId, { amount: 1, cap: 10 }, 'b-2', { cache: theirs })).toMatchObject({ outcome: 'rejected', state: { total: 10 }, version: 2 });
  });

  it('decides again when another process appends between its read and its append', async () => {
    const streamId = newStream();
    const mine = new AggregateCache();
    await add(processes.first, streamId, { amount: 5, cap: 10 }, 'a-1', { cache: mine });
    let interfered = false;
    const racing: StreamStore = {
      readStream: (id, options) => processes.first.readStream(id, options),
      appendToStream: async (id, events, options) => {
        if (!interfered) {
          interfered = true;
          await add(processes.second, streamId, { amount: 5, cap: 10 }, 'b-1', { cache: new AggregateCache() });
        }
        return processes.first.appendToStream(id, events, options);
      },
    };
    // Decided on total 5 (+5 fits the cap), appended after the other's +5: the version check
    // refuses the append, and the decision made again on total 10 refuses the command.
    const outcome = await add(racing, streamId, { amount: 5, cap: 10 }, 'a-2', { cache: mine });
    expect(outcome).toMatchObject({ outcome: 'rejected', rejection: { rule: 'tally-cap' }, state: { total: 10 }, version: 1 });
    expect((await store.readStream(streamId)).map((e) => e.data)).toEqual([{ amount: 5 }, { amount: 5 }]);
  });

  it('finds an earlier effect of a causation the cache no longer remembers', async () => {
    const streamId = newStream();
    const cache = new AggregateCache({ maxCausationsPerStream: 2 });
    const dedupe = { dedupeByCausation: true };
    for (let i = 0; i < 6; i++) await add(store, streamId, { amount: i + 1, cap: 1_000 }, `c-${i}`, { cache }, dedupe);
    expect(cache.has(streamId)).toBe(true);

    const forgotten = await add(store, streamId, { amount: 50, cap: 1_000 }, 'c-0', { cache }, dedupe);
    expect(forgotten).toMatchObject({ outcome: 'duplicate', version: 5, state: { total: 21 } });
    expect(forgotten.outcome === 'duplicate' && forgotten.events.map((e) => e.data)).toEqual([{ amount: 1 }]);
    const remembered = await add(store, streamId, { amount: 50, cap: 1_000 }, 'c-5', { cache }, dedupe);
    expect(remembered.outcome === 'duplicate' && remembered.events.map((e) => e.data)).toEqual([{ amount: 6 }]);
    expect(await add(store, streamId, { amount: 50, cap: 1_000 }, 'c-6', { cache }, dedupe)).toMatchObject({ outcome: 'accepted', version: 6, state: { total: 71 } });
    expect(await store.readStream(streamId)).toHaveLength(7);
  });

  it('finds a causation another process appended, past the bound', async () => {
    const streamId = newStream();
    const mine = new AggregateCache({ maxCausationsPerStream: 1 });
    const dedupe = { dedupeByCausation: true };
    await add(processes.second, streamId, { amount: 1, cap: 100 }, 'theirs', { cache: new AggregateCache() }, dedupe);
    for (let i = 0; i < 3; i++) await add(processes.first, streamId, { amount: 1, cap: 100 }, `mine-${i}`, { cache: mine }, dedupe);
    expect(await add(processes.first, streamId, { amount: 1, cap: 100 }, 'theirs', { cache: mine }, dedupe)).toMatchObject({ outcome: 'duplicate', version: 3 });
  });

  it('does not read the stream again for a causation it knows is new', async () => {
    const streamId = newStream();
    const cache = new AggregateCache();
    const recorded = recordingReads(store);
    const dedupe = { dedupeByCausation: true };
    for (let i = 0; i < 3; i++) await add(recorded.store, streamId, { amount: 1, cap: 100 }, `c-${i}`, { cache }, dedupe);
    expect(recorded.reads).toEqual([]);
  });

  describe('the optimistic first attempt (decides on the held state without reading)', () => {
    it('decides again on the real state when the held state is stale, without spending a retry', async () => {
      const streamId = newStream();
      const mine = new AggregateCache();
      await add(processes.first, streamId, { amount: 3, cap: 10 }, 'a-1', { cache: mine });
      await add(processes.second, streamId, { amount: 4, cap: 10 }, 'b-1', { cache: new AggregateCache() });
      // Held: total 3 at version 0, where +5 fits; the stream holds 7, where it does not.
      const outcome = await add(processes.first, streamId, { amount: 5, cap: 10 }, 'a-2', { cache: mine, retriesOnConflict: 0 });
      expect(outcome).toMatchObject({ outcome: 'rejected', rejection: { rule: 'tally-cap' }, state: { total: 7 }, version: 1 });
      expect((await store.readStream(streamId)).map((e) => e.data)).toEqual([{ amount: 3 }, { amount: 4 }]);
      expect(await add(processes.first, streamId, { amount: 3, cap: 10 }, 'a-3', { cache: mine, retriesOnConflict: 0 })).toMatchObject({
        outcome: 'accepted',
        state: { total: 10 },
        version: 2,
      });
    });

    it('reads a stream it does not hold before deciding what the guess of a new stream got wrong', async () => {
      const streamId = newStream();
      await add(processes.second, streamId, { amount: 9, cap: 10 }, 'b-1', { cache: new AggregateCache() });
      const recorded = recordingReads(processes.first);
      // Guessed new (total 0), +2 fits; the append expecting no stream is refused, and the real total 9 does not fit.
      const outcome = await add(recorded.store, streamId, { amount: 2, cap: 10 }, 'a-1', { cache: new AggregateCache(), retriesOnConflict: 0 });
      expect(outcome).toMatchObject({ outcome: 'rejected', state: { total: 9 }, version: 0 });
      expect(recorded.reads).toEqual([{ options: undefined, events: 1 }]);
      expect(await store.readStream(streamId)).toHaveLength(1);
    });

    it('never refuses on a guess: a refusal of the held state is decided again on the stream', async () => {
      const streamId = newStream();
      const mine = new AggregateCache();
      await handleCommand(processes.first, account, streamId, { type: 'open' }, context('a-1'), { cache: mine });
      await handleCommand(processes.first, account, streamId, { type: 'close' }, context('a-2'), { cache: mine });
      await handleCommand(processes.second, account, streamId, { type: 'reopen' }, context('b-1'), { cache: new AggregateCache() });
      // Held: closed at version 1, where a deposit is refused; the stream is open again.
      const outcome = await handleCommand(processes.first, account, streamId, { type: 'deposit' }, context('a-3'), { cache: mine });
      expect(outcome).toMatchObject({ outcome: 'accepted', state: { open: true, deposits: 1 }, version: 3 });
    });

    it('decides again on the stream when the decider throws on the guessed state', async () => {
      const streamId = newStream();
      await handleCommand(processes.second, account, streamId, { type: 'open' }, context('b-1'), { cache: new AggregateCache() });
      // Guessed new: the account decider throws on a deposit to no account.
      const outcome = await handleCommand(processes.first, account, streamId, { type: 'deposit' }, context('a-1'), { cache: new AggregateCache() });
      expect(outcome).toMatchObject({ outcome: 'accepted', state: { open: true, deposits: 1 }, version: 1 });
      await expect(handleCommand(processes.first, account, newStream(), { type: 'deposit' }, context('a-2'), { cache: new AggregateCache() })).rejects.toThrow(
        'no account',
      );
    });

    it('finds the earlier effects of a redelivered cause after a restart (nothing held)', async () => {
      const streamId = newStream();
      const dedupe = { dedupeByCausation: true };
      await add(store, streamId, { amount: 1, cap: 100 }, 'x', { cache: new AggregateCache() }, dedupe);
      const restarted = new AggregateCache();
      const outcome = await add(store, streamId, { amount: 1, cap: 100 }, 'x', { cache: restarted, retriesOnConflict: 0 }, dedupe);
      expect(outcome).toMatchObject({ outcome: 'duplicate', version: 0, state: { total: 1 } });
      expect(outcome.outcome === 'duplicate' && outcome.events.map((e) => e.data)).toEqual([{ amount: 1 }]);
      expect(await store.readStream(streamId)).toHaveLength(1);
    });

    it('reads the stream for a cause the held state remembers, instead of answering from memory', async () => {
      const streamId = newStream();
      const cache = new AggregateCache();
      const dedupe = { dedupeByCausation: true };
      const recorded = recordingReads(store);
      await add(recorded.store, streamId, { amount: 1, cap: 100 }, 'x', { cache }, dedupe);
      const outcome = await add(recorded.store, streamId, { amount: 1, cap: 100 }, 'x', { cache }, dedupe);
      expect(outcome.outcome === 'duplicate' && outcome.events.map((e) => e.metadata.causationId)).toEqual(['x']);
      expect(recorded.reads.length).toBeGreaterThan(0);
    });
  });

  it('evicts the least recently used stream beyond its bound', async () => {
    const cache = new AggregateCache({ maxStreams: 2 });
    const [a, b, c] = [newStream(), newStream(), newStream()];
    await add(store, a, { amount: 1, cap: 100 }, 'a', { cache });
    await add(store, b, { amount: 1, cap: 100 }, 'b', { cache });
    await add(store, a, { amount: 1, cap: 100 }, 'a2', { cache });
    await add(store, c, { amount: 1, cap: 100 }, 'c', { cache });
    expect([cache.has(a), cache.has(b), cache.has(c), cache.size]).toEqual([true, false, true, 2]);
    // An evicted stream is read whole again, and its state is still right.
    expect(await add(store, b, { amount: 1, cap: 100 }, 'b2', { cache })).toMatchObject({ outcome: 'accepted', version: 1, state: { total: 2 } });
    expect(cache.has(a)).toBe(false);
  });

  it('keeps within its byte bound, holding no stream larger than it', async () => {
    const cache = new AggregateCache({ maxBytes: 2_200 });
    const streams = [newStream(), newStream(), newStream()];
    for (const [n, streamId] of streams.entries()) {
      for (let i = 0; i < 8; i++) await add(store, streamId, { amount: 1, cap: 100 }, `causation-with-a-longish-id-${n}-${i}`, { cache });
      expect(cache.approximateBytes).toBeLessThanOrEqual(2_200);
    }
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThan(3);
    const tiny = new AggregateCache({ maxBytes: 1 });
    expect(await add(store, streams[0], { amount: 1, cap: 100 }, 'x', { cache: tiny })).toMatchObject({ outcome: 'accepted', version: 8, state: { total: 9 } });
    expect([tiny.size, tiny.approximateBytes]).toEqual([0, 0]);
  });
});
