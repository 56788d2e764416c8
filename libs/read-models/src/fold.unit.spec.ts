import { projected } from './contract-suite/read-model-store.fixtures';
import { encodeStreamKey, foldDocument, groupByDocument, stableSort, StoredDocument } from './fold';
import { Projection } from './read-model-store.port';

describe('the shared fold', () => {
  const seen: Projection<{ events: string[] }> = {
    name: 'seen',
    handles: ['Seen', 'Forgotten'],
    documentIds: (event) => event.data.ids,
    evolve: (document, event) => (event.type === 'Forgotten' ? null : { events: [...(document?.events ?? []), `${event.streamId}@${event.version}`] }),
  };

  it('encodes stream ids into field names a MongoDB-wire server accepts, one-to-one', () => {
    expect(encodeStreamKey('account-3f2a')).toBe('account-3f2a');
    expect(encodeStreamKey('$client.v2%')).toBe('%24client%2Ev2%25');
    expect(encodeStreamKey('a.b')).not.toBe(encodeStreamKey('a%2Eb'));
  });

  it('ends every sort with _id so ties and unsorted queries have one order', () => {
    expect(stableSort(undefined)).toEqual({ _id: 1 });
    expect(Object.entries(stableSort({ clientId: -1 }))).toEqual([['clientId', -1], ['_id', 1]]);
    expect(stableSort({ _id: -1 })).toEqual({ _id: -1 });
  });

  it('groups an event once per document even when the projection names a document twice', () => {
    const groups = groupByDocument(seen, [projected('s-1', 0, 'Seen', { ids: ['d1', 'd1', 'd2'] }), projected('s-1', 1, 'Other', { ids: ['d3'] })]);
    expect([...groups].map(([id, events]) => [id, events.length])).toEqual([['d1', 1], ['d2', 1]]);
  });

  it('writes nothing when every event was already applied', () => {
    const stored: StoredDocument = { _id: 'd1', events: ['s-1@0'], _applied: { 's-1': 0 }, _rev: 1 };
    expect(foldDocument(seen, 'd1', stored, [projected('s-1', 0, 'Seen', { ids: ['d1'] })])).toBeNull();
  });

  it('writes nothing for a document that never existed and stays absent', () => {
    expect(foldDocument(seen, 'd1', null, [projected('s-1', 0, 'Forgotten', { ids: ['d1'] })])).toBeNull();
  });

  it('keeps a tombstone with the applied versions when a document is deleted', () => {
    const stored: StoredDocument = { _id: 'd1', events: ['s-1@0'], _applied: { 's-1': 0 }, _rev: 3 };
    expect(foldDocument(seen, 'd1', stored, [projected('s-1', 1, 'Forgotten', { ids: ['d1'] })])).toEqual({
      _id: 'd1',
      _applied: { 's-1': 1 },
      _rev: 4,
      _deleted: true,
    });
  });
});
