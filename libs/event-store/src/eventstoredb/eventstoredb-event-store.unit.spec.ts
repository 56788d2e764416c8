import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
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
});
