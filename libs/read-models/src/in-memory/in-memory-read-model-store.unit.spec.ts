import { readModelStoreContract } from '../contract-suite/read-model-store.contract-suite';
import { projected } from '../contract-suite/read-model-store.fixtures';
import type { Projection, ReadModelStore } from '../read-model-store.port';
import { createInMemoryReadModelStore, InMemoryReadModelStore } from './in-memory-read-model-store';

readModelStoreContract('in-memory (mingo)', () => createInMemoryReadModelStore());
// One live document per collection: nearly every document is kept as JSON text and parsed
// when read or folded again, so the same contract covers that path too.
readModelStoreContract('in-memory (mingo), documents kept as JSON text', () => createInMemoryReadModelStore({ liveDocuments: 1 }));

describe('in-memory documents kept live or as JSON text', () => {
  interface Note {
    owner: string;
    at?: unknown;
    nested: { tags: unknown[]; n: number };
    gone?: unknown;
  }
  const notes: Projection<Note> = {
    name: 'notes',
    handles: ['Set'],
    documentIds: (event) => [event.streamId],
    evolve: (_document, event) => ({ ...(event.data as Note) }),
  };
  const note = (id: string, version: number, owner: string, extra: Partial<Note> = {}) =>
    projected(id, version, 'Set', { owner, nested: { tags: ['x'], n: version }, ...extra });

  it('reads a document the same while it is live and once it is text: as a JSON round trip gives it', async () => {
    const store = createInMemoryReadModelStore({ liveDocuments: 1 });
    const odd = { at: new Date('2026-06-01T09:00:00.000Z'), gone: undefined, nested: { tags: ['x', undefined, Number.NaN, -0], n: 1 } };
    await store.apply(notes, [note('d1', 0, 'ann', odd)]);
    const whileLive = await store.findOne('notes', { _id: 'd1' });
    await store.apply(notes, [note('d2', 0, 'bob')]);
    const asText = await store.findOne('notes', { _id: 'd1' });

    const roundTrip = JSON.parse(JSON.stringify({ ...note('d1', 0, 'ann', odd).data, _id: 'd1' }));
    expect(whileLive).toStrictEqual(roundTrip);
    expect(asText).toStrictEqual(roundTrip);
    expect(Object.keys(asText!)).toEqual(Object.keys(whileLive!));
    expect(await store.find('notes', { owner: 'ann' })).toStrictEqual([roundTrip]);
  });

  it('hands out copies: changing what a query returned changes nothing stored, live or text', async () => {
    const store = createInMemoryReadModelStore({ liveDocuments: 1 });
    await store.apply(notes, [note('d1', 0, 'ann'), note('d2', 0, 'bob')]);
    // d1 is text now, d2 live: change both as a careless caller would.
    for (const found of [...(await store.find<Note>('notes')), (await store.findOne<Note>('notes', { _id: 'd1' }))!, (await store.findOne<Note>('notes', { _id: 'd2' }))!]) {
      found.owner = 'mallory';
      found.nested.tags.push('changed');
      found.nested.n = 99;
    }
    expect(await store.find('notes')).toEqual([
      { _id: 'd1', owner: 'ann', nested: { tags: ['x'], n: 0 } },
      { _id: 'd2', owner: 'bob', nested: { tags: ['x'], n: 0 } },
    ]);
  });

  it('keeps the most recently written documents live, whatever their count, and folds text ones on', async () => {
    const store = new InMemoryReadModelStore({ liveDocuments: 2 });
    const ids = Array.from({ length: 5 }, (_, i) => `d${i}`);
    await store.apply(notes, ids.map((id) => note(id, 0, 'ann')));
    await store.apply(notes, ids.map((id) => note(id, 1, 'bob')));
    await store.apply(notes, ids.map((id) => note(id, 1, 'replayed')));
    expect(await store.count('notes')).toBe(5);
    expect(await store.count('notes', { owner: 'bob' })).toBe(5);
    expect((await store.find<Note>('notes', { 'nested.n': 1 })).map((found) => found.owner)).toEqual(['bob', 'bob', 'bob', 'bob', 'bob']);
  });

  it('keeps a document JSON cannot hold (a BigInt in it) live instead of losing it', async () => {
    const store = createInMemoryReadModelStore({ liveDocuments: 1 });
    await store.apply(notes, [note('big', 0, 'ann', { at: 10n ** 20n })]);
    await store.apply(notes, [note('d1', 0, 'bob'), note('d2', 0, 'cid')]);
    expect((await store.findOne<Note>('notes', { _id: 'big' }))?.at).toBe(10n ** 20n);
    expect(await store.count('notes')).toBe(3);
  });

  it('refuses a bound below one live document', () => {
    expect(() => createInMemoryReadModelStore({ liveDocuments: 0 })).toThrow(RangeError);
  });
});

