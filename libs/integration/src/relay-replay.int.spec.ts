/**
 * An in-process bus keeps its messages in memory: a crash after the relay saved its
 * checkpoint but before a consumer handled the message loses that message with the
 * process. The restart must republish everything; consumers drop what they already applied.
 */
import { randomUUID } from 'node:crypto';
import { EventToAppend, handleCommand } from '@lib/es-core';
import { tally } from '@lib/es-core/testing/tally.fixtures';
import { CheckpointStore, createPgliteEventStore, EventStore } from '@lib/event-store';
import { createInProcessMessageBus, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { subscribeEffectivelyOnce } from './idempotent-consumer';
import { Relay } from './relay';
import { relaysMustReplay, ReplayInputs, rewindRelaysOnStart } from './relay-replay';
import { relayCheckpointName } from './service-runtime';

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
  });

  describe('in-process bus, read models kept elsewhere (PGlite stores)', () => {
    let source: Store;
    let target: Store;
    const topic = 'things';
    const relay = (bus: MessageBus) =>
      new Relay({
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
    const consume = (bus: MessageBus) =>
      subscribeEffectivelyOnce(bus, {
        groupId: 'target',
        topics: [topic],
        now: () => new Date('2026-04-01T00:00:00.000Z'),
        newId: randomUUID,
        handle: async (message, context) => {
          await handleCommand(target, tally, 'tally-1', { amount: 1, cap: 100 }, context);
          handled.add(message.headers['message-id']);
        },
      });
    const effects = async () => (await target.readStream('tally-1')).map((event) => event.metadata.causationId);

    beforeEach(async () => {
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

function thing(): EventToAppend {
  return {
    type: 'ThingHappened',
    data: {},
    metadata: { eventId: randomUUID(), principal: { role: 'system', id: 'test' }, correlationId: 'corr', causationId: randomUUID(), occurredAt: '2026-04-01T00:00:00.000Z' },
  };
}
