import { RecordedEvent } from '@lib/es-core';
import type { CheckpointStore, EventStore, ReadAllOptions } from '@lib/event-store';
import { createInProcessMessageBus, IncomingMessage, MessageBus, OutgoingMessage } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { TestClock } from '@lib/clock';
import { ForegroundWork } from './foreground-work';
import { Relay } from './relay';

describe('relay, when a round fails', () => {
  let bus: MessageBus;
  let logged: Array<Record<string, unknown>>;

  beforeEach(() => {
    bus = createInProcessMessageBus();
    logged = [];
  });
  afterEach(() => bus.close());
  const log = (entry: Record<string, unknown>) => void logged.push(entry);

  it('logs each failure with where it stood and keeps retrying, pausing longer each time', async () => {
    const events = [recorded('acct-a', 0, 1n), recorded('acct-b', 0, 2n)];
    const checkpoints = new Map<string, bigint>();
    let brokenRounds = 2;
    const received: IncomingMessage[] = [];
    await bus.ensureTopics(['things']);
    const subscription = await bus.subscribe({ groupId: 'test', topics: ['things'], handler: async (m) => void received.push(m) });
    const relay = new Relay({
      name: 'out',
      store: storeOf(events),
      checkpoints: checkpointsIn(checkpoints),
      bus,
      batchSize: 1,
      gateway: (event) => {
        if (event.streamId === 'acct-b' && brokenRounds-- > 0) throw new Error('gateway broke');
        return [message(event)];
      },
      retryBackoff: { initialMs: 1, maxMs: 1000 },
      log,
    });

    relay.start(1);
    try {
      await waitFor('both messages', () => received.length === 2, { timeoutMs: 10_000 });
    } finally {
      await relay.stop();
      await subscription.close();
    }

    expect(received.map((m) => m.key)).toEqual(['acct-a', 'acct-b']);
    expect(logged).toEqual([
      expect.objectContaining({ level: 'error', relay: 'out', after: '1', streamId: 'acct-b', globalPosition: '2', error: 'gateway broke', retryInMs: 1 }),
      expect.objectContaining({ level: 'error', relay: 'out', after: '1', streamId: 'acct-b', globalPosition: '2', error: 'gateway broke', retryInMs: 2 }),
    ]);
    expect(checkpoints.get('out')).toBe(2n);
  });

  it('names the batch it could not publish', async () => {
    const events = [recorded('acct-a', 0, 5n), recorded('acct-a', 1, 6n)];
    let published = false;
    const failingOnce: MessageBus = {
      ...bus,
      publish: async (messages) => {
        if (!published) {
          published = true;
          throw new Error('broker down');
        }
        await bus.publish(messages);
      },
    };
    const checkpoints = new Map<string, bigint>();
    const relay = new Relay({
      name: 'out',
      store: storeOf(events),
      checkpoints: checkpointsIn(checkpoints),
      bus: failingOnce,
      gateway: (e) => [message(e)],
      retryBackoff: { initialMs: 1, maxMs: 1 },
      log,
    });

    relay.start(1);
    try {
      await waitFor('the checkpoint past both events', () => checkpoints.get('out') === 6n, { timeoutMs: 10_000 });
    } finally {
      await relay.stop();
    }

    expect(logged).toEqual([
      expect.objectContaining({ level: 'error', relay: 'out', after: null, fromPosition: '5', toPosition: '6', error: 'broker down' }),
    ]);
  });
});

function recorded(streamId: string, version: number, globalPosition: bigint): RecordedEvent {
  return {
    streamId,
    version,
    globalPosition,
    type: 'ThingHappened',
    data: {},
    metadata: {
      eventId: `${streamId}-${version}`,
      principal: { role: 'system', id: 'test' },
      correlationId: 'corr',
      causationId: 'cause',
      occurredAt: '2026-04-01T00:00:00.000Z',
    },
  } as RecordedEvent;
}