describe.each([
  ['live', 10_000],
  ['kept as JSON text', 1],
])('in-memory queries served from an equality index, documents %s', (_how, liveDocuments) => {
  interface Tagged {
    owner: string;
    tags: string[];
    n: number;
  }
  const tagged: Projection<Tagged> = {
    name: 'tagged',
    handles: ['Set', 'Drop'],
    documentIds: (event) => [event.streamId],
    evolve: (_document, event) => (event.type === 'Drop' ? null : { owner: event.data.owner, tags: event.data.tags, n: event.data.n }),
  };
  const ids = async (store: ReadModelStore, filter: Record<string, unknown>) => (await store.find<{ _id: string }>('tagged', filter)).map((document) => document._id);

  it('follows every write after the index is made: changed values, array elements, deletions', async () => {
    const store = createInMemoryReadModelStore({ liveDocuments });
    await store.apply(tagged, [projected('d1', 0, 'Set', { owner: 'ann', tags: ['x', 'y'], n: 1 }), projected('d2', 0, 'Set', { owner: 'bob', tags: ['y'], n: 2 })]);
    expect(await ids(store, { owner: 'ann' })).toEqual(['d1']);
    expect(await ids(store, { tags: 'y' })).toEqual(['d1', 'd2']);

    await store.apply(tagged, [projected('d1', 1, 'Set', { owner: 'bob', tags: ['z'], n: 1 }), projected('d3', 0, 'Set', { owner: 'ann', tags: [], n: 3 })]);
    expect(await ids(store, { owner: 'ann' })).toEqual(['d3']);
    expect(await ids(store, { owner: 'bob' })).toEqual(['d1', 'd2']);
    expect(await ids(store, { tags: 'y' })).toEqual(['d2']);
    expect(await ids(store, { tags: 'z', owner: 'bob' })).toEqual(['d1']);

    await store.apply(tagged, [projected('d2', 1, 'Drop')]);
    expect(await ids(store, { owner: 'bob' })).toEqual(['d1']);
    expect(await store.count('tagged', { owner: 'bob' })).toBe(1);
    // The rest of the filter still applies to what the index returns.
    expect(await ids(store, { owner: 'bob', n: { $gt: 1 } })).toEqual([]);
    expect(await ids(store, { n: 1 })).toEqual(['d1']);
  });

  it('starts again empty after a reset', async () => {
    const store = createInMemoryReadModelStore({ liveDocuments });
    await store.apply(tagged, [projected('d1', 0, 'Set', { owner: 'ann', tags: [], n: 1 })]);
    expect(await ids(store, { owner: 'ann' })).toEqual(['d1']);
    await store.reset('tagged');
    expect(await ids(store, { owner: 'ann' })).toEqual([]);
    await store.apply(tagged, [projected('d1', 0, 'Set', { owner: 'ann', tags: [], n: 1 })]);
    expect(await ids(store, { owner: 'ann' })).toEqual(['d1']);
  });
});
