import { readModelStoreContract } from '../contract-suite/read-model-store.contract-suite';
import { projected } from '../contract-suite/read-model-store.fixtures';
import type { Projection, ReadModelStore } from '../read-model-store.port';
import { createInMemoryReadModelStore } from './in-memory-read-model-store';

readModelStoreContract('in-memory (mingo)', () => createInMemoryReadModelStore());

describe('in-memory queries served from an equality index', () => {
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
    const store = createInMemoryReadModelStore();
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
    const store = createInMemoryReadModelStore();
    await store.apply(tagged, [projected('d1', 0, 'Set', { owner: 'ann', tags: [], n: 1 })]);
    expect(await ids(store, { owner: 'ann' })).toEqual(['d1']);
    await store.reset('tagged');
    expect(await ids(store, { owner: 'ann' })).toEqual([]);
    await store.apply(tagged, [projected('d1', 0, 'Set', { owner: 'ann', tags: [], n: 1 })]);
    expect(await ids(store, { owner: 'ann' })).toEqual(['d1']);
  });
});
