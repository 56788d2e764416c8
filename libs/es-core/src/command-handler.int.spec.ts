import { createPgliteEventStore, PgliteEventStore } from '@lib/event-store';
import { CommandContext, handleCommand } from './command-handler';
import { effectiveAtOf } from './event';
import { verifyChain } from './hash-chain';
import { given } from './testing/given-when-then';
import { tally } from './testing/tally.fixtures';

describe('handling a command against a real event store (PGlite)', () => {
  let store: PgliteEventStore;
  let ids = 0;
  beforeEach(async () => {
    store = await createPgliteEventStore();
  });
  afterEach(() => store.close());

  const context = (causationId: string, extra: Partial<CommandContext> = {}): CommandContext => ({
    principal: { role: 'collector', id: 'col-7' },
    correlationId: 'corr-1',
    causationId,
    now: new Date('2026-02-01T10:00:00.000Z'),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    ...extra,
  });

  it('appends the decided events with their principal, correlation, causation and time', async () => {
    const outcome = await handleCommand(store, tally, 'tally-1', { amount: 5, cap: 10 }, context('req-1'));
    expect(outcome).toMatchObject({ outcome: 'accepted', version: 0, state: { total: 5 } });
    const [stored] = await store.readStream('tally-1');
    expect(stored).toMatchObject({
      type: 'Added',
      data: { amount: 5 },
      metadata: {
        principal: { role: 'collector', id: 'col-7' },
        correlationId: 'corr-1',
        causationId: 'req-1',
        occurredAt: '2026-02-01T10:00:00.000Z',
      },
    });
  });

  it('keeps a business date apart from the recording time when the command gives one, and the chain still verifies', async () => {
    await handleCommand(store, tally, 'tally-1', { amount: 1, cap: 10 }, context('req-1'));
    await handleCommand(store, tally, 'tally-1', { amount: 2, cap: 10 }, context('req-2', { effectiveAt: new Date('2025-01-10T00:00:00.000Z') }));
    await handleCommand(store, tally, 'tally-1', { amount: 3, cap: 10 }, context('req-3', { effectiveAt: (event) => (event.type === 'Added' ? new Date('2025-03-01T00:00:00.000Z') : undefined) }));
    const events = await store.readStream('tally-1');
    expect(events[0].metadata).not.toHaveProperty('effectiveAt');
    expect(events.map((event) => [event.metadata.occurredAt, effectiveAtOf(event.metadata)])).toEqual([
      ['2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z'],
      ['2026-02-01T10:00:00.000Z', '2025-01-10T00:00:00.000Z'],
      ['2026-02-01T10:00:00.000Z', '2025-03-01T00:00:00.000Z'],
    ]);
    expect(verifyChain('tally-1', events)).toEqual({ ok: true, streamId: 'tally-1', checked: 3 });
  });

  it('leaves nothing behind when the decider refuses', async () => {
    const outcome = await handleCommand(store, tally, 'tally-1', { amount: 50, cap: 10 }, context('req-1'));
    expect(outcome).toMatchObject({ outcome: 'rejected', rejection: { rule: 'tally-cap' }, version: -1 });
    expect(await store.readStream('tally-1')).toEqual([]);
  });

  it('keeps a refusal on the record when the domain asks for it', async () => {
    await handleCommand(store, tally, 'tally-1', { amount: 50, cap: 10, recordRefusal: true }, context('req-1'));
    expect((await store.readStream('tally-1')).map((e) => e.type)).toEqual(['AdditionRefused']);
  });

  it('does not apply the same cause twice when asked to dedupe (redelivered messages)', async () => {
    const first = await handleCommand(store, tally, 'tally-1', { amount: 5, cap: 100 }, context('msg-1', { dedupeByCausation: true }));
    const again = await handleCommand(store, tally, 'tally-1', { amount: 5, cap: 100 }, context('msg-1', { dedupeByCausation: true }));
    expect(first.outcome).toBe('accepted');
    expect(again).toMatchObject({ outcome: 'duplicate', state: { total: 5 } });
    expect(await store.readStream('tally-1')).toHaveLength(1);
  });

  it('re-decides on the new state when a concurrent command won the race', async () => {
    // Ten concurrent additions of 1 under a cap of 7: exactly seven may land, and the
    // cap holds only if every retry decided on the state it appended after.
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        handleCommand(store, tally, 'tally-1', { amount: 1, cap: 7 }, context(`req-${i}`), { retriesOnConflict: 20 }),
      ),
    );
    expect(outcomes.filter((o) => o.outcome === 'accepted')).toHaveLength(7);
    expect(outcomes.filter((o) => o.outcome === 'rejected')).toHaveLength(3);
    expect(await store.readStream('tally-1')).toHaveLength(7);
  });
});

describe('the tally decider (given/when/then)', () => {
  const added = (amount: number) => ({ type: 'Added' as const, data: { amount } });
  it('adds below the cap', () => given(tally, [added(3)]).when({ amount: 4, cap: 7 }).then([added(4)]));
  it('refuses above the cap, naming the rule', () => given(tally, [added(3)]).when({ amount: 5, cap: 7 }).thenRejects('tally-cap', []));
});
