/**
 * The relay runs when the store signals a commit, not on a fast poll: an append is
 * published long before the fallback interval would have come round, whether it was made
 * through the relay's own store object or by another process (LISTEN/NOTIFY), and the
 * fallback poll still publishes when every notification is lost. Real stores; the bus is
 * a recorder, since only what reaches `publish` and when is in question here.
 */
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { EventToAppend, RecordedEvent } from '@lib/es-core';
import { CheckpointStore, createPglite, createPgliteEventStore, createPostgresEventStore, EventStore } from '@lib/event-store';
import type { MessageBus, OutgoingMessage } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { Relay } from './relay';

type Store = EventStore & CheckpointStore;

interface Setup {
  name: string;
  /** Two store objects on the same event log: the relay's, and another process's. */
  stores: () => Promise<{ own: Store; other: Store; close: () => Promise<void> }>;
}

const setups: Setup[] = [
  {
    name: 'PostgreSQL',
    stores: async () => {
      const schema = `relay_wake_${randomUUID().slice(0, 8)}`;
      const own = await createPostgresEventStore({ connectionString: required('DATABASE_URL'), schema });
      const other = await createPostgresEventStore({ connectionString: required('DATABASE_URL'), schema });
      return { own, other, close: async () => void (await Promise.all([own.close(), other.close()])) };
    },
  },
  {
    name: 'PGlite',
    stores: async () => {
      const db: PGlite = createPglite();
      const own = await createPgliteEventStore({ db });
      const other = await createPgliteEventStore({ db });
      return {
        own,
        other,
        close: async () => {
          await Promise.all([own.close(), other.close()]);
          await db.close();
        },
      };
    },
  },
];

/** Far longer than any wake-up may take: a message seen within the test's wait came from a wake-up. */
const NEVER_MS = 60_000;
/** A wake-up must publish well within this (the default fallback interval is 1 s). */
const PROMPT_MS = 500;

describe.each(setups)('relay wake-ups, $name', (setup) => {
  let own: Store;
  let other: Store;
  let closeStores: () => Promise<void>;
  let published: OutgoingMessage[];
  let relay: Relay | undefined;
  const bus = { publish: async (messages: readonly OutgoingMessage[]) => void published.push(...messages) } as unknown as MessageBus;

  beforeEach(async () => {
    ({ own, other, close: closeStores } = await setup.stores());
    published = [];
  });
  afterEach(async () => {
    await relay?.stop();
    relay = undefined;
    await closeStores();
  });

  function startRelay(store: EventStore, fallbackIntervalMs: number): Relay {
    relay = new Relay({ name: 'out', store, checkpoints: own, bus, gateway: (event) => [message(event)], log: () => undefined });
    relay.start(fallbackIntervalMs);
    return relay;
  }

  /** Appends one event, then waits for its message; returns how long that took. */
  async function appendAndAwait(through: Store, stream: string, version: number, timeoutMs: number): Promise<number> {
    const event = domainEvent(stream);
    const startedAt = Date.now();
    await through.appendToStream(stream, [event], { expectedVersion: version === 0 ? 'no_stream' : version - 1 });
    await waitFor(`the message of ${stream}@${version}`, () => published.some((m) => m.headers['message-id'] === event.metadata.eventId), { timeoutMs, intervalMs: 5 });
    return Date.now() - startedAt;
  }

  /** The relay's first round has run once the event stored before it started is out. */
  async function firstRoundDone(): Promise<void> {
    await waitFor('the first round', () => published.length === 1, { timeoutMs: 10_000 });
  }

  it('publishes an append made through its own store object at once, without waiting for the fallback poll', async () => {
    await own.appendToStream('acct-a', [domainEvent('acct-a')], { expectedVersion: 'no_stream' });
    startRelay(own, NEVER_MS);
    await firstRoundDone();

    for (let version = 1; version <= 3; version++) {
      expect(await appendAndAwait(own, 'acct-a', version, PROMPT_MS)).toBeLessThan(PROMPT_MS);
    }
    expect(published.map((m) => m.value)).toEqual([0, 1, 2, 3].map((version) => ({ streamId: 'acct-a', version })));
  });

  it("publishes another process's append promptly: its NOTIFY wakes the relay", async () => {
    await own.appendToStream('acct-a', [domainEvent('acct-a')], { expectedVersion: 'no_stream' });
    startRelay(own, NEVER_MS);
    await firstRoundDone();
    // The store starts its LISTEN when the relay subscribes after that round, on a
    // connection of its own; a NOTIFY sent before it is in place is for the fallback to heal.
    await new Promise((resolve) => setTimeout(resolve, 250));

    expect(await appendAndAwait(other, 'acct-b', 0, PROMPT_MS)).toBeLessThan(PROMPT_MS);
  });

  it('wakes through a live subscription when the store offers no wake-up signal', async () => {
    await own.appendToStream('acct-a', [domainEvent('acct-a')], { expectedVersion: 'no_stream' });
    startRelay(withoutWakeUpSignal(own), NEVER_MS);
    await firstRoundDone();

    expect(await appendAndAwait(own, 'acct-a', 1, PROMPT_MS)).toBeLessThan(PROMPT_MS);
    expect(published.map((m) => m.value)).toEqual([0, 1].map((version) => ({ streamId: 'acct-a', version })));
  });

  it('still publishes everything, in order, on the fallback poll when every notification is lost', async () => {
    await own.appendToStream('acct-a', [domainEvent('acct-a')], { expectedVersion: 'no_stream' });
    startRelay(losingNotifications(own), 300);
    await firstRoundDone();

    await appendAndAwait(own, 'acct-a', 1, 5_000);
    await appendAndAwait(other, 'acct-a', 2, 5_000);
    expect(published.map((m) => m.value)).toEqual([0, 1, 2].map((version) => ({ streamId: 'acct-a', version })));
    expect(await own.load('out')).toBe((await own.readAll()).at(-1)?.globalPosition);
  });
});

/** The store as an adapter without `onAppended` (e.g. EventStoreDB) looks to the relay. */
function withoutWakeUpSignal(store: EventStore): EventStore {
  return {
    appendToStream: (...args) => store.appendToStream(...args),
    appendToStreams: (appends) => store.appendToStreams(appends),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    subscribeToAll: (...args) => store.subscribeToAll(...args),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

/** The store with a wake-up signal that never fires, as if every NOTIFY were lost. */
function losingNotifications(store: EventStore): EventStore {
  return { ...withoutWakeUpSignal(store), onAppended: () => () => undefined };
}

function message(event: RecordedEvent): OutgoingMessage {
  return {
    topic: 'things',
    key: event.streamId,
    value: { streamId: event.streamId, version: event.version },
    headers: { 'message-type': event.type, 'message-id': event.metadata.eventId, 'correlation-id': 'corr', 'causation-id': 'cause' },
  };
}

function domainEvent(stream: string): EventToAppend {
  return {
    type: 'ThingHappened',
    data: { stream },
    metadata: {
      eventId: randomUUID(),
      principal: { role: 'system', id: 'test' },
      correlationId: `corr-${stream}`,
      causationId: `cause-${randomUUID()}`,
      occurredAt: '2026-04-01T00:00:00.000Z',
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the tests with the infrastructure env (deploy/infra/up.sh)`);
  return value;
}
