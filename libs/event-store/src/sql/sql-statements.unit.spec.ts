import { createHash } from 'node:crypto';
import { EventToAppend, GENESIS_HASH, chainEvents } from '@lib/es-core';
import { canonicalEncode } from './canonical-encode';
import { POSITION_TX_SHIFT, appendStatement, hashTail, readAllStatement, sqlNames, toGlobalPage, toRecordedEvent } from './sql-statements';

describe('SQL statements', () => {
  it('accepts lower-case schema names only, so they can be used unquoted in LISTEN', () => {
    expect(sqlNames('event_store').events).toBe('"event_store".events');
    expect(sqlNames('event_store').appendFunction).toBe('"event_store".append_events');
    for (const bad of ['Event', 'a-b', '1abc', 'x"; drop table y; --', '', 'a'.repeat(49)]) {
      expect(() => sqlNames(bad)).toThrow(RangeError);
    }
  });

  it('derives stable lock keys per schema', () => {
    expect(sqlNames('one').streamLockSeed).toBe(sqlNames('one').streamLockSeed);
    expect(sqlNames('one').streamLockSeed).not.toBe(sqlNames('two').streamLockSeed);
    expect(sqlNames('one').streamLockSeed).not.toBe(sqlNames('one').migrateLockKey);
    expect(BigInt(sqlNames('one').streamLockSeed)).toBeLessThan(2n ** 63n);
  });

  it('sends what lets the database compute exactly the hashes chainEvents computes', () => {
    const events = [
      anEvent(0),
      { ...anEvent(1), data: { big: 2n ** 70n, at: new Date('2024-01-01T00:00:00.000Z'), text: 'Zoë 🧾 — مرحبا', nested: [{ z: 1, a: [2] }] } },
      { ...anEvent(2), metadata: { ...anEvent(2).metadata, previousHash: 'stale', hash: 'stale' } },
    ];
    for (const [previous, firstVersion] of [[GENESIS_HASH, 0], ['ab'.repeat(32), 9]] as const) {
      const chained = chainEvents('s-1', previous, firstVersion, events);
      let link: string = previous;
      events.forEach((event, index) => {
        // What appendStatement sends and the append function hashes.
        const { previousHash: _p, hash: _h, ...metadata } = event.metadata;
        const body = `{"data":${canonicalEncode(event.data)},"metadata":${canonicalEncode(metadata)}${hashTail('s-1', event.type)}${firstVersion + index}}`;
        link = createHash('sha256').update(link).update('\n').update(body, 'utf8').digest('hex');
        expect(link).toBe(chained[index].metadata.hash);
      });
    }
  });

  it('sends one append as one statement of JSON string arrays, in tagged canonical JSON, without stale hash fields', () => {
    const events = [anEvent(1), anEvent(2)];
    events[0] = { ...events[0], data: { big: 2n ** 70n, at: new Date('2024-01-01T00:00:00.000Z'), quote: 'say "hi" \\ bye' } };
    events[1] = { ...events[1], metadata: { ...events[1].metadata, hash: 'old', previousHash: 'older' } };

    const statement = appendStatement(sqlNames('es'), 's-1', 41, events);

    expect(statement.values).toHaveLength(8);
    expect(statement.values[1]).toBe('41');
    const arrays = statement.values.slice(2).map((value) => JSON.parse(String(value)) as string[]);
    expect(arrays[0]).toEqual(['T', 'T']);
    expect(arrays[1]).toEqual(events.map((event) => event.metadata.eventId));
    expect(arrays[2]).toEqual([canonicalEncode(events[0].data), canonicalEncode(events[1].data)]);
    expect(arrays[2][0]).toContain('"at":{"$date":"2024-01-01T00:00:00.000Z"}');
    expect(arrays[3][1]).not.toContain('hash');
    expect(arrays[4]).toEqual(events.map((event) => event.metadata.occurredAt));
    expect(arrays[5]).toEqual([hashTail('s-1', 'T'), hashTail('s-1', 'T')]);
    expect(statement.text.match(/json_array_elements_text\(\$\d::json\) WITH ORDINALITY/g)).toHaveLength(6);
    expect(appendStatement(sqlNames('es'), 's-1', 'no_stream', []).values.slice(1)).toEqual(['no_stream', '[]', '[]', '[]', '[]', '[]', '[]']);
  });

  it('reads the global log after a position, reporting the horizon and the newest position', () => {
    expect(readAllStatement(sqlNames('es'), 2n ** 60n, 10).values).toEqual([(2n ** 60n).toString(), 10]);
    expect(readAllStatement(sqlNames('es'), undefined, 10).values).toEqual(['-1', 10]);
    const row = { stream_id: 's', version: 0, type: 'T', data: { a: { $bigint: '1' } }, metadata: {}, horizon: null, newest: null };
    const horizon = 7n << BigInt(POSITION_TX_SHIFT);
    const page = toGlobalPage([
      { ...row, global_position: '42' },
      { ...row, global_position: null, stream_id: null as unknown as string, horizon: horizon.toString(), newest: (horizon + 3n).toString() },
    ]);
    expect(page.events.map((event) => event.globalPosition)).toEqual([42n]);
    expect(page).toMatchObject({ horizon, newest: horizon + 3n });
  });

  it('reads positions back as bigint from either driver', () => {
    const row = { stream_id: 's', version: 0, type: 'T', data: { a: { $bigint: '1' } }, metadata: {} };
    expect(toRecordedEvent({ ...row, global_position: '42' }).globalPosition).toBe(42n);
    expect(toRecordedEvent({ ...row, global_position: 42n }).data).toEqual({ a: 1n });
  });
});

function anEvent(index: number): EventToAppend {
  return {
    type: 'T',
    data: { index },
    metadata: {
      eventId: `00000000-0000-4000-8000-00000000000${index}`,
      principal: { role: 'system' as const, id: 'test' },
      correlationId: 'c',
      causationId: 'c',
      occurredAt: '2024-01-01T00:00:00.000Z',
    },
  };
}
