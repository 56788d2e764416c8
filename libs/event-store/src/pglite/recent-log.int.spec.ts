import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { EventToAppend, RecordedEvent, verifyChain } from '@lib/es-core';
import { randomSchema } from '../contract-suite/sql-event-store.contract-suite';
import { createPgliteEventStore } from '../index';
import { createPglite } from './load-pglite';
import { PgliteEventStore } from './pglite-event-store';

let db: PGlite;
beforeAll(() => {
  db = createPglite();
});
afterAll(() => db.close());

function anEvent(type: string, data: Record<string, unknown>): EventToAppend {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      principal: { role: 'client', id: 'client-1' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2024-05-01T10:00:00.000Z',
    },
  };
}

/** Every field, keys in the order they come (jsonb's), bigints and dates tagged: equal text means an identical read. */
function exactly(events: readonly RecordedEvent[]): string {
  return JSON.stringify(events, (_key, value: unknown) =>
    typeof value === 'bigint' ? `bigint:${value}` : value instanceof Date ? `date:${value.toISOString()}` : value,
  );
}

/** Two stores of one schema on one instance: one reads recent events from memory, one always reads the database. */
async function twoStores(): Promise<{ memory: PgliteEventStore; database: PgliteEventStore }> {
  const schema = randomSchema();
  const memory = await createPgliteEventStore({ db, schema, pollIntervalMs: 50 });
  const database = await createPgliteEventStore({ db, schema, pollIntervalMs: 50, readRecentFromMemory: false });
  return { memory, database };
}

/** How many statements PGlite runs while `work` does. */
async function statementsDuring(work: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(db, 'execProtocol');
  try {
    await work();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('the recent log of a PGlite store (readAll just behind the head from memory)', () => {
  it('hands out exactly what a read of the database returns, without a statement', async () => {
    const { memory, database } = await twoStores();
    await memory.appendToStream('old-1', [anEvent('Before', { n: 1 })], { expectedVersion: 'no_stream' });
    expect(await memory.readAll()).toHaveLength(1);
    const [{ globalPosition: anchor }] = await database.readAll();

    const awkward = {
      zeta: 1,
      a: [3, { yy: true, b: null, 'ключ': 'значение', é: 'e', '10': 'ten', '2': 'two' }],
      amountMinor: 123456789012,
      ratio: 0.30000000000000004,
      big: 1e21,
      when: new Date('2024-05-01T10:00:00.000Z'),
      huge: 2n ** 70n,
      text: 'quote " backslash \\ newline \n tab \t emoji 😀',
      nested: { bb: { ccc: [], c: {} }, b: 'x', aa: -0 },
      skipped: undefined,
    };
    await memory.appendToStream('account-1', [anEvent('Placed', awkward), anEvent('Noted', { note: 'two at once' })], { expectedVersion: 'no_stream' });
    await database.appendToStream('account-1', [anEvent('Noted', { note: 'by the other store' })], { expectedVersion: 1 });
    await memory.appendToStream('account-2', [anEvent('Placed', { amount: 5 })], { expectedVersion: 'no_stream' });
    await memory.appendToStream('account-1', [anEvent('Noted', { note: 'chained on the other store’s event' })], { expectedVersion: 2 });

    let fromMemory: RecordedEvent[] = [];
    expect(await statementsDuring(async () => (fromMemory = await memory.readAll({ after: anchor })))).toBe(0);
    const fromDatabase = await database.readAll({ after: anchor });
    expect(fromMemory.map((event) => `${event.streamId}@${event.version}`)).toEqual(['account-1@0', 'account-1@1', 'account-1@2', 'account-2@0', 'account-1@3']);
    expect(exactly(fromMemory)).toBe(exactly(fromDatabase));
    expect(fromMemory).toEqual(fromDatabase);
    expect(verifyChain('account-1', fromMemory.filter((event) => event.streamId === 'account-1')).ok).toBe(true);

    // Pages and limits as the database gives them; each read its own copy.
    expect(exactly(await memory.readAll({ after: fromMemory[1].globalPosition, limit: 2 }))).toBe(exactly(fromDatabase.slice(2, 4)));
    const again = await memory.readAll({ after: anchor });
    expect(again[0].data).not.toBe(fromMemory[0].data);
    expect(await memory.readAll({ after: fromMemory[4].globalPosition })).toEqual([]);
    await Promise.all([memory.close(), database.close()]);
  });

  it('holds the events of many streams appended in one call (appendToStreams), so no reader behind the head misses them', async () => {
    const { memory, database } = await twoStores();
    await memory.appendToStream('before-many', [anEvent('Before', { n: 0 })], { expectedVersion: 'no_stream' });
    const [{ globalPosition: anchor }] = await memory.readAll();
    await memory.appendToStreams([
      { streamId: 'many-1', expectedVersion: 'no_stream', events: [anEvent('Placed', { n: 1 }), anEvent('Noted', { n: 2 })] },
      { streamId: 'before-many', expectedVersion: 5, events: [anEvent('Refused', { n: 3 })] },
      { streamId: 'many-2', expectedVersion: 'no_stream', events: [anEvent('Placed', { n: 4 })] },
    ]);
    await memory.appendToStream('many-1', [anEvent('Noted', { n: 5 })], { expectedVersion: 1 });

    let fromMemory: RecordedEvent[] = [];
    expect(await statementsDuring(async () => (fromMemory = await memory.readAll({ after: anchor })))).toBe(0);
    expect(fromMemory.map((event) => `${event.streamId}@${event.version}`)).toEqual(['many-1@0', 'many-1@1', 'many-2@0', 'many-1@2']);
    expect(exactly(fromMemory)).toBe(exactly(await database.readAll({ after: anchor })));
    await Promise.all([memory.close(), database.close()]);
  });

  it('reads the database for what lies before the oldest event it holds', async () => {
    const { memory, database } = await twoStores();
    await memory.appendToStream('old-1', [anEvent('Before', { n: 1 })], { expectedVersion: 'no_stream' });
    await memory.readAll();
    await memory.appendToStream('new-1', [anEvent('After', { n: 2 })], { expectedVersion: 'no_stream' });
    let all: RecordedEvent[] = [];
    expect(await statementsDuring(async () => (all = await memory.readAll()))).toBeGreaterThan(0);
    expect(exactly(all)).toBe(exactly(await database.readAll()));
    await Promise.all([memory.close(), database.close()]);
  });

  it('delivers to a subscription from memory what it delivers from the database', async () => {
    const { memory, database } = await twoStores();
    await memory.readAll();
    const seen: RecordedEvent[] = [];
    const subscription = memory.subscribeToAll({ onEvent: async (event) => void seen.push(event) });
    for (let index = 0; index < 5; index += 1) {
      await memory.appendToStream(`s-${index % 2}`, [anEvent('Tick', { index })], { expectedVersion: index < 2 ? 'no_stream' : Math.floor(index / 2) - 1 });
    }
    const deadline = Date.now() + 5_000;
    while (seen.length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await subscription.close();
    expect(exactly(seen)).toBe(exactly(await database.readAll()));
    await Promise.all([memory.close(), database.close()]);
  });
});