function message(event: RecordedEvent): OutgoingMessage {
  return {
    topic: 'things',
    key: event.streamId,
    value: {},
    headers: { 'message-type': event.type, 'message-id': event.metadata.eventId, 'correlation-id': 'corr', 'causation-id': 'cause' },
  };
}

function storeOf(events: RecordedEvent[]): EventStore {
  return {
    readAll: async ({ after, limit = 1000 }: ReadAllOptions = {}) => events.filter((e) => after === undefined || e.globalPosition > after).slice(0, limit),
    onAppended: () => () => undefined,
  } as unknown as EventStore;
}

function checkpointsIn(saved: Map<string, bigint>): CheckpointStore {
  return { load: async (name) => saved.get(name) ?? null, save: async (name, position) => void saved.set(name, position) };
}

describe('relay health', () => {
  it('is stuck only while events wait and it has made no progress for longer than allowed; progress clears it', async () => {
    const wallClock = new TestClock('2026-04-01T00:00:00.000Z');
    const events: RecordedEvent[] = [];
    const checkpoints = new Map<string, bigint>();
    let busUp = false;
    const published: OutgoingMessage[] = [];
    const relay = new Relay({
      name: 'out',
      store: storeOf(events),
      checkpoints: checkpointsIn(checkpoints),
      bus: { publish: async (messages: readonly OutgoingMessage[]) => (busUp ? void published.push(...messages) : Promise.reject(new Error('bus down'))) } as unknown as MessageBus,
      gateway: (event) => [message(event)],
      wallClock,
      log: () => undefined,
    });

    wallClock.advance({ minutes: 5 });
    expect(await relay.health(30_000)).toMatchObject({ lag: 0, stuck: false });

    events.push(recorded('acct-a', 0, 1n), recorded('acct-b', 0, 2n));
    await expect(relay.drain()).rejects.toThrow('bus down');
    expect(await relay.health(30_000)).toMatchObject({ lag: 2, stuck: true });

    busUp = true;
    await relay.drain();
    expect(await relay.health(30_000)).toMatchObject({ lag: 0, stuck: false, sinceProgressMs: 0 });
    expect(published).toHaveLength(2);

    events.push(recorded('acct-c', 0, 3n));
    wallClock.advance({ seconds: 10 });
    expect(await relay.health(30_000)).toMatchObject({ lag: 1, stuck: false });
  });
});

describe('relay, while idle', () => {
  it('reads the store only on the fallback interval, not on a fast poll, and at once when woken', async () => {
    const events: RecordedEvent[] = [];
    let reads = 0;
    let wake: (() => void) | undefined;
    const store = {
      readAll: async (options?: ReadAllOptions) => {
        reads += 1;
        return storeOf(events).readAll(options);
      },
      onAppended: (listener: () => void) => {
        wake = listener;
        return () => (wake = undefined);
      },
    } as unknown as EventStore;
    const published: OutgoingMessage[] = [];
    const relay = new Relay({
      name: 'out',
      store,
      checkpoints: checkpointsIn(new Map()),
      bus: { publish: async (messages: readonly OutgoingMessage[]) => void published.push(...messages) } as unknown as MessageBus,
      gateway: (event) => [message(event)],
      log: () => undefined,
    });

    relay.start();
    try {
      await waitFor('the wake-up subscription', () => wake !== undefined, { timeoutMs: 1_000, intervalMs: 5 });
      await new Promise((resolve) => setTimeout(resolve, 400));
      // The first round only: a 50 ms poll would have read eight times by now.
      expect(reads).toBe(1);

      events.push(recorded('acct-a', 0, 1n));
      wake?.();
      await waitFor('the woken round', () => published.length === 1, { timeoutMs: 200, intervalMs: 5 });
    } finally {
      await relay.stop();
    }
    expect(wake).toBeUndefined();
  });
});

