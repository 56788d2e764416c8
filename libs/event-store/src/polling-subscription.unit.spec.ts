import { RecordedEvent } from '@lib/es-core';
import { PollingSubscription } from './polling-subscription';

describe('polling subscription', () => {
  it('reads again at once when woken, instead of waiting for the poll interval', async () => {
    const log = eventLog();
    const delivered: bigint[] = [];
    const subscription = new PollingSubscription({
      readPage: log.readPage,
      pageSize: 10,
      pollIntervalMs: 60_000,
      onEvent: async (event) => void delivered.push(event.globalPosition),
    });
    await until(() => log.reads === 1);

    log.push(1n);
    subscription.wake();
    await until(() => delivered.length === 1);

    expect(delivered).toEqual([1n]);
    await subscription.close();
  });

  it('pages through history without sleeping and resumes after the last delivered position', async () => {
    const log = eventLog();
    for (let position = 1n; position <= 25n; position += 1n) log.push(position);
    const delivered: bigint[] = [];
    const subscription = new PollingSubscription({
      after: 5n,
      readPage: log.readPage,
      pageSize: 7,
      pollIntervalMs: 60_000,
      onEvent: async (event) => void delivered.push(event.globalPosition),
    });

    await until(() => delivered.length === 20);
    expect(delivered[0]).toBe(6n);
    expect(delivered[19]).toBe(25n);
    await subscription.close();
  });

  it('closes promptly while sleeping', async () => {
    const subscription = new PollingSubscription({ readPage: eventLog().readPage, pageSize: 10, pollIntervalMs: 60_000, onEvent: async () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();

    await subscription.close();

    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports a failed read through onError and stops', async () => {
    const errors: unknown[] = [];
    const subscription = new PollingSubscription({
      readPage: async () => {
        throw new Error('connection lost');
      },
      pageSize: 10,
      pollIntervalMs: 10,
      onEvent: async () => undefined,
      onError: (error) => errors.push(error),
    });

    await subscription.finished;
    expect(errors).toHaveLength(1);
  });
});

function eventLog() {
  const events: RecordedEvent[] = [];
  const log = {
    reads: 0,
    push(globalPosition: bigint) {
      events.push({
        streamId: 's',
        version: events.length,
        globalPosition,
        type: 'T',
        data: {},
        metadata: { eventId: 'e', principal: { role: 'system', id: 't' }, correlationId: 'c', causationId: 'c', occurredAt: '', previousHash: '', hash: '' },
      });
    },
    readPage: async (after: bigint | undefined, limit: number) => {
      log.reads += 1;
      return events.filter((event) => after === undefined || event.globalPosition > after).slice(0, limit);
    },
  };
  return log;
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
