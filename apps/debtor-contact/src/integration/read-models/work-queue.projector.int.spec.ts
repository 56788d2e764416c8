import { randomUUID } from 'node:crypto';
import { createPgliteEventStore, PgliteEventStore } from '@lib/event-store';
import { InMemoryReadModelStore } from '@lib/read-models';
import { QueueInstant } from '../../read-models/work-queue.priority';
import { WorkQueueProjector } from './work-queue.projector';

const NOW = new Date('2026-03-02T15:00:00.000Z');
const SYSTEM = { role: 'system', id: 'work-queue-projector-spec' } as const;

/** A start loads the index in pages by id: with pages far smaller than the portfolio, the index equals one kept from the first event. */
describe('work-queue projector (PGlite log, in-memory read models)', () => {
  let log: PgliteEventStore;

  beforeAll(async () => {
    log = await createPgliteEventStore();
  });

  afterAll(async () => {
    await log.close();
  });

  const append = async (streamId: string, type: string, data: Record<string, unknown>, expectedVersion: 'no_stream' | number) => {
    const metadata = { eventId: randomUUID(), principal: SYSTEM, correlationId: 'spec', causationId: 'spec', occurredAt: NOW.toISOString() };
    await log.appendToStream(streamId, [{ type, data, metadata }], { expectedVersion });
  };

  it('a new process loading the open accounts in pages of 7 answers as the process that followed every event', async () => {
    const accounts = Array.from({ length: 40 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    for (const [n, accountId] of accounts.entries()) {
      await append(`contact-${accountId}`, 'ContactCaseOpened', {
        accountId, clientId: 'c', commercial: true, currency: 'USD', placedAmount: 1_000 * (1 + (n % 9)),
        debtor: { kind: 'company', legalName: `Debtor ${n}`, country: 'US', region: 'NY' }, openedAt: new Date(NOW.getTime() - (n % 5) * 86_400_000).toISOString(),
      }, 'no_stream');
    }
    // Every fifth case closed: a closed account is in the store but not in the queue.
    for (const accountId of accounts.filter((_, n) => n % 5 === 0)) await append(`contact-${accountId}`, 'ContactCaseClosed', { accountId }, 0);

    const readModels = new InMemoryReadModelStore();
    const following = new WorkQueueProjector(log, readModels);
    await following.catchUp();
    const restarted = new WorkQueueProjector(log, readModels, undefined, 7);
    await restarted.catchUp();

    expect(following.index.size).toBe(32);
    expect(restarted.index.size).toBe(32);
    const instant = new QueueInstant(NOW);
    expect(restarted.index.next('nobody', instant, 100)).toEqual(following.index.next('nobody', instant, 100));
    expect(new Set(restarted.index.next('nobody', instant, 100))).toEqual(new Set(accounts.filter((_, n) => n % 5 !== 0)));
  });
});
