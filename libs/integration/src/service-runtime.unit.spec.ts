import { currentLogContext, type DurableScheduler } from '@lib/scheduler';
import type { CheckpointStore, EventStore } from '@lib/event-store';
import { createInProcessMessageBus, DEFAULT_MAX_ATTEMPTS, type MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { AccountPlaced, Contract } from '@lib/contracts';
import { on, onBatch, ServiceRuntime } from './service-runtime';

describe('service runtime', () => {
  it('stops every part even when some fail to stop, then reports every failure', async () => {
    const bus = {
      ensureTopics: async () => undefined,
      publish: async () => undefined,
      subscribe: async () => ({ close: async () => Promise.reject(new Error('consumer would not close')) }),
      resetGroup: async () => undefined,
      ping: async () => undefined,
      lag: async () => 0,
      close: async () => undefined,
    } as MessageBus;
    const store = { readAll: async () => [], load: async () => null, save: async () => undefined } as unknown as EventStore & CheckpointStore;
    const scheduler = {
      start: jest.fn(),
      stop: jest.fn(async () => Promise.reject(new Error('scheduler would not stop'))),
    } as unknown as DurableScheduler;
    const runtime = new ServiceRuntime({
      service: 'svc',
      store,
      bus,
      gateway: () => [],
      accountIdOf: () => undefined,
      inbound: [on(AccountPlaced, async () => undefined)],
      scheduler,
      now: () => new Date('2026-04-01T00:00:00.000Z'),
      newId: () => 'id',
      publishes: [],
    });
    const relayStop = jest.spyOn(runtime.relay, 'stop');
    await runtime.start();

    const stopping = runtime.stop();

    await expect(stopping).rejects.toThrow(/svc/);
    await expect(stopping).rejects.toMatchObject({ errors: [expect.objectContaining({ message: 'consumer would not close' }), expect.objectContaining({ message: 'scheduler would not stop' })] });
    expect(scheduler.stop).toHaveBeenCalled();
    expect(relayStop).toHaveBeenCalled();
  });
});

describe('service runtime: what it tells operators about inbound messages', () => {
  const thing: Contract<{ n: number; mode: string }> = { topic: 'things', type: 'test.Thing.v1', summary: 'a test thing', schema: {} as Contract<{ n: number; mode: string }>['schema'], consumers: [], parse: (value) => value as { n: number; mode: string } };
  const headersOf = (n: number) => ({ 'message-type': thing.type, 'message-id': `m-${n}`, 'correlation-id': `corr-${n}`, 'causation-id': `e-${n}`, 'principal-role': 'client', 'principal-id': 'client-9' });

  it('counts messages by outcome and refusal rule, counts dead letters, and logs inside a handler with its correlation id', async () => {
    const bus = createInProcessMessageBus({ retryBackoff: { initialMs: 1, maxMs: 1 } });
    const store = { readAll: async () => [], load: async () => null, save: async () => undefined, ping: async () => undefined } as unknown as EventStore & CheckpointStore;
    const contexts: Array<Record<string, unknown> | undefined> = [];
    const runtime = new ServiceRuntime({
      service: 'svc',
      store,
      bus,
      gateway: () => [],
      accountIdOf: () => undefined,
      inbound: [
        on(thing, async (data) => {
          contexts.push(currentLogContext());
          if (data.mode === 'refuse') return { outcome: 'rejected', rejection: { rule: 'thing-too-big' } };
          if (data.mode === 'fail') throw new Error('cannot apply');
          return { outcome: 'accepted' };
        }),
      ],
      now: () => new Date('2026-04-01T00:00:00.000Z'),
      newId: () => 'id',
      publishes: [],
    });
    await runtime.start();
    try {
      await bus.publish([
        { topic: 'things', key: 'a', value: { n: 1, mode: 'apply' }, headers: headersOf(1) },
        { topic: 'things', key: 'b', value: { n: 2, mode: 'refuse' }, headers: headersOf(2) },
        { topic: 'things', key: 'c', value: { n: 3, mode: 'fail' }, headers: headersOf(3) },
      ]);
      await waitFor('every attempt', () => runtime.deadLetters().length > 0, { timeoutMs: 5_000 });

      const counts = Object.fromEntries(runtime.inboundCounts().map((c) => [`${c.outcome}:${c.rule}`, c.count]));
      expect(counts).toEqual({ 'accepted:': 1, 'refused:thing-too-big': 1, 'failed:': DEFAULT_MAX_ATTEMPTS });
      expect(runtime.deadLetters()).toEqual([{ topic: 'things', count: 1 }]);
      expect(contexts[0]).toMatchObject({ correlationId: 'corr-1', principal: { role: 'system', id: 'integration' }, origin: { role: 'client', id: 'client-9' }, messageId: 'm-1', consumer: 'svc' });
      expect(await runtime.consumerLag()).toBe(0);
    } finally {
      await runtime.stop();
      await bus.close();
    }
  });

  it('does not dead-letter a message that fails while its event store is down, and applies it once the store is back', async () => {
    const bus = createInProcessMessageBus({ retryBackoff: { initialMs: 1, maxMs: 5 } });
    let storeDown = true;
    const store = {
      readAll: async () => [],
      load: async () => null,
      save: async () => undefined,
      ping: async () => {
        if (storeDown) throw new Error('connection refused');
      },
    } as unknown as EventStore & CheckpointStore;
    const applied: number[] = [];
    let failures = 0;
    const runtime = new ServiceRuntime({
      service: 'svc',
      store,
      bus,
      gateway: () => [],
      accountIdOf: () => undefined,
      inbound: [
        on(thing, async (data) => {
          if (storeDown) {
            failures++;
            throw new Error('connection refused');
          }
          applied.push(data.n);
          return { outcome: 'accepted' };
        }),
      ],
      now: () => new Date('2026-04-01T00:00:00.000Z'),
      newId: () => 'id',
      publishes: [],
    });
    await runtime.start();
    try {
      await bus.publish([{ topic: 'things', key: 'a', value: { n: 1, mode: 'apply' }, headers: headersOf(1) }]);
      await waitFor('failures past the attempts a message gets', () => failures > DEFAULT_MAX_ATTEMPTS, { timeoutMs: 5_000 });
      expect(runtime.deadLetters()).toEqual([]);
      storeDown = false;
      await waitFor('the message applied', () => applied.length > 0, { timeoutMs: 5_000 });
      expect(applied).toEqual([1]);
      expect(runtime.deadLetters()).toEqual([]);
    } finally {
      await runtime.stop();
      await bus.close();
    }
  });

  it('hands a batch inbound its messages a batch at a time, in order, and dead-letters only the one that cannot be applied', async () => {
    const bus = createInProcessMessageBus({ retryBackoff: { initialMs: 1, maxMs: 1 }, partitions: 1 });
    const store = { readAll: async () => [], load: async () => null, save: async () => undefined, ping: async () => undefined } as unknown as EventStore & CheckpointStore;
    const batches: number[][] = [];
    const applied: number[] = [];
    const runtime = new ServiceRuntime({
      service: 'svc',
      store,
      bus,
      gateway: () => [],
      accountIdOf: () => undefined,
      inboundBatchSize: 8,
      inbound: [
        onBatch([thing], async (items) => {
          batches.push(items.map((item) => (item.data as { n: number }).n));
          if (items.some((item) => (item.data as { mode: string }).mode === 'fail')) throw new Error('cannot apply');
          expect(items.every((item) => item.contract === thing && item.context.causationId === item.message.headers['message-id'])).toBe(true);
          applied.push(...items.map((item) => (item.data as { n: number }).n));
        }),
      ],
      now: () => new Date('2026-04-01T00:00:00.000Z'),
      newId: () => 'id',
      publishes: [],
    });
    await runtime.start();
    try {
      const modeOf = (n: number) => (n === 13 ? 'fail' : 'apply');
      await bus.publish(Array.from({ length: 30 }, (_, n) => ({ topic: 'things', key: 'a', value: { n, mode: modeOf(n) }, headers: headersOf(n) })));
      await waitFor('every other message applied and the bad one dead-lettered', () => runtime.deadLetters().length > 0 && applied.length >= 29, { timeoutMs: 10_000 });

      expect(applied).toEqual(Array.from({ length: 30 }, (_, n) => n).filter((n) => n !== 13));
      expect(Math.max(...batches.map((batch) => batch.length))).toBe(8);
      // The batch holding the bad message: tried whole DEFAULT_MAX_ATTEMPTS times, then one message at a time.
      expect(batches.filter((batch) => batch.length > 1 && batch.includes(13))).toHaveLength(DEFAULT_MAX_ATTEMPTS);
      expect(batches.filter((batch) => batch.length === 1 && batch[0] === 13)).toHaveLength(DEFAULT_MAX_ATTEMPTS);
      expect(runtime.deadLetters()).toEqual([{ topic: 'things', count: 1 }]);
      const counts = Object.fromEntries(runtime.inboundCounts().map((c) => [`${c.outcome}:${c.rule}`, c.count]));
      expect(counts).toEqual({ 'accepted:': 29, 'failed:': DEFAULT_MAX_ATTEMPTS });
    } finally {
      await runtime.stop();
      await bus.close();
    }
  });
});
