import type { DurableScheduler } from '@lib/scheduler';
import type { CheckpointStore, EventStore } from '@lib/event-store';
import type { MessageBus } from '@lib/message-bus';
import { AccountPlaced } from '@lib/contracts';
import { on, ServiceRuntime } from './service-runtime';

describe('service runtime', () => {
  it('stops every part even when some fail to stop, then reports every failure', async () => {
    const bus = {
      ensureTopics: async () => undefined,
      publish: async () => undefined,
      subscribe: async () => ({ close: async () => Promise.reject(new Error('consumer would not close')) }),
      resetGroup: async () => undefined,
      ping: async () => undefined,
      lag: async () => 0,
      close: async () => undefined,
    } as MessageBus;
    const store = { readAll: async () => [], load: async () => null, save: async () => undefined } as unknown as EventStore & CheckpointStore;
    const scheduler = {
      start: jest.fn(),
      stop: jest.fn(async () => Promise.reject(new Error('scheduler would not stop'))),
    } as unknown as DurableScheduler;
    const runtime = new ServiceRuntime({
      service: 'svc',
      store,
      bus,
      gateway: () => [],
      accountIdOf: () => undefined,
      inbound: [on(AccountPlaced, async () => undefined)],
      scheduler,
      now: () => new Date('2026-04-01T00:00:00.000Z'),
      newId: () => 'id',
      publishes: [],
    });
    const relayStop = jest.spyOn(runtime.relay, 'stop');
    await runtime.start();

    const stopping = runtime.stop();

    await expect(stopping).rejects.toThrow(/svc/);
    await expect(stopping).rejects.toMatchObject({ errors: [expect.objectContaining({ message: 'consumer would not close' }), expect.objectContaining({ message: 'scheduler would not stop' })] });
    expect(scheduler.stop).toHaveBeenCalled();
    expect(relayStop).toHaveBeenCalled();
  });
});