describe('relay on a bus that forgets on a crash (with `consumed`), while its loop runs', () => {
  it('saves its checkpoint at most once a second and on stop, and reports its lag from the position it published', async () => {
    const wallClock = new TestClock('2026-04-01T00:00:00.000Z');
    const events: RecordedEvent[] = [recorded('acct-a', 0, 1n)];
    const checkpoints = new Map<string, bigint>();
    const saves: Array<[string, bigint]> = [];
    const kept = checkpointsIn(checkpoints);
    let wake: (() => void) | undefined;
    const store = {
      readAll: (options?: ReadAllOptions) => storeOf(events).readAll(options),
      onAppended: (listener: () => void) => {
        wake = listener;
        return () => (wake = undefined);
      },
    } as unknown as EventStore;
    const published: OutgoingMessage[] = [];
    const relay = new Relay({
      name: 'out',
      store,
      checkpoints: { ...kept, save: async (name: string, position: bigint) => {
          saves.push([name, position]);
          await kept.save(name, position);
        },
      } as CheckpointStore,
      bus: { publish: async (messages: readonly OutgoingMessage[]) => void published.push(...messages) } as unknown as MessageBus,
      gateway: (event) => [message(event)],
      consumed: { name: 'out-consumed', allConsumed: async () => false },
      wallClock,
      log: () => undefined,
    });

    relay.start();
    try {
      await waitFor('the first round', () => published.length === 1 && wake !== undefined, { timeoutMs: 2_000, intervalMs: 5 });
      // The first round saves (none before it); the next ones within the second keep the position in memory.
      expect(saves).toEqual([['out', 1n]]);
      events.push(recorded('acct-b', 0, 2n), recorded('acct-c', 0, 3n));
      wake?.();
      await waitFor('the woken round', () => published.length === 3, { timeoutMs: 2_000, intervalMs: 5 });
      expect(saves).toEqual([['out', 1n]]);
      expect(await relay.health(30_000)).toMatchObject({ lag: 0 });

      wallClock.advance({ seconds: 1 });
      events.push(recorded('acct-d', 0, 4n));
      wake?.();
      await waitFor('a round a second later', () => published.length === 4, { timeoutMs: 2_000, intervalMs: 5 });
      await waitFor('its save', () => saves.length === 2, { timeoutMs: 2_000, intervalMs: 5 });
      expect(saves[1]).toEqual(['out', 4n]);

      events.push(recorded('acct-e', 0, 5n));
      wake?.();
      await waitFor('the last round', () => published.length === 5, { timeoutMs: 2_000, intervalMs: 5 });
      expect(checkpoints.get('out')).toBe(4n);
    } finally {
      await relay.stop();
    }
    // Stopping saves what the loop published.
    expect(checkpoints.get('out')).toBe(5n);
  });

  it('saves a position left unsaved once the second is up even when nothing more comes, without waiting for the fallback interval', async () => {
    const wallClock = new TestClock('2026-04-01T00:00:00.000Z');
    const events: RecordedEvent[] = [recorded('acct-a', 0, 1n)];
    const checkpoints = new Map<string, bigint>();
    let wake: (() => void) | undefined;
    const store = {
      readAll: (options?: ReadAllOptions) => storeOf(events).readAll(options),
      onAppended: (listener: () => void) => {
        wake = listener;
        return () => (wake = undefined);
      },
    } as unknown as EventStore;
    const published: OutgoingMessage[] = [];
    const relay = new Relay({
      name: 'out',
      store,
      checkpoints: checkpointsIn(checkpoints),
      bus: { publish: async (messages: readonly OutgoingMessage[]) => void published.push(...messages) } as unknown as MessageBus,
      gateway: (event) => [message(event)],
      consumed: { name: 'out-consumed', allConsumed: async () => true },
      wallClock,
      log: () => undefined,
    });

    // A fallback far longer than the test: only the due save can end the wait.
    relay.start(60_000);
    try {
      await waitFor('the first round', () => published.length === 1 && wake !== undefined, { timeoutMs: 2_000, intervalMs: 5 });
      events.push(recorded('acct-b', 0, 2n));
      wake?.();
      await waitFor('the woken round', () => published.length === 2, { timeoutMs: 2_000, intervalMs: 5 });
      expect(checkpoints.get('out')).toBe(1n);

      // The relay is idle from here on: the position it kept in memory still reaches the store.
      wallClock.advance({ seconds: 1 });
      await waitFor('the deferred save', () => checkpoints.get('out') === 2n, { timeoutMs: 3_000, intervalMs: 5 });
      // And the consumed position (every consumer handled it) reaches it too.
      await waitFor('the consumed position', () => checkpoints.get('out-consumed') === 2n, { timeoutMs: 3_000, intervalMs: 5 });
      expect(published).toHaveLength(2);
    } finally {
      await relay.stop();
    }
  });
});

