import { chainEvents, GENESIS_HASH, verifyChain } from './hash-chain';
import { EventToAppend, RecordedEvent } from './event';

describe('hash chain', () => {
  const streamId = 'account-1';

  it('links each event to the previous one, starting from the genesis hash', () => {
    const chained = chainEvents(streamId, GENESIS_HASH, 0, [event('A'), event('B')]);
    expect(chained[0].metadata.previousHash).toBe(GENESIS_HASH);
    expect(chained[1].metadata.previousHash).toBe(chained[0].metadata.hash);
    expect(chained[0].metadata.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an untouched stream', () => {
    expect(verifyChain(streamId, recorded([event('A'), event('B'), event('C')]))).toEqual({
      ok: true,
      streamId,
      checked: 3,
    });
  });

  it('names the first event whose content was changed after it was stored', () => {
    const events = recorded([event('A'), event('B'), event('C')]);
    events[1] = { ...events[1], data: { amount: 1 } };
    const verdict = verifyChain(streamId, events);
    expect(verdict).toMatchObject({ ok: false, brokenAt: { version: 1, eventId: 'id-B' } });
  });

  it('names the link where an event was removed', () => {
    const events = recorded([event('A'), event('B'), event('C')]);
    const verdict = verifyChain(streamId, [events[0], { ...events[2], version: 1 }]);
    expect(verdict).toMatchObject({ ok: false, brokenAt: { version: 1 } });
  });

  it('does not depend on key order, so stores that reorder JSON keys still verify', () => {
    const [stored] = recorded([event('A')]);
    const reordered = { ...stored, data: { note: 'x', amount: 100 }, metadata: { ...stored.metadata } };
    expect(verifyChain(streamId, [reordered]).ok).toBe(true);
  });

  function recorded(events: EventToAppend[]): RecordedEvent[] {
    return chainEvents(streamId, GENESIS_HASH, 0, events).map((e, version) => ({
      ...e,
      streamId,
      version,
      globalPosition: BigInt(version + 1),
    })) as RecordedEvent[];
  }
});

function event(name: string): EventToAppend {
  return {
    type: `Thing${name}Happened`,
    data: { amount: 100, note: 'x' },
    metadata: {
      eventId: `id-${name}`,
      principal: { role: 'collector', id: 'c-1' },
      correlationId: 'corr',
      causationId: 'cause',
      occurredAt: '2026-01-01T00:00:00.000Z',
    },
  };
}
