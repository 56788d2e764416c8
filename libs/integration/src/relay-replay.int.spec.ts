/**
 * An in-process bus keeps its messages in memory: a crash after the relay saved its
 * checkpoint but before a consumer handled the message loses that message with the
 * process. The restart must republish what may not have been handled (everything, or the
 * tail after the last position every consumer had handled); consumers drop what they
 * already applied.
 */
import { randomUUID } from 'node:crypto';
import { EventToAppend, handleCommand } from '@lib/es-core';
import { tally } from '@lib/es-core/testing/tally.fixtures';
import { CheckpointStore, createPgliteEventStore, EventStore } from '@lib/event-store';
import { createInProcessMessageBus, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { subscribeEffectivelyOnce } from './idempotent-consumer';
import { Relay } from './relay';
import { trackConsumption } from './consumption-tracker';
import { relayStart, relaysMustReplay, ReplayInputs, rewindRelaysOnStart } from './relay-replay';
import { relayCheckpointName, relayConsumedCheckpointName } from './service-runtime';

type Store = EventStore & CheckpointStore;

const mongo: ReplayInputs['readModels'] = { kind: 'mongo', url: 'mongodb://read-models' };
const kafka: ReplayInputs['messageBus'] = { kind: 'kafka', brokers: ['kafka:9092'], clientId: 'svc' };

describe('relays replaying from the start at process start', () => {
  it('replays whenever messages or read models do not outlive the process', () => {
    const decide = (messageBus: ReplayInputs['messageBus'], readModels: ReplayInputs['readModels']) => relaysMustReplay({ messageBus, readModels });
    expect(decide({ kind: 'in-process' }, mongo)).toBe(true);
    expect(decide({ kind: 'in-process' }, { kind: 'memory' })).toBe(true);
    expect(decide(kafka, { kind: 'memory' })).toBe(true);
    expect(decide(kafka, mongo)).toBe(false);
    expect(decide(kafka, { kind: 'pglite' })).toBe(false);
    const start = (messageBus: ReplayInputs['messageBus'], readModels: ReplayInputs['readModels']) => relayStart({ messageBus, readModels });
    expect(start({ kind: 'in-process' }, { kind: 'memory' })).toBe('from-the-start');
    expect(start(kafka, { kind: 'memory' })).toBe('from-the-start');
    expect(start({ kind: 'in-process' }, { kind: 'pglite' })).toBe('from-last-consumed');
    expect(start({ kind: 'in-process' }, mongo)).toBe('from-last-consumed');
    expect(start(kafka, { kind: 'pglite' })).toBe('from-checkpoint');
  });

  describe('in-process bus, read models kept elsewhere (PGlite stores)', () => {
    let source: Store;
    let target: Store;
    const topic = 'things';
    const relay = (bus: MessageBus, consumed?: () => Promise<boolean>) =>
      new Relay({
        consumed: consumed && { name: relayConsumedCheckpointName('source'), allConsumed: consumed },
        name: relayCheckpointName('source'),
        store: source,
        checkpoints: source,
        bus,
        gateway: (event) => [
          {
            topic,
            key: event.streamId,
            value: event.data,
            headers: { 'message-type': event.type, 'message-id': event.metadata.eventId, 'correlation-id': 'corr', 'causation-id': event.metadata.eventId },
          },
        ],
      });
    const handled = new Set<string>();
    const deliveries: string[] = [];
    const consume = (bus: MessageBus) =>
      subscribeEffectivelyOnce(bus, {
        groupId: 'target',
        topics: [topic],
        now: () => new Date('2026-04-01T00:00:00.000Z'),
        newId: randomUUID,
        handle: async (message, context) => {
          await handleCommand(target, tally, 'tally-1', { amount: 1, cap: 100 }, context);
          handled.add(message.headers['message-id']);
          deliveries.push(message.headers['message-id']);
        },
      });
    const effects = async () => (await target.readStream('tally-1')).map((event) => event.metadata.causationId);

    beforeEach(async () => {
      handled.clear();
      deliveries.length = 0;
      source = await createPgliteEventStore();
      target = await createPgliteEventStore();
    });
    afterEach(async () => {
      await source.close();
      await target.close();
    });

    it('delivers after a restart the message the crash took with the bus, and applies each effect once', async () => {
      const first = thing();
      const lost = thing();
      const before = createInProcessMessageBus();
      const consumer = await consume(before);
      await source.appendToStream('thing-1', [first], { expectedVersion: 'no_stream' });
      await relay(before).drain();
      await waitFor('the first message handled', () => handled.has(first.metadata.eventId), { timeoutMs: 10_000 });
      // The consumer is busy elsewhere; the relay publishes and checkpoints `lost`; the process dies.
      await consumer.close();
      await source.appendToStream('thing-1', [lost], { expectedVersion: 0 });
      await relay(before).drain();
      expect(await source.load(relayCheckpointName('source'))).not.toBeNull();
      await before.close();

      const after = createInProcessMessageBus();
      await rewindRelaysOnStart({ messageBus: { kind: 'in-process' }, readModels: mongo }, new Map([['source', source]]));
      const restarted = await consume(after);
      try {
        await relay(after).drain();
        await waitFor('the lost message handled', () => handled.has(lost.metadata.eventId), { timeoutMs: 10_000 });
        expect(await effects()).toEqual([first.metadata.eventId, lost.metadata.eventId]);
      } finally {
        await restarted.close();
        await after.close();
      }
    });
  });
});

describe('relays resuming from the last consumed position (in-process bus, kept read models)', () => {
  let source: Store;
  let target: Store;
  const topic = 'things';
  const deliveries: string[] = [];
  const kept: ReplayInputs = { messageBus: { kind: 'in-process' }, readModels: { kind: 'pglite' } };

  beforeEach(async () => {
    deliveries.length = 0;
    source = await createPgliteEventStore();
    target = await createPgliteEventStore();
  });
  afterEach(async () => {
    await source.close();
    await target.close();
  });

  /** One process's worth of bus, tracker, consumer and relay, as compose wires them. */
  async function processOn(bus: MessageBus) {
    const tracker = trackConsumption(bus, ['target']);
    const relay = new Relay({
      name: relayCheckpointName('source'),
      store: source,
      checkpoints: source,
      bus,
      consumed: { name: relayConsumedCheckpointName('source'), allConsumed: () => tracker.allConsumed() },
      gateway: (event) => [
        { topic, key: event.streamId, value: event.data, headers: { 'message-type': event.type, 'message-id': event.metadata.eventId, 'correlation-id': 'corr', 'causation-id': event.metadata.eventId } },
      ],
    });
    await bus.ensureTopics([topic]);
    const consumer = await subscribeEffectivelyOnce(bus, {
      groupId: 'target',
      topics: [topic],
      now: () => new Date('2026-04-01T00:00:00.000Z'),
      newId: randomUUID,
      handle: async (message, context) => {
        await handleCommand(target, tally, 'tally-1', { amount: 1, cap: 100 }, context);
        deliveries.push(message.headers['message-id']);
      },
    });
    tracker.subscribed('target', [topic]);
    return { relay, consumer, tracker };
  }
  const effects = async () => (await target.readStream('tally-1')).map((event) => event.metadata.causationId);

  it('a crash between publish and consume: the restart republishes only the tail after the last consumed position, and loses nothing', async () => {
    const early = [thing(), thing(), thing()];
    const lost = thing();
    const before = createInProcessMessageBus();
    const first = await processOn(before);
    await source.appendToStream('thing-1', early, { expectedVersion: 'no_stream' });
    await first.relay.drain();
    await waitFor('the early messages handled', () => deliveries.length === 3, { timeoutMs: 10_000 });
    // The next round finds everything handled and saves the position of the third event.
    await first.relay.drain();
    const consumedAt = await source.load(relayConsumedCheckpointName('source'));
    expect(consumedAt).toBe(await source.load(relayCheckpointName('source')));

    // The consumer is busy elsewhere; the relay publishes and checkpoints `lost`; the process dies.
    await first.consumer.close();
    await source.appendToStream('thing-1', [lost], { expectedVersion: 2 });
    await first.relay.drain();
    await first.relay.drain();
    expect(await first.tracker.allConsumed()).toBe(false);
    expect(await source.load(relayConsumedCheckpointName('source'))).toBe(consumedAt);
    expect(await source.load(relayCheckpointName('source'))).toBeGreaterThan(consumedAt!);
    await before.close(); // the crash: the bus and the message in it are gone

    const after = createInProcessMessageBus();
    expect(await rewindRelaysOnStart(kept, new Map([['source', source]]))).toBe(true);
    expect(await source.load(relayCheckpointName('source'))).toBe(consumedAt);
    const second = await processOn(after);
    try {
      expect(await second.relay.drain()).toBe(1);
      await waitFor('the lost message handled', () => deliveries.includes(lost.metadata.eventId), { timeoutMs: 10_000 });
      expect(deliveries).toEqual([...early, lost].map((event) => event.metadata.eventId));
      expect(await effects()).toEqual([...early, lost].map((event) => event.metadata.eventId));
    } finally {
      await second.consumer.close();
      await after.close();
    }
  });

  it('nothing counts as consumed until every service of the process has subscribed', async () => {
    const bus = createInProcessMessageBus();
    try {
      const tracker = trackConsumption(bus, ['target', 'late']);
      tracker.subscribed('target', []);
      expect(await tracker.allConsumed()).toBe(false);
      tracker.subscribed('late', [topic]);
      expect(await tracker.allConsumed()).toBe(true);
      await bus.publish([{ topic, key: 'k', value: {}, headers: { 'message-type': 'T', 'message-id': 'm', 'correlation-id': 'c', 'causation-id': 'c' } }]);
      expect(await tracker.allConsumed()).toBe(false);
    } finally {
      await bus.close();
    }
  });

  it('a relay with no consumed position yet starts from the beginning', async () => {
    await source.appendToStream('thing-1', [thing()], { expectedVersion: 'no_stream' });
    await source.save(relayCheckpointName('source'), 0n);
    await rewindRelaysOnStart(kept, new Map([['source', source]]));
    expect(await source.load(relayCheckpointName('source'))).toBe(-1n);
  });
});

function thing(): EventToAppend {
  return {
    type: 'ThingHappened',
    data: {},
    metadata: { eventId: randomUUID(), principal: { role: 'system', id: 'test' }, correlationId: 'corr', causationId: randomUUID(), occurredAt: '2026-04-01T00:00:00.000Z' },
  };
}
