import { EventUpcasters, inheritAggregateCacheBounds, RecordedEvent, upcastRecorded } from '@lib/es-core';
import type { EventStore } from './event-store.port';

/**
 * The read path of an event store with upcasting: `readStream`, `readAll` and
 * `subscribeToAll` hand out each event as today's code reads it (see `upcastRecorded`),
 * its stored form kept in `storedAs` so the hash chain still verifies. Appends and
 * everything else go to the wrapped store untouched: the store keeps what was written,
 * and no adapter knows about upcasting.
 *
 * The wrapper is a proxy, so methods the port gains later pass through as they are; one
 * that returns events must be added here to be upcast.
 */
export function withUpcasting<Store extends EventStore>(store: Store, upcasters: EventUpcasters): Store {
  const up = (event: RecordedEvent) => upcastRecorded(event, upcasters);
  const overrides: Partial<EventStore> = {
    readStream: async (streamId, options) => (await store.readStream(streamId, options)).map(up),
    readAll: async (options) => (await store.readAll(options)).map(up),
    subscribeToAll: (options) => store.subscribeToAll({ ...options, onEvent: (event) => options.onEvent(up(event)) }),
  };
  const upcasting = new Proxy(store, {
    get(target, property, receiver) {
      if (Object.prototype.hasOwnProperty.call(overrides, property)) return overrides[property as keyof EventStore];
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  inheritAggregateCacheBounds(upcasting, store);
  return upcasting;
}
