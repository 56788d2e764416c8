import { GENESIS_HASH, chainEvents } from '@lib/es-core';
import { insertEventsStatements, readAllStatement, sqlNames, toRecordedEvent } from './sql-statements';

describe('SQL statements', () => {
  it('accepts lower-case schema names only, so they can be used unquoted in LISTEN', () => {
    expect(sqlNames('event_store').events).toBe('"event_store".events');
    for (const bad of ['Event', 'a-b', '1abc', 'x"; drop table y; --', '', 'a'.repeat(49)]) {
      expect(() => sqlNames(bad)).toThrow(RangeError);
    }
  });

  it('derives a stable advisory lock key per schema', () => {
    expect(sqlNames('one').appendLockKey).toBe(sqlNames('one').appendLockKey);
    expect(sqlNames('one').appendLockKey).not.toBe(sqlNames('two').appendLockKey);
    expect(sqlNames('one').appendLockKey).not.toBe(sqlNames('one').migrateLockKey);
    expect(BigInt(sqlNames('one').appendLockKey)).toBeLessThan(2n ** 63n);
  });

  it('inserts a batch as multi-row statements of at most the chunk size, numbering versions on', () => {
    const events = chainEvents('s-1', GENESIS_HASH, 3, Array.from({ length: 5 }, (_, index) => anEvent(index)));

    const statements = insertEventsStatements(sqlNames('es'), 's-1', 3, events, 2);

    expect(statements).toHaveLength(3);
    expect(statements.map((statement) => statement.values.length)).toEqual([13, 13, 7]);
    expect(statements[0].text).toContain('($1, $2::int, $3::uuid, $4, $5::jsonb, $6::jsonb, $7::timestamptz), ($1, $8::int');
    expect(statements.flatMap((statement) => statement.values.filter((_, index) => index % 6 === 1))).toEqual([3, 4, 5, 6, 7]);
  });

  it('stores data in tagged JSON so bigint and Date survive', () => {
    const [event] = chainEvents('s-1', GENESIS_HASH, 0, [{ ...anEvent(0), data: { big: 2n ** 70n, at: new Date('2024-01-01T00:00:00.000Z') } }]);
    const [statement] = insertEventsStatements(sqlNames('es'), 's-1', 0, [event]);

    expect(JSON.parse(statement.values[4] as string)).toEqual({ big: { $bigint: (2n ** 70n).toString() }, at: { $date: '2024-01-01T00:00:00.000Z' } });
  });

  it('passes positions as decimal strings and reads them back as bigint from either driver', () => {
    expect(readAllStatement(sqlNames('es'), 2n ** 60n, 10).values).toEqual([(2n ** 60n).toString(), 10]);
    const row = { stream_id: 's', version: 0, type: 'T', data: { a: { $bigint: '1' } }, metadata: {} };
    expect(toRecordedEvent({ ...row, global_position: '42' }).globalPosition).toBe(42n);
    expect(toRecordedEvent({ ...row, global_position: 42n }).data).toEqual({ a: 1n });
  });
});

function anEvent(index: number) {
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
