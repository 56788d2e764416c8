import { AccountEventLog, LoggedEvent, ParsedLogs } from './reported-events.projection';

const logged = (n: number, amount = 100): string =>
  JSON.stringify({ recordedAt: `2026-01-01T00:00:0${n}.000Z`, position: `ledger-a@${n}`, streamId: 'ledger-a#PaymentPosted.v3', version: n, type: 'PaymentPosted.v3', data: { amount }, metadata: {} } satisfies LoggedEvent);
const log = (accountId: string, events: string[]): AccountEventLog => ({ accountId, clientId: 'c', events });

describe('parsed account logs (as-of queries)', () => {
  it('parses only the events logged since the last read, and again any whose text changed', () => {
    const parsed = new ParsedLogs();
    const first = parsed.of(log('a', [logged(0), logged(1)]));
    const second = parsed.of(log('a', [logged(0), logged(1), logged(2)]));
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second.map((event) => event.version)).toEqual([0, 1, 2]);

    const rebuilt = parsed.of(log('a', [logged(0), logged(1, 999), logged(2)]));
    expect(rebuilt[0]).toBe(first[0]);
    expect(rebuilt[1]).not.toBe(first[1]);
    expect(rebuilt[1].data).toEqual({ amount: 999 });
    expect(rebuilt[2]).toBe(second[2]);
  });

  it('hands out frozen events, so a fold cannot change what the next query reads', () => {
    const [event] = new ParsedLogs().of(log('a', [logged(0)]));
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen(event.data)).toBe(true);
  });

  it('remembers at most the events it is given room for, forgetting the log read least recently', () => {
    const parsed = new ParsedLogs(3);
    const a = parsed.of(log('a', [logged(0), logged(1)]));
    parsed.of(log('b', [logged(0), logged(1)]));
    expect(parsed.size).toBe(2);
    expect(parsed.of(log('a', [logged(0), logged(1)]))[0]).not.toBe(a[0]);
  });
});
