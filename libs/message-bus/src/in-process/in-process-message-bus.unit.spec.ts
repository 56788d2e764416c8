import { memoryAfterGc } from '@lib/es-core/testing/memory-after-gc';
import { messageBusContract } from '../contract-suite/message-bus.contract-suite';
import { waitFor } from '../contract-suite/wait-for';
import { MessageBus, OutgoingMessage } from '../message-bus.port';
import { InProcessMessageBus, createInProcessMessageBus } from './in-process-message-bus';

// A short backoff keeps the retry cases fast; the semantics are the same at any length.
messageBusContract('in-process', () => createInProcessMessageBus({ retryBackoff: { initialMs: 5, maxMs: 20 } }), {
  waitTimeoutMs: 5_000,
});

describe('in-process message bus: retention', () => {
  const PARTITIONS = 3;
  const RETAIN = 50;
  let bus: InProcessMessageBus;

  beforeEach(() => {
    bus = new InProcessMessageBus({ partitions: PARTITIONS, retainConsumed: RETAIN, retryBackoff: { initialMs: 5, maxMs: 20 } });
  });

  afterEach(async () => {
    await bus.close();
  });

  it('holds at most retainConsumed messages per partition, and bounded heap, once a group committed everything', async () => {
    const total = 20_000;
    // ~4 KB each: 80 MB passes through, which a bus keeping everything would still hold.
    const padding = 'x'.repeat(4_000);
    let handled = 0;
    await bus.subscribe({ groupId: 'reader', topics: ['t'], handler: async () => void (handled += 1) });
    const heapBefore = memoryAfterGc();
    for (let n = 0; n < total; n += 500) {
      await bus.publish(Array.from({ length: 500 }, (_, i) => message('t', `account-${(n + i) % 97}`, { n: n + i, padding })));
    }
    await waitFor('every message handled', () => handled >= total, { timeoutMs: 30_000 }, () => `handled ${handled}`);

    expect(await bus.lag('reader', ['t'])).toBe(0);
    expect(bus.retainedMessages()).toBeLessThanOrEqual(RETAIN * PARTITIONS);
    expect(memoryAfterGc() - heapBefore).toBeLessThan(20 * 1024 * 1024);
  }, 60_000);

  it('keeps what a stopped group has not committed, however much, and drops it once that group is reset', async () => {
    let handled = 0;
    const reader = await bus.subscribe({ groupId: 'stops', topics: ['t'], handler: async () => void (handled += 1) });
    await bus.publish(Array.from({ length: 10 }, (_, i) => message('t', `k${i}`, { i })));
    await waitFor('the first ten', () => handled >= 10, { timeoutMs: 5_000 });
    await reader.close();

    await bus.publish(Array.from({ length: 1_000 }, (_, i) => message('t', `k${i}`, { i })));
    expect(await bus.lag('stops', ['t'])).toBe(1_000);
    expect(bus.retainedMessages()).toBeGreaterThanOrEqual(1_000);

    const seen: number[] = [];
    await bus.subscribe({ groupId: 'stops', topics: ['t'], handler: async (m) => void seen.push((m.value as { i: number }).i) });
    await waitFor('the thousand at the returning group', () => seen.length >= 1_000, { timeoutMs: 10_000 });
    expect(seen).toHaveLength(1_000);

    await bus.close();
    bus = new InProcessMessageBus({ partitions: PARTITIONS, retainConsumed: RETAIN });
    await bus.subscribe({ groupId: 'idle', topics: ['t'], handler: async () => undefined, fromBeginning: false });
    const idle = await bus.subscribe({ groupId: 'never-reads', topics: ['t'], handler: async () => { throw new Error('down'); }, maxAttempts: 1_000_000 });
    await bus.publish(Array.from({ length: 600 }, (_, i) => message('t', `k${i}`, { i })));
    expect(bus.retainedMessages()).toBe(600);
    await idle.close();
    await bus.resetGroup('never-reads');
    // The group that was holding them back is gone: the next commit trims to the window.
    await bus.publish([message('t', 'k0', { i: 600 })]);
    await waitFor('the window', () => bus.retainedMessages() <= RETAIN * PARTITIONS + 1, { timeoutMs: 5_000 }, () =>
      `holds ${bus.retainedMessages()}`,
    );
  }, 30_000);

  it('starts a group subscribing later at the earliest message kept, with offsets of the whole log', async () => {
    await publishTo(bus, 't', 'one-key', 200);
    expect(bus.retainedMessages()).toBe(RETAIN);

    const offsets: number[] = [];
    const values: number[] = [];
    await bus.subscribe({
      groupId: 'late',
      topics: ['t'],
      handler: async (m) => {
        offsets.push(Number(m.offset));
        values.push((m.value as { i: number }).i);
      },
    });
    await waitFor('the window', () => values.length >= RETAIN, { timeoutMs: 5_000 });
    expect(values).toEqual(Array.from({ length: RETAIN }, (_, i) => 200 - RETAIN + i));
    expect(offsets).toEqual(values);
    expect(await bus.lag('late', ['t'])).toBe(0);
    expect(await bus.lag('never-subscribed', ['t'])).toBe(RETAIN);
  });

  it('refuses a negative or fractional retainConsumed', () => {
    expect(() => new InProcessMessageBus({ retainConsumed: -1 })).toThrow(RangeError);
    expect(() => new InProcessMessageBus({ retainConsumed: 1.5 })).toThrow(RangeError);
  });
});

describe('in-process message bus: waiting for a turn', () => {
  it('starts each delivery only once waitForTurn resolves, so held deliveries wait and nothing is lost', async () => {
    let open = false;
    const turns: Array<() => void> = [];
    const bus = new InProcessMessageBus({ partitions: 1, waitForTurn: () => (open ? Promise.resolve() : new Promise<void>((resolve) => turns.push(resolve))) });
    try {
      const seen: number[] = [];
      await bus.subscribe({ groupId: 'held', topics: ['t'], handler: async (m) => void seen.push((m.value as { i: number }).i) });
      await publishTo(bus, 't', 'k', 3);
      await waitFor('a delivery asking for its turn', () => turns.length === 1, { timeoutMs: 5_000 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).toEqual([]);
      expect(await bus.lag('held', ['t'])).toBe(3);

      // One turn, one delivery: the next asks again.
      turns.shift()!();
      await waitFor('the second turn asked for', () => turns.length === 1, { timeoutMs: 5_000 });
      expect(seen).toEqual([0]);

      open = true;
      turns.shift()!();
      await waitFor('the rest delivered', () => seen.length === 3, { timeoutMs: 5_000 });
      expect(seen).toEqual([0, 1, 2]);
    } finally {
      await bus.close();
    }
  });
});

async function publishTo(bus: MessageBus, topic: string, key: string, count: number): Promise<void> {
  await bus.publish(Array.from({ length: count }, (_, i) => message(topic, key, { i })));
}

function message(topic: string, key: string, value: unknown): OutgoingMessage {
  const id = `${topic}-${key}-${JSON.stringify(value).length}-${Math.random()}`;
  return { topic, key, value, headers: { 'message-type': 'Retention.v1', 'message-id': id, 'correlation-id': id, 'causation-id': id } };
}

