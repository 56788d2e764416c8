/**
 * Crash tests for the path a fact travels between services:
 * event store -> relay -> bus -> consumer -> the consumer's own event store.
 * "Crashes" are thrown at the worst moments (after publishing but before the relay's
 * checkpoint; after a consumer's effect but before its offset commit); a fresh relay or
 * the bus's redelivery plays the restart. Run on the real servers and on the embedded
 * adapters.
 */
import { randomUUID } from 'node:crypto';
import { EventToAppend, handleCommand, RecordedEvent } from '@lib/es-core';
import { tally } from '@lib/es-core/testing/tally.fixtures';
import { CheckpointStore, createPgliteEventStore, createPostgresEventStore, EventStore } from '@lib/event-store';
import { createInProcessMessageBus, createKafkaMessageBus, IncomingMessage, MessageBus, OutgoingMessage } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { subscribeEffectivelyOnce } from './idempotent-consumer';
import { Relay } from './relay';

type Store = EventStore & CheckpointStore;

interface Setup {
  name: string;
  store: () => Promise<Store>;
  bus: () => Promise<MessageBus>;
}

const setups: Setup[] = [
  {
    name: 'PostgreSQL + Kafka',
    store: () => createPostgresEventStore({ connectionString: required('DATABASE_URL'), schema: `relay_${randomUUID().slice(0, 8)}` }),
    bus: async () => createKafkaMessageBus({ brokers: required('KAFKA_BROKERS').split(','), clientId: 'relay-test' }),
  },
  {
    name: 'PGlite + in-process bus',
    store: () => createPgliteEventStore(),
    bus: async () => createInProcessMessageBus(),
  },
];

class Crash extends Error {
  constructor(where: string) {
    super(`crash ${where}`);
  }
}