describe('relay, behind the process foreground work', () => {
  it('publishes nothing while foreground work runs, is not stuck meanwhile, and publishes everything once it ends', async () => {
    const wallClock = new TestClock('2026-04-01T00:00:00.000Z');
    const foreground = new ForegroundWork();
    const events = [recorded('acct-a', 0, 1n)];
    const published: OutgoingMessage[] = [];
    const relay = new Relay({
      name: 'out',
      store: storeOf(events),
      checkpoints: checkpointsIn(new Map()),
      bus: { publish: async (messages: readonly OutgoingMessage[]) => void published.push(...messages) } as unknown as MessageBus,
      gateway: (event) => [message(event)],
      wallClock,
      waitForTurn: () => foreground.whenIdle(),
      log: () => undefined,
    });
    let endWork: () => void = () => undefined;
    const work = foreground.during(() => new Promise<void>((resolve) => (endWork = resolve)));

    relay.start(1);
    try {
      events.push(recorded('acct-b', 0, 2n));
      await new Promise((resolve) => setTimeout(resolve, 50));
      wallClock.advance({ minutes: 5 });
      expect(published).toEqual([]);
      expect(await relay.health(30_000)).toMatchObject({ lag: 2, stuck: false });

      endWork();
      await work;
      await waitFor('both messages', () => published.length === 2, { timeoutMs: 10_000 });
    } finally {
      await relay.stop();
    }
    expect(published.map((m) => m.key)).toEqual(['acct-a', 'acct-b']);
    expect(foreground.busy).toBe(false);
  });

  it('asks for a turn before each page of a catch-up, so foreground work that starts meanwhile waits for one page only', async () => {
    const events = [recorded('acct-a', 0, 1n), recorded('acct-b', 0, 2n), recorded('acct-c', 0, 3n)];
    const published: OutgoingMessage[] = [];
    const turns: Array<() => void> = [];
    const relay = new Relay({
      name: 'out',
      store: storeOf(events),
      checkpoints: checkpointsIn(new Map()),
      bus: { publish: async (messages: readonly OutgoingMessage[]) => void published.push(...messages) } as unknown as MessageBus,
      gateway: (event) => [message(event)],
      batchSize: 1,
      waitForTurn: () => new Promise<void>((resolve) => turns.push(resolve)),
      log: () => undefined,
    });
    relay.start(1_000);
    try {
      for (const expected of [0, 1, 2, 3]) {
        await waitFor(`turn ${expected + 1} asked for`, () => turns.length === 1, { timeoutMs: 5_000 });
        expect(published).toHaveLength(expected);
        turns.shift()!();
      }
      await waitFor('the last page read', () => published.length === 3, { timeoutMs: 5_000 });
    } finally {
      const stopping = relay.stop();
      for (const resume of turns.splice(0)) resume();
      await stopping;
    }
    expect(published.map((m) => m.key)).toEqual(['acct-a', 'acct-b', 'acct-c']);
  });
});
