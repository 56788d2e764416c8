import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite, createPgliteEventStore, PgliteEventStore } from '@lib/event-store';
import { VerifiedPrefixes } from './verified-prefixes';

const event = (n: number) => ({
  type: 'PaymentPosted',
  data: { n, amount: 100 },
  metadata: { eventId: randomUUID(), correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString(), principal: { role: 'system' as const, id: 'test' } },
});

describe('verified prefixes of the integrity check (PGlite)', () => {
  let db: PGlite;
  let store: PgliteEventStore;
  const schema = `vp_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    db = createPglite();
    store = await createPgliteEventStore({ db, schema });
  });
  afterAll(async () => {
    await store.close();
    await db.close();
  });

  async function append(streamId: string, from: number, count: number): Promise<void> {
    await store.appendToStream(streamId, Array.from({ length: count }, (_, i) => event(from + i)), { expectedVersion: 'any' });
  }
  const tamper = (streamId: string, version: number, value: string) =>
    db.query(`UPDATE ${schema}.events SET data = jsonb_set(data, '{amount}', $3::jsonb) WHERE stream_id = $1 AND version = $2`, [streamId, version, value]);

  it('reads only the events stored since the last check whole, and answers as a whole check does', async () => {
    const streamId = `ledger-${randomUUID()}`;
    await append(streamId, 0, 5);
    const prefixes = new VerifiedPrefixes();
    const reads: number[] = [];
    const counting = { readStreamDigests: (id: string, from: number) => (reads.push(from), store.readStreamDigests(id, from)) };

    expect(await prefixes.verify(counting, streamId)).toEqual({ streamId, events: 5, integrity: { ok: true, streamId, checked: 5 } });
    await append(streamId, 5, 3);
    expect(await prefixes.verify(counting, streamId)).toEqual({ streamId, events: 8, integrity: { ok: true, streamId, checked: 8 } });
    expect(await prefixes.verify(counting, streamId)).toEqual({ streamId, events: 8, integrity: { ok: true, streamId, checked: 8 } });
    expect(reads).toEqual([0, 5, 8]);
    expect(prefixes.size).toBe(8);
  });

  it('still finds a change to an event it verified before, on every check until the row is as it was', async () => {
    const streamId = `ledger-${randomUUID()}`;
    await append(streamId, 0, 6);
    const prefixes = new VerifiedPrefixes();
    await prefixes.verify(store, streamId);
    const [, , tampered] = await store.readStream(streamId);

    await tamper(streamId, 2, '1');
    const broken = { ok: false, streamId, checked: 2, brokenAt: { version: 2, eventId: tampered.metadata.eventId, reason: 'content does not match its hash' } };
    expect(await prefixes.verify(store, streamId)).toEqual({ streamId, events: 6, integrity: broken });
    expect(await prefixes.verify(store, streamId)).toEqual({ streamId, events: 6, integrity: broken });

    await tamper(streamId, 2, '100');
    expect(await prefixes.verify(store, streamId)).toEqual({ streamId, events: 6, integrity: { ok: true, streamId, checked: 6 } });
  });

  it('finds an event removed from a verified prefix', async () => {
    const streamId = `ledger-${randomUUID()}`;
    await append(streamId, 0, 4);
    const prefixes = new VerifiedPrefixes();
    await prefixes.verify(store, streamId);
    await db.query(`DELETE FROM ${schema}.events WHERE stream_id = $1 AND version = 1`, [streamId]);
    const verdict = await prefixes.verify(store, streamId);
    expect(verdict.events).toBe(3);
    expect(verdict.integrity).toMatchObject({ ok: false, checked: 1, brokenAt: { version: 2, reason: 'version gap: expected 1' } });
  });

  it('remembers at most the events it is given room for, forgetting the stream checked least recently', async () => {
    const [first, second] = [`ledger-${randomUUID()}`, `ledger-${randomUUID()}`];
    await append(first, 0, 3);
    await append(second, 0, 3);
    const prefixes = new VerifiedPrefixes(5);
    await prefixes.verify(store, first);
    await prefixes.verify(store, second);
    expect(prefixes.size).toBe(3);
    const reads: number[] = [];
    await prefixes.verify({ readStreamDigests: (id, from) => (reads.push(from), store.readStreamDigests(id, from)) }, first);
    expect(reads).toEqual([0]);
  });
});