describe.each(setups)('relay and idempotent consumer, $name', (setup) => {
  let source: Store;
  let target: Store;
  let bus: MessageBus;
  let topic: string;
  let cleanups: Array<() => Promise<void>>;

  beforeEach(async () => {
    source = await setup.store();
    target = await setup.store();
    bus = await setup.bus();
    topic = `crash-test-${randomUUID().slice(0, 8)}`;
    await bus.ensureTopics([topic]);
    cleanups = [];
  });
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await bus.close();
    await source.close();
    await target.close();
  });

  const gateway = (event: RecordedEvent): OutgoingMessage[] => [
    {
      topic,
      key: event.streamId,
      value: { streamId: event.streamId, version: event.version, data: event.data },
      headers: {
        'message-type': event.type,
        'message-id': event.metadata.eventId,
        'correlation-id': event.metadata.correlationId,
        'causation-id': event.metadata.causationId,
      },
    },
  ];

  async function collect(): Promise<IncomingMessage[]> {
    const received: IncomingMessage[] = [];
    const subscription = await bus.subscribe({ groupId: `collector-${randomUUID()}`, topics: [topic], handler: async (m) => void received.push(m) });
    cleanups.push(() => subscription.close());
    return received;
  }

  /** Three streams of five events; returns the ids that were persisted. */
  async function persistEvents(): Promise<string[]> {
    const ids: string[] = [];
    for (const stream of ['acct-a', 'acct-b', 'acct-c']) {
      for (let version = 0; version < 5; version++) {
        const event = domainEvent(stream, version);
        await source.appendToStream(stream, [event], { expectedVersion: version === 0 ? 'no_stream' : version - 1 });
        ids.push(event.metadata.eventId);
      }
    }
    return ids;
  }

  it('publishes every persisted event after a crash between publishing and the checkpoint, in stream order', async () => {
    const received = await collect();
    const persisted = await persistEvents();
    const refused = domainEvent('acct-a', 99);
    await expect(source.appendToStream('acct-a', [refused], { expectedVersion: 0 })).rejects.toThrow();

    let saves = 0;
    const crashOnFirstSave: CheckpointStore = {
      load: (name) => source.load(name),
      save: async (name, position) => {
        if (saves++ === 0) throw new Crash('before the checkpoint');
        await source.save(name, position);
      },
    };
    await expect(new Relay({ name: 'out', store: source, checkpoints: crashOnFirstSave, bus, gateway, batchSize: 4 }).drain()).rejects.toThrow(Crash);
    await new Relay({ name: 'out', store: source, checkpoints: source, bus, gateway, batchSize: 4 }).drain();

    const ids = () => new Set(received.map((m) => m.headers['message-id']));
    await waitFor('every persisted event', () => persisted.every((id) => ids().has(id)), { timeoutMs: 30_000 });
    await waitFor('the replayed first batch', () => received.length >= persisted.length + 4, { timeoutMs: 30_000 });
    expect(ids().has(refused.metadata.eventId)).toBe(false);
    for (const stream of ['acct-a', 'acct-b', 'acct-c']) {
      const firstSeen = firstOccurrences(received.filter((m) => m.key === stream));
      expect(firstSeen.map((m) => (m.value as { version: number }).version)).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('publishes nothing twice and loses nothing after a crash while publishing', async () => {
    const received = await collect();
    const persisted = await persistEvents();
    let publishes = 0;
    const crashingBus: MessageBus = {
      ...bus,
      publish: async (messages) => {
        if (publishes++ === 1) throw new Crash('while publishing');
        await bus.publish(messages);
      },
      subscribe: (o) => bus.subscribe(o),
      ensureTopics: (t) => bus.ensureTopics(t),
      close: () => bus.close(),
    };
    await expect(new Relay({ name: 'out', store: source, checkpoints: source, bus: crashingBus, gateway, batchSize: 5 }).drain()).rejects.toThrow(Crash);
    await new Relay({ name: 'out', store: source, checkpoints: source, bus, gateway, batchSize: 5 }).drain();

    await waitFor('every persisted event', () => received.length >= persisted.length, { timeoutMs: 30_000 });
    expect(received.map((m) => m.headers['message-id']).sort()).toEqual([...persisted].sort());
  });

  it('applies each message once when the consumer crashes after its effect and before its commit', async () => {
    const persisted = await persistEvents();
    await new Relay({ name: 'out', store: source, checkpoints: source, bus, gateway }).drain();
    const handled = await consumeCrashingAfterEffect({ dedupe: true });
    await waitFor('every message handled', () => persisted.every((id) => handled.has(id)), { timeoutMs: 30_000 });

    for (const stream of ['acct-a', 'acct-b', 'acct-c']) {
      const effects = await target.readStream(`tally-${stream}`);
      expect(effects).toHaveLength(5);
      expect(new Set(effects.map((e) => e.metadata.causationId)).size).toBe(5);
    }
  });

  it('(control) would apply redelivered messages twice without the dedupe, so the test above can fail', async () => {
    const persisted = await persistEvents();
    await new Relay({ name: 'out', store: source, checkpoints: source, bus, gateway }).drain();
    const handled = await consumeCrashingAfterEffect({ dedupe: false });
    await waitFor('every message handled', () => persisted.every((id) => handled.has(id)), { timeoutMs: 30_000 });
    const effects = await target.readStream('tally-acct-a');
    expect(effects.length).toBeGreaterThan(5);
  });

  /** Every second message "crashes" once right after its effect was appended. */
  async function consumeCrashingAfterEffect(options: { dedupe: boolean }): Promise<Set<string>> {
    const handled = new Set<string>();
    const crashed = new Set<string>();
    let seen = 0;
    const subscription = await subscribeEffectivelyOnce(bus, {
      groupId: `consumer-${randomUUID()}`,
      topics: [topic],
      now: () => new Date('2026-04-01T00:00:00.000Z'),
      newId: randomUUID,
      handle: async (message, context) => {
        await handleCommand(target, tally, `tally-${message.key}`, { amount: 1, cap: 1_000 }, { ...context, dedupeByCausation: options.dedupe });
        const id = message.headers['message-id'];
        if (seen++ % 2 === 0 && !crashed.has(id)) {
          crashed.add(id);
          throw new Crash('after the effect');
        }
        handled.add(id);
      },
    });
    cleanups.push(() => subscription.close());
    return handled;
  }
});

function domainEvent(stream: string, version: number): EventToAppend {
  return {
    type: 'ThingHappened',
    data: { stream, version },
    metadata: {
      eventId: randomUUID(),
      principal: { role: 'system', id: 'test' },
      correlationId: `corr-${stream}`,
      causationId: `cause-${stream}-${version}`,
      occurredAt: '2026-04-01T00:00:00.000Z',
    },
  };
}

function firstOccurrences(messages: IncomingMessage[]): IncomingMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => !seen.has(m.headers['message-id']) && seen.add(m.headers['message-id']));
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`npm run infra:up\` (npm test does) or point it at a server`);
  return value;
}
