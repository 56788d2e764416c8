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

  describe('several streams of a store at once', () => {
    /** The store, counting whole-stream digest reads (`from` versions) and fingerprint statements. */
    function counting() {
      const reads: number[] = [];
      let fingerprints = 0;
      return {
        reads,
        fingerprints: () => fingerprints,
        reader: {
          readStreamDigests: (id: string, from: number) => (reads.push(from), store.readStreamDigests(id, from)),
          readStreamFingerprints: (ids: readonly string[]) => ((fingerprints += 1), store.readStreamFingerprints(ids)),
        },
      };
    }

    it('answers streams unchanged since their check from one statement, with the verdicts a whole check gives', async () => {
      const [ledger, contact, empty] = [`ledger-${randomUUID()}`, `contact-${randomUUID()}`, `plans-${randomUUID()}`];
      await append(ledger, 0, 4);
      await append(contact, 0, 2);
      const prefixes = new VerifiedPrefixes();
      const store = counting();
      const whole = [
        { streamId: ledger, events: 4, integrity: { ok: true, streamId: ledger, checked: 4 } },
        { streamId: contact, events: 2, integrity: { ok: true, streamId: contact, checked: 2 } },
        { streamId: empty, events: 0, integrity: { ok: true, streamId: empty, checked: 0 } },
      ];

      expect(await prefixes.verifyAll(store.reader, [ledger, contact, empty])).toEqual(whole);
      expect(store.reads).toEqual([0, 0]);
      expect(await prefixes.verifyAll(store.reader, [ledger, contact, empty])).toEqual(whole);
      expect(store.reads).toEqual([0, 0]);
      expect(store.fingerprints()).toBe(2);

      await append(contact, 2, 1);
      expect(await prefixes.verifyAll(store.reader, [ledger, contact, empty])).toEqual([whole[0], { streamId: contact, events: 3, integrity: { ok: true, streamId: contact, checked: 3 } }, whole[2]]);
      expect(store.reads).toEqual([0, 0, 2]);
    });

    it('still finds a change to a verified event, and an event removed', async () => {
      const [changed, shortened] = [`ledger-${randomUUID()}`, `contact-${randomUUID()}`];
      await append(changed, 0, 5);
      await append(shortened, 0, 4);
      const prefixes = new VerifiedPrefixes();
      await prefixes.verifyAll(store, [changed, shortened]);
      const tampered = (await store.readStream(changed))[3];

      await tamper(changed, 3, '7');
      await db.query(`DELETE FROM ${schema}.events WHERE stream_id = $1 AND version = 3`, [shortened]);
      const [first, second] = await prefixes.verifyAll(store, [changed, shortened]);
      expect(first).toEqual({ streamId: changed, events: 5, integrity: { ok: false, streamId: changed, checked: 3, brokenAt: { version: 3, eventId: tampered.metadata.eventId, reason: 'content does not match its hash' } } });
      expect(second).toEqual({ streamId: shortened, events: 3, integrity: { ok: true, streamId: shortened, checked: 3 } });
      // The removed last event leaves a shorter chain that is whole: what a whole check says too.
      expect(await new VerifiedPrefixes().verify(store, shortened)).toEqual(second);
    });
  });

  it('after a restart (nothing remembered), and after a row is changed back and forth under a remembered prefix, answers as a whole check does', async () => {
    const [ledger, contact] = [`ledger-${randomUUID()}`, `contact-${randomUUID()}`];
    await append(ledger, 0, 5);
    await append(contact, 0, 3);
    const before = new VerifiedPrefixes();
    const intact = await before.verifyAll(store, [ledger, contact]);
    const tampered = (await store.readStream(ledger))[4];
    await tamper(ledger, 4, '5');
    const broken = { streamId: ledger, events: 5, integrity: { ok: false, streamId: ledger, checked: 4, brokenAt: { version: 4, eventId: tampered.metadata.eventId, reason: 'content does not match its hash' } } };
    // The process that remembered the prefix, and one started afresh, both find it.
    expect(await before.verifyAll(store, [ledger, contact])).toEqual([broken, intact[1]]);
    expect(await new VerifiedPrefixes().verifyAll(store, [ledger, contact])).toEqual([broken, intact[1]]);
    await tamper(ledger, 4, '100');
    await append(ledger, 5, 2);
    const grown = { streamId: ledger, events: 7, integrity: { ok: true, streamId: ledger, checked: 7 } };
    expect(await before.verifyAll(store, [ledger, contact])).toEqual([grown, intact[1]]);
    expect(await new VerifiedPrefixes().verifyAll(store, [ledger, contact])).toEqual([grown, intact[1]]);
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
