import { ANY, EventStoreDBClient, NO_STREAM, START, STREAM_EXISTS } from '@eventstore/db-client';
import { EventStoreDbEventStore, toEsdbExpectedRevision, toEsdbPosition } from './eventstoredb-event-store';

describe('EventStoreDB mapping', () => {
  it('maps the port expected version onto EventStoreDB revisions, both 0-based', () => {
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision(0)).toBe(0n);
    expect(toEsdbExpectedRevision(41)).toBe(41n);
  });

  it('maps a global position onto a $all position', () => {
    expect(toEsdbPosition(1234n)).toEqual({ commit: 1234n, prepare: 1234n });
  });

  it('needs a connection string or a client', () => {
    expect(() => new EventStoreDbEventStore({})).toThrow(/connectionString or a client/);
  });

  it('reads and subscribes from the start after a negative position (a rewound checkpoint), which $all cannot encode', async () => {
    const asked: Array<{ fromPosition?: unknown }> = [];
    const nothing = { async *[Symbol.asyncIterator]() {} };
    const client = {
      readAll: (options: { fromPosition?: unknown }) => (asked.push(options), nothing),
      subscribeToAll: (options: { fromPosition?: unknown }) => (asked.push(options), { ...nothing, unsubscribe: async () => undefined }),
    } as unknown as EventStoreDBClient;
    const store = new EventStoreDbEventStore({ client });

    await store.readAll({ after: -1n });
    await store.subscribeToAll({ after: -1n, onEvent: async () => undefined }).close();
    await store.readAll({ after: 7n });

    expect(asked.map((options) => options.fromPosition)).toEqual([START, START, { commit: 7n, prepare: 7n }]);
    await store.close();
  });
});
