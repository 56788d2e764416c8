import { AccountPlaced, PaymentPosted, type Contract } from '@lib/contracts';
import type { CheckpointStore, EventStore } from '@lib/event-store';
import { ServiceRuntime } from '@lib/integration';
import { createInProcessMessageBus, type OutgoingMessage } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { createInMemoryReadModelStore, type Projection, type ProjectedEvent, type ReadModelStore } from '@lib/read-models';
import { ACCOUNT_SUMMARIES } from '../../read-models/account-summary.projection';
import { accountPlaced, paymentPosted } from '../../read-models/reporting.fixtures';
import { REPORTING_PROJECTIONS } from '../../read-models/reporting.queries';
import { projectIntegrationEvents } from './project-integration-events.handler';

/** What a publishing relay sends for the `version`th event of `stream`. */
function published<Data extends object>(contract: Contract<Data>, stream: string, version: number, data: Data, key: string): OutgoingMessage {
  const eventId = `${stream}@${version}`;
  return {
    topic: contract.topic,
    key,
    value: data,
    headers: {
      'message-type': contract.type,
      'message-id': `${eventId}:${contract.type}`,
      'correlation-id': `corr-${eventId}`,
      'causation-id': eventId,
      'principal-role': 'system',
      'principal-id': 'test',
      'source-stream': stream,
      'source-version': String(version),
      'occurred-at': '2026-06-01T09:00:00.000Z',
    },
  };
}

/** Counts `apply` calls and the events they carried, per projection. */
function counting(store: ReadModelStore): { store: ReadModelStore; calls: Map<string, number[]> } {
  const calls = new Map<string, number[]>();
  const counted = Object.create(store) as ReadModelStore;
  counted.apply = async <Doc extends object>(projection: Projection<Doc>, events: readonly ProjectedEvent[]) => {
    calls.set(projection.name, [...(calls.get(projection.name) ?? []), events.length]);
    return store.apply(projection, events);
  };
  return { store: counted, calls };
}

describe('reporting projects integration events a batch at a time', () => {
  const eventStore = { readAll: async () => [], load: async () => null, save: async () => undefined, ping: async () => undefined } as unknown as EventStore & CheckpointStore;

  it('applies each projection once per batch, converges like one at a time, ignores a redelivered batch, and dead-letters only a bad message', async () => {
    const bus = createInProcessMessageBus({ retryBackoff: { initialMs: 1, maxMs: 1 } });
    const readModels = createInMemoryReadModelStore();
    const { store, calls } = counting(readModels);
    const runtime = new ServiceRuntime({
      service: 'reporting',
      store: eventStore,
      bus,
      gateway: () => [],
      accountIdOf: () => undefined,
      inbound: projectIntegrationEvents(store, REPORTING_PROJECTIONS),
      now: () => new Date('2026-06-01T10:00:00.000Z'),
      newId: () => 'id',
      publishes: [],
    });
    const accounts = Array.from({ length: 40 }, (_, i) => `acc-${String(i).padStart(2, '0')}`);
    const messages = accounts.flatMap((id) => [
      published(AccountPlaced, `client-intake:${id}`, 1, accountPlaced(id, 'client-1', 10_000), id),
      published(PaymentPosted, `payments:${id}`, 2, paymentPosted(id, 'client-1', `${id}-p1`, 2_500, 7_500), id),
    ]);
    // Breaks the contract (no placed amount): it fails its batch, then alone, then goes to the dead letter.
    const bad = published(AccountPlaced, 'client-intake:acc-bad', 1, { ...accountPlaced('acc-bad', 'client-1', 10_000), placedAmount: 'lots' } as never, 'acc-bad');
    await bus.publish([...messages.slice(0, 40), bad, ...messages.slice(40)]);
    await runtime.start();
    try {
      const summarised = () => (calls.get(ACCOUNT_SUMMARIES) ?? []).reduce((a, b) => a + b, 0);
      await waitFor('every account summarised and the bad message dead-lettered', () => runtime.deadLetters().length > 0 && summarised() >= messages.length, { timeoutMs: 10_000 });
      const summaries = await readModels.find<{ accountId: string; balance: number; collected: number }>(ACCOUNT_SUMMARIES, {}, { sort: { accountId: 1 } });
      expect(summaries.map((s) => [s.accountId, s.balance, s.collected])).toEqual(accounts.map((id) => [id, 7_500, 2_500]));
      expect(runtime.deadLetters()).toEqual([{ topic: AccountPlaced.topic, count: 1 }]);
      // Batched: far fewer applies than events, several events per apply.
      const summaryCalls = calls.get(ACCOUNT_SUMMARIES) ?? [];
      expect(summaryCalls.length).toBeLessThan(messages.length / 4);
      expect(Math.max(...summaryCalls)).toBeGreaterThan(10);

      // The same messages again, as after a crash before the commit: the version guard drops them.
      await bus.publish(messages);
      await waitFor('the redelivered messages applied', () => summarised() >= 2 * messages.length, { timeoutMs: 10_000 });
      const again = await readModels.find<{ accountId: string; balance: number; collected: number }>(ACCOUNT_SUMMARIES, {}, { sort: { accountId: 1 } });
      expect(again).toEqual(summaries);
    } finally {
      await runtime.stop();
      await bus.close();
    }
  });
});
