import { withUpcasting } from '@lib/event-store';
import { DEFAULT_AGGREGATE_CACHE_OPTIONS } from './aggregate-cache';
import { aggregateCacheOf, inheritAggregateCacheBounds, shareAggregateCacheBudget } from './command-handler';

describe("a process's budget of folded states", () => {
  it('is split equally among the stores that share it', () => {
    const stores = [{}, {}, {}, {}];
    shareAggregateCacheBudget(stores, { maxStreams: 1_000, maxBytes: 4_000_000 });
    for (const store of stores) {
      expect(aggregateCacheOf(store).bounds).toMatchObject({ maxStreams: 250, maxBytes: 1_000_000 });
    }
  });

  it('defaults to one default cache in total, whatever the number of stores', () => {
    const stores = [{}, {}, {}, {}, {}];
    shareAggregateCacheBudget(stores);
    const total = stores.reduce<number>((sum, store) => sum + aggregateCacheOf(store).bounds.maxBytes, 0);
    expect(total).toBeLessThanOrEqual(DEFAULT_AGGREGATE_CACHE_OPTIONS.maxBytes);
    expect(total).toBeGreaterThan(DEFAULT_AGGREGATE_CACHE_OPTIONS.maxBytes - stores.length);
  });

  it('leaves a store outside the split with the default bounds', () => {
    shareAggregateCacheBudget([{}, {}]);
    expect(aggregateCacheOf({}).bounds).toEqual(DEFAULT_AGGREGATE_CACHE_OPTIONS);
  });

  it("keeps a wrapped store within its inner store's share, in a cache of its own", () => {
    const inner = {};
    shareAggregateCacheBudget([inner, {}], { maxStreams: 100, maxBytes: 1_000 });
    const wrapper = {};
    inheritAggregateCacheBounds(wrapper, inner);
    expect(aggregateCacheOf(wrapper).bounds).toEqual(aggregateCacheOf(inner).bounds);
    expect(aggregateCacheOf(wrapper)).not.toBe(aggregateCacheOf(inner));
  });

  it('is inherited by a store read through upcasting', () => {
    const inner = { readStream: jest.fn(), readAll: jest.fn(), subscribeToAll: jest.fn() };
    shareAggregateCacheBudget([inner, {}, {}], { maxStreams: 300, maxBytes: 3_000 });
    const upcasting = withUpcasting(inner as never, {});
    expect(aggregateCacheOf(upcasting).bounds).toMatchObject({ maxStreams: 100, maxBytes: 1_000 });
  });
});
