import { randomUUID } from 'node:crypto';
import { EventToAppend } from '@lib/es-core';
import { inJsonbOrder, RecentLog } from './recent-log';
import { appendStatement, sqlNames } from './sql-statements';

function anEvent(n: number): EventToAppend {
  return {
    type: 'Tick',
    data: { n },
    metadata: {
      eventId: randomUUID(),
      principal: { role: 'client', id: 'client-1' },
      correlationId: 'corr',
      causationId: `cause-${n}`,
      occurredAt: '2024-05-01T10:00:00.000Z',
    },
  };
}

const page = (newest: bigint | null) => ({ events: [], horizon: 1n << 60n, newest });
const positions = (log: RecentLog, after: bigint | undefined, limit = 100) => log.read(after, limit)?.map((event) => event.globalPosition);

describe('the recent log', () => {
  it('answers nothing until a read of the database reached the end of the log', () => {
    const log = new RecentLog();
    log.recordAppend('s-1', [anEvent(0)], 0, 10n);
    expect(log.read(undefined, 10)).toBeUndefined();
    // A full page proves nothing about what follows it.
    log.observeRead({ events: [{ streamId: 's-1', version: 0, globalPosition: 10n, type: 'Tick', data: {}, metadata: { ...anEvent(0).metadata, hash: 'h', previousHash: 'p' } }], horizon: 1n << 60n, newest: 10n }, 1);
    expect(log.read(10n, 10)).toBeUndefined();
    log.observeRead(page(10n), 10);
    expect(positions(log, 10n)).toEqual([]);
    expect(log.read(9n, 10)).toBeUndefined();
  });

  it('does not anchor on a page cut short by a transaction still running', () => {
    const log = new RecentLog();
    log.observeRead({ events: [], horizon: 5n, newest: 7n }, 10);
    expect(log.read(7n, 10)).toBeUndefined();
  });

  it('holds at most its bound of events, the newest, and moves its start past those it dropped', () => {
    const log = new RecentLog({ maxEvents: 3, maxBytes: 1 << 30, maxStreamHeads: 100 });
    log.observeRead(page(null), 10);
    for (let version = 0; version < 5; version += 1) log.recordAppend('s-1', [anEvent(version)], version, BigInt(100 + version));
    expect(log.size).toBe(3);
    expect(positions(log, 101n)).toEqual([102n, 103n, 104n]);
    expect(log.read(100n, 10)).toBeUndefined();
    expect(log.read(undefined, 10)).toBeUndefined();
    expect(positions(log, 102n, 1)).toEqual([103n]);
  });

  it('keeps within its byte bound', () => {
    const log = new RecentLog({ maxEvents: 1_000, maxBytes: 5_000, maxStreamHeads: 100 });
    log.observeRead(page(null), 10);
    for (let version = 0; version < 50; version += 1) log.recordAppend('s-1', [anEvent(version)], version, BigInt(100 + version));
    expect(log.approximateBytes - 150).toBeLessThanOrEqual(5_000);
    expect(log.size).toBeGreaterThan(0);
    expect(log.size).toBeLessThan(50);
  });

  it('skips past an append it cannot rebuild (the stream head was not seen) instead of guessing its hashes', () => {
    const log = new RecentLog();
    log.observeRead(page(null), 10);
    log.recordAppend('new', [anEvent(0)], 0, 10n);
    log.recordAppend('appended-before-this-process', [anEvent(1)], 7, 20n);
    expect(log.read(10n, 10)).toBeUndefined();
    expect(positions(log, 20n)).toEqual([]);
    log.recordAppend('new', [anEvent(2)], 1, 30n);
    expect(positions(log, 20n)).toEqual([30n]);
    expect(log.read(20n, 10)?.[0].metadata.previousHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('orders keys as jsonb does: shorter first, then by their UTF-8 bytes, at every depth', () => {
    const ordered = inJsonbOrder({ bb: 1, a: { zz: [{ é: 1, z: 2, ab: 3 }], y: 0 }, ba: 2, 'é': 3 });
    expect(JSON.stringify(ordered)).toBe('{"a":{"y":0,"zz":[{"z":2,"ab":3,"é":1}]},"ba":2,"bb":1,"é":3}');
  });

  it('orders each key list by its own keys, however often a shape was seen and whatever the keys hold', () => {
    // The order is remembered per key list: the same keys listed in another order, and lists a
    // plain join of the keys would confuse, must still come out in jsonb's order.
    for (let round = 0; round < 2; round += 1) {
      expect(JSON.stringify(inJsonbOrder({ ccc: 1, a: 2, bb: 3 }))).toBe('{"a":2,"bb":3,"ccc":1}');
      expect(JSON.stringify(inJsonbOrder({ bb: 3, ccc: 1, a: 2 }))).toBe('{"a":2,"bb":3,"ccc":1}');
      expect(Object.keys(inJsonbOrder({ 'x\u0000yy': 1, z: 2 }) as object)).toEqual(['z', 'x\u0000yy']);
      expect(Object.keys(inJsonbOrder({ x: 1, 'yy\u0000z': 2 }) as object)).toEqual(['x', 'yy\u0000z']);
    }
  });

  it('records the texts the append sent, even when the event object changed after the statement was built', () => {
    const log = new RecentLog();
    log.observeRead(page(null), 10);
    const event = anEvent(0);
    appendStatement(sqlNames('recent_log_texts'), 's-1', 'no_stream', [event]);
    (event.data as { n: number }).n = 99;
    log.recordAppend('s-1', [event], 0, 10n);
    expect(log.read(undefined, 10)?.[0].data).toEqual({ n: 0 });
  });
});
