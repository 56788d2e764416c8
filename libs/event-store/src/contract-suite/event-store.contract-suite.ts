/**
 * The event store contract: every adapter's spec calls {@link eventStoreContract} with a
 * factory, and every adapter must pass it unchanged. Differences between stores are
 * normalised inside the adapters, never here.
 *
 * Written so it also holds on a store shared with other data (EventStoreDB has no
 * per-test schema): global reads are anchored on a marker event appended by the test and
 * filtered to the test's own streams.
 */
import { randomUUID } from 'node:crypto';
import {
  EventMetadata,
  EventToAppend,
  GENESIS_HASH,
  RecordedEvent,
  WrongExpectedVersionError,
  verifyChain,
} from '@lib/es-core';
import { CheckpointStore, EventStore, EventStoreSubscription } from '../event-store.port';

export interface EventStoreUnderTest {
  store: EventStore & CheckpointStore;
  teardown(): Promise<void>;
}

export function eventStoreContract(adapterName: string, factory: () => Promise<EventStoreUnderTest>): void {
  describe(`event store contract: ${adapterName}`, () => {
    let store: EventStore & CheckpointStore;
    let teardown: (() => Promise<void>) | undefined;
    const openSubscriptions: EventStoreSubscription[] = [];

    beforeEach(async () => {
      ({ store, teardown } = await factory());
    });

    afterEach(async () => {
      await Promise.all(openSubscriptions.splice(0).map((subscription) => subscription.close()));
      await teardown?.();
      teardown = undefined;
    });

    function subscribe(...args: Parameters<EventStore['subscribeToAll']>): EventStoreSubscription {
      const subscription = store.subscribeToAll(...args);
      openSubscriptions.push(subscription);
      return subscription;
    }

    describe('appending', () => {
      it('numbers a new stream 0..n-1 and refuses no_stream once it exists', async () => {
        const streamId = aStreamId('account');
        const result = await store.appendToStream(streamId, [anEvent('A'), anEvent('B'), anEvent('C')], { expectedVersion: 'no_stream' });

        expect(result.nextExpectedVersion).toBe(2);
        const read = await store.readStream(streamId);
        expect(read.map((event) => event.version)).toEqual([0, 1, 2]);
        expect(read.map((event) => event.type)).toEqual(['A', 'B', 'C']);

        await expect(store.appendToStream(streamId, [anEvent('D')], { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        expect(await store.readStream(streamId)).toHaveLength(3);
      });

      it('refuses a stale expected version with WrongExpectedVersionError and writes nothing', async () => {
        const streamId = aStreamId('account');
        await store.appendToStream(streamId, [anEvent('A'), anEvent('B')], { expectedVersion: 'no_stream' });
        const marker = await appendMarker(store);

        const stale = store.appendToStream(streamId, [anEvent('C'), anEvent('D')], { expectedVersion: 0 });

        await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(stale).rejects.toMatchObject({ streamId, expected: 0, actual: 1 });
        expect((await store.readStream(streamId)).map((event) => event.type)).toEqual(['A', 'B']);
        expect(await store.readAll({ after: marker })).toEqual([]);
      });

      it('checks stream_exists and any, and accepts the current version', async () => {
        const streamId = aStreamId('account');
        await expect(store.appendToStream(streamId, [anEvent('A')], { expectedVersion: 'stream_exists' })).rejects.toMatchObject({
          name: 'WrongExpectedVersionError',
          actual: 'no_stream',
        });
        await store.appendToStream(streamId, [anEvent('A')], { expectedVersion: 'any' });
        await store.appendToStream(streamId, [anEvent('B')], { expectedVersion: 'stream_exists' });
        const result = await store.appendToStream(streamId, [anEvent('C')], { expectedVersion: 1 });

        expect(result.nextExpectedVersion).toBe(2);
        expect((await store.readStream(streamId)).map((event) => event.type)).toEqual(['A', 'B', 'C']);
      });

      it('lets exactly one of two concurrent appends with the same expected version win, leaving nothing of the loser', async () => {
        const streamId = aStreamId('account');
        await store.appendToStream(streamId, [anEvent('Opened')], { expectedVersion: 'no_stream' });
        const left = [anEvent('Left1'), anEvent('Left2'), anEvent('Left3')];
        const right = [anEvent('Right1'), anEvent('Right2'), anEvent('Right3')];

        const outcomes = await Promise.allSettled([
          store.appendToStream(streamId, left, { expectedVersion: 0 }),
          store.appendToStream(streamId, right, { expectedVersion: 0 }),
        ]);

        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const [loser] = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        expect(loser.reason).toBeInstanceOf(WrongExpectedVersionError);
        const winner = outcomes[0].status === 'fulfilled' ? left : right;
        const read = await store.readStream(streamId);
        expect(read.map((event) => event.type)).toEqual(['Opened', ...winner.map((event) => event.type)]);
        expect(verifyChain(streamId, read).ok).toBe(true);
      });

      it('lets exactly one of many racing creators of a stream win', async () => {
        const streamId = aStreamId('account');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, (_, index) => store.appendToStream(streamId, [anEvent(`Racer${index}`)], { expectedVersion: 'no_stream' })),
        );

        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedVersionError);
        }
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('appends a batch of many events atomically: a concurrent reader sees all of it or none', async () => {
        const streamId = aStreamId('ledger');
        const batch = Array.from({ length: 1500 }, (_, index) => anEvent('PaymentPosted', { index, amount: { minor: index * 100, currency: 'EUR' } }));
        const sizesSeen = new Set<number>();
        let appended = false;

        const reader = (async () => {
          while (!appended) sizesSeen.add((await store.readStream(streamId)).length);
        })();
        const result = await store.appendToStream(streamId, batch, { expectedVersion: 'no_stream' }).finally(() => {
          appended = true;
        });
        await reader;

        expect([...sizesSeen].every((size) => size === 0 || size === batch.length)).toBe(true);
        const read = await store.readStream(streamId);
        expect(read.map((event) => event.version)).toEqual(batch.map((_, index) => index));
        expect(read.map((event) => event.data.index)).toEqual(batch.map((_, index) => index));
        expect(result).toEqual({ nextExpectedVersion: batch.length - 1, lastGlobalPosition: read[read.length - 1].globalPosition });
        expect(verifyChain(streamId, read).ok).toBe(true);
      });

      it('leaves nothing behind when a large batch loses the race', async () => {
        const streamId = aStreamId('ledger');
        await store.appendToStream(streamId, [anEvent('Opened')], { expectedVersion: 'no_stream' });
        await store.appendToStream(streamId, [anEvent('Moved')], { expectedVersion: 0 });
        const marker = await appendMarker(store);

        const batch = Array.from({ length: 1200 }, (_, index) => anEvent('PaymentPosted', { index }));
        await expect(store.appendToStream(streamId, batch, { expectedVersion: 0 })).rejects.toBeInstanceOf(WrongExpectedVersionError);

        expect(await store.readStream(streamId)).toHaveLength(2);
        expect(await store.readAll({ after: marker })).toEqual([]);
      });

      describe('several streams in one call (appendToStreams)', () => {
        it('appends each stream as appendToStream would: numbered, hash-chained, in the order given', async () => {
          const fresh = [aStreamId('account'), aStreamId('account'), aStreamId('account')];
          const existing = aStreamId('register');
          await store.appendToStream(existing, [anEvent('Opened')], { expectedVersion: 'no_stream' });
          const marker = await appendMarker(store);

          const outcomes = await store.appendToStreams([
            { streamId: fresh[0], events: [anEvent('Placed', { n: 0 })], expectedVersion: 'no_stream' },
            { streamId: existing, events: [anEvent('Claimed'), anEvent('Claimed')], expectedVersion: 0 },
            { streamId: fresh[1], events: [anEvent('Placed', { n: 1 }), anEvent('Noted')], expectedVersion: 'no_stream' },
            { streamId: fresh[2], events: [anEvent('Placed', { n: 2 })], expectedVersion: 'any' },
          ]);

          expect(outcomes.map((outcome) => outcome.appended && outcome.result.nextExpectedVersion)).toEqual([0, 2, 1, 0]);
          const logged = (await store.readAll({ after: marker })).filter((event) => [...fresh, existing].includes(event.streamId));
          expect(logged.map((event) => `${event.streamId === existing ? 'register' : fresh.indexOf(event.streamId)}:${event.version}`)).toEqual([
            '0:0',
            'register:1',
            'register:2',
            '1:0',
            '1:1',
            '2:0',
          ]);
          expectStrictlyIncreasing(logged.map((event) => event.globalPosition));
          const lastOf = (streamId: string) => logged.filter((event) => event.streamId === streamId).at(-1)!.globalPosition;
          expect(outcomes.map((outcome) => outcome.appended && outcome.result.lastGlobalPosition)).toEqual([lastOf(fresh[0]), lastOf(existing), lastOf(fresh[1]), lastOf(fresh[2])]);
          for (const streamId of [...fresh, existing]) expect(verifyChain(streamId, await store.readStream(streamId)).ok).toBe(true);
          expect((await store.readStream(existing)).map((event) => event.type)).toEqual(['Opened', 'Claimed', 'Claimed']);
        });

        it('refuses only the streams whose expected version does not hold, with the version found, and makes the others', async () => {
          const taken = aStreamId('account');
          const moved = aStreamId('account');
          const fresh = aStreamId('account');
          await store.appendToStream(taken, [anEvent('Placed')], { expectedVersion: 'no_stream' });
          await store.appendToStream(moved, [anEvent('A'), anEvent('B')], { expectedVersion: 'no_stream' });

          const outcomes = await store.appendToStreams([
            { streamId: taken, events: [anEvent('PlacedAgain')], expectedVersion: 'no_stream' },
            { streamId: fresh, events: [anEvent('Placed')], expectedVersion: 'no_stream' },
            { streamId: moved, events: [anEvent('C')], expectedVersion: 0 },
          ]);

          expect(outcomes[0]).toMatchObject({ appended: false, refusal: { streamId: taken, expected: 'no_stream', actual: 0 } });
          expect(outcomes[0].appended === false && outcomes[0].refusal).toBeInstanceOf(WrongExpectedVersionError);
          expect(outcomes[1]).toMatchObject({ appended: true, result: { nextExpectedVersion: 0 } });
          expect(outcomes[2]).toMatchObject({ appended: false, refusal: { streamId: moved, expected: 0, actual: 1 } });
          expect((await store.readStream(taken)).map((event) => event.type)).toEqual(['Placed']);
          expect((await store.readStream(moved)).map((event) => event.type)).toEqual(['A', 'B']);
          expect((await store.readStream(fresh)).map((event) => event.type)).toEqual(['Placed']);
        });

        it('refuses a stream named twice or a malformed event before writing anything, and answers nothing for no appends', async () => {
          const streamId = aStreamId('account');
          const other = aStreamId('account');
          const marker = await appendMarker(store);

          await expect(
            store.appendToStreams([
              { streamId, events: [anEvent('A')], expectedVersion: 'no_stream' },
              { streamId, events: [anEvent('B')], expectedVersion: 'any' },
            ]),
          ).rejects.toBeInstanceOf(RangeError);
          await expect(
            store.appendToStreams([
              { streamId, events: [anEvent('A')], expectedVersion: 'no_stream' },
              { streamId: other, events: [anEvent('B', {}, { eventId: 'not-a-uuid' })], expectedVersion: 'no_stream' },
            ]),
          ).rejects.toBeInstanceOf(TypeError);

          expect(await store.appendToStreams([])).toEqual([]);
          expect(await store.readAll({ after: marker })).toEqual([]);
        });
      });

      it('refuses, before writing, strings PostgreSQL cannot store (NUL, lone surrogate), in every adapter alike', async () => {
        const streamId = aStreamId('account');
        const marker = await appendMarker(store);

        await expect(store.appendToStream(streamId, [anEvent('A', { note: 'a\u0000b' })], { expectedVersion: 'any' })).rejects.toThrow(/data\.note/);
        await expect(store.appendToStream(streamId, [anEvent('A', { list: ['ok', '\ud83d'] })], { expectedVersion: 'any' })).rejects.toThrow(
          /data\.list\[1\]/,
        );
        await expect(store.appendToStream(streamId, [anEvent('A', {}, { note: '\udc00' })], { expectedVersion: 'any' })).rejects.toThrow(
          /metadata\.note/,
        );
        expect(await store.readAll({ after: marker })).toEqual([]);
      });

      it("refuses, before writing, object keys starting with '$', which the codec keeps for its tags", async () => {
        const streamId = aStreamId('account');
        const marker = await appendMarker(store);

        await expect(store.appendToStream(streamId, [anEvent('A', { note: { $date: '2026-01-01' } })], { expectedVersion: 'any' })).rejects.toThrow(
          /data\.note\.\$date.*reserved/,
        );
        await expect(store.appendToStream(streamId, [anEvent('A', { amounts: [{ $bigint: '12.5' }] })], { expectedVersion: 'any' })).rejects.toThrow(
          /data\.amounts\[0\]\.\$bigint/,
        );
        await expect(store.appendToStream(streamId, [anEvent('A', {}, { $source: 'import' })], { expectedVersion: 'any' })).rejects.toThrow(
          /metadata\.\$source/,
        );
        expect(await store.readAll({ after: marker })).toEqual([]);

        const ordinary = { price$: 5, 'a$b': { c$: [new Date('2026-01-01T00:00:00.000Z'), 7n] }, text: '$date' };
        await store.appendToStream(streamId, [anEvent('B', ordinary)], { expectedVersion: 'no_stream' });
        const [read] = await store.readStream(streamId);
        expect(read.data).toEqual(ordinary);
        expect(verifyChain(streamId, [read]).ok).toBe(true);
      });
    });

    describe('reading a stream', () => {
      it('keeps order and round-trips data and metadata exactly', async () => {
        const streamId = aStreamId('account');
        const events = [
          anEvent('AccountPlaced', {
            balance: { minor: 1_234_567, currency: 'EUR' },
            placedAt: new Date('2024-02-29T23:59:59.123Z'),
            principalMinor: 2n ** 64n + 7n,
            negativeBig: -(2n ** 60n) - 3n,
            debtorName: 'Zoë Ångström-Łukasz 🧾💸 — مرحبا بالعالم — שלום',
            emoji: '👩🏽‍⚖️🏦',
            nested: [[1, [2, [3, { deep: [4n, new Date('2000-01-01T00:00:00.000Z')] }]]], [], [[]]],
            empty: {},
            flags: [true, false, null],
            ratio: 0.1 + 0.2,
            zero: 0,
          }),
          anEvent('PaymentPosted', { amount: { minor: 500, currency: 'EUR' } }, { tenant: 'acme', retries: 2, channel: 'بطاقة' }),
          anEvent('Noted', { text: '' }),
        ];

        await store.appendToStream(streamId, events, { expectedVersion: 'no_stream' });
        const read = await store.readStream(streamId);

        expect(read.map((event) => event.type)).toEqual(events.map((event) => event.type));
        read.forEach((recorded, index) => {
          expect(recorded.streamId).toBe(streamId);
          expect(recorded.version).toBe(index);
          expect(typeof recorded.globalPosition).toBe('bigint');
          expect(recorded.data).toEqual(events[index].data);
          const { previousHash, hash, ...metadata } = recorded.metadata;
          expect(metadata).toEqual(events[index].metadata);
          expect(typeof previousHash).toBe('string');
          expect(typeof hash).toBe('string');
        });
        expect(read[0].data.placedAt).toBeInstanceOf(Date);
        expect(read[0].data.principalMinor).toBe(2n ** 64n + 7n);
        expect(Number.isInteger((read[0].data.balance as { minor: number }).minor)).toBe(true);
      });

      it('links each stream into a hash chain that verifyChain accepts', async () => {
        const streamId = aStreamId('account');
        await store.appendToStream(streamId, [anEvent('A', { n: 1 }), anEvent('B', { n: 2 })], { expectedVersion: 'no_stream' });
        await store.appendToStream(streamId, [anEvent('C', { n: 3 })], { expectedVersion: 1 });
        await store.appendToStream(aStreamId('other'), [anEvent('X')], { expectedVersion: 'no_stream' });

        const read = await store.readStream(streamId);

        expect(read[0].metadata.previousHash).toBe(GENESIS_HASH);
        for (let index = 1; index < read.length; index += 1) {
          expect(read[index].metadata.previousHash).toBe(read[index - 1].metadata.hash);
        }
        expect(verifyChain(streamId, read)).toEqual({ ok: true, streamId, checked: 3 });
        const tampered = read.map((event, index) => (index === 1 ? { ...event, data: { n: 20 } } : event));
        expect(verifyChain(streamId, tampered)).toMatchObject({ ok: false, brokenAt: { version: 1 } });
      });

      it('reads a stream as it was at a version and at a time', async () => {
        const streamId = aStreamId('account');
        const times = ['2024-01-01T09:00:00.000Z', '2024-01-02T09:00:00.000Z', '2024-01-03T09:00:00.000Z', '2024-01-04T09:00:00.000Z'];
        await store.appendToStream(
          streamId,
          times.map((occurredAt, index) => anEvent(`E${index}`, {}, { occurredAt })),
          { expectedVersion: 'no_stream' },
        );

        const types = (events: RecordedEvent[]) => events.map((event) => event.type);
        expect(types(await store.readStream(streamId, { toVersion: 1 }))).toEqual(['E0', 'E1']);
        expect(types(await store.readStream(streamId, { toVersion: 10 }))).toEqual(['E0', 'E1', 'E2', 'E3']);
        expect(types(await store.readStream(streamId, { toTime: new Date('2024-01-03T09:00:00.000Z') }))).toEqual(['E0', 'E1', 'E2']);
        expect(types(await store.readStream(streamId, { toTime: new Date('2024-01-02T12:00:00.000Z') }))).toEqual(['E0', 'E1']);
        expect(await store.readStream(streamId, { toTime: new Date('2023-12-31T00:00:00.000Z') })).toEqual([]);
        expect(types(await store.readStream(streamId, { toVersion: 2, toTime: new Date('2024-01-02T09:00:00.000Z') }))).toEqual(['E0', 'E1']);
        expect(verifyChain(streamId, await store.readStream(streamId, { toVersion: 2 })).ok).toBe(true);
      });

      it('reads a missing stream as empty', async () => {
        expect(await store.readStream(aStreamId('missing'))).toEqual([]);
        expect(await store.readStream(aStreamId('missing'), { toVersion: 3 })).toEqual([]);
      });
    });

    describe('reading all streams', () => {
      it('returns events in commit order; after is exclusive and limit caps the page', async () => {
        const a = aStreamId('a');
        const b = aStreamId('b');
        const marker = await appendMarker(store);
        const first = await store.appendToStream(a, [anEvent('A0')], { expectedVersion: 'no_stream' });
        await store.appendToStream(b, [anEvent('B0'), anEvent('B1')], { expectedVersion: 'no_stream' });
        await store.appendToStream(a, [anEvent('A1')], { expectedVersion: 0 });

        const all = await store.readAll({ after: marker });
        expect(all.map((event) => `${event.streamId === a ? 'a' : 'b'}:${event.type}`)).toEqual(['a:A0', 'b:B0', 'b:B1', 'a:A1']);
        expectStrictlyIncreasing(all.map((event) => event.globalPosition));
        expect(all[0].globalPosition).toBe(first.lastGlobalPosition);

        const afterFirst = await store.readAll({ after: first.lastGlobalPosition });
        expect(afterFirst.map((event) => event.type)).toEqual(['B0', 'B1', 'A1']);
        expect((await store.readAll({ after: first.lastGlobalPosition, limit: 2 })).map((event) => event.type)).toEqual(['B0', 'B1']);
        expect(await store.readAll({ after: all[all.length - 1].globalPosition })).toEqual([]);

        const fromStart = await store.readAll({ limit: 1 });
        expect(fromStart).toHaveLength(1);
        expect(fromStart[0].globalPosition <= marker).toBe(true);
      });

      it('reads from the start after a negative position, the checkpoint a rewound relay saves', async () => {
        const name = `relay-${randomUUID()}`;
        await appendMarker(store);
        await store.save(name, -1n);
        expect(await store.load(name)).toBe(-1n);

        const fromStart = await store.readAll({ limit: 3 });
        expect(fromStart.length).toBeGreaterThan(0);
        expect(await store.readAll({ after: -1n, limit: 3 })).toEqual(fromStart);

        const received: RecordedEvent[] = [];
        subscribe({ after: -1n, onEvent: async (event) => void received.push(event) });
        await waitFor(() => received.length >= fromStart.length);
        expect(received.slice(0, fromStart.length)).toEqual(fromStart);
      });

      it('keeps global positions in commit order under concurrent appends to many streams', async () => {
        const marker = await appendMarker(store);
        const received: RecordedEvent[] = [];
        subscribe({ after: marker, onEvent: async (event) => void received.push(event) });

        // A reader racing the writers is what exposes positions handed out in one order
        // and committed in another: it would pass a gap that fills in later.
        let expected = 0;
        for (let round = 0; round < 3; round += 1) {
          const streams = Array.from({ length: 25 }, () => aStreamId('concurrent'));
          await Promise.all(
            streams.map((streamId, index) =>
              store.appendToStream(streamId, Array.from({ length: 1 + (index % 3) }, (_, n) => anEvent(`E${n}`)), { expectedVersion: 'no_stream' }),
            ),
          );
          expected += streams.reduce((total, _, index) => total + 1 + (index % 3), 0);
        }

        await waitFor(() => received.length >= expected);
        const read = await store.readAll({ after: marker, limit: expected + 10 });
        expect(read).toHaveLength(expected);
        expect(received.map((event) => event.globalPosition)).toEqual(read.map((event) => event.globalPosition));
        expectStrictlyIncreasing(read.map((event) => event.globalPosition));
      });
    });

    describe('subscribing to all streams', () => {
      it('delivers in order, one handler at a time, and resumes strictly after its saved checkpoint with live appends', async () => {
        const checkpointName = `relay-${randomUUID()}`;
        const streamId = aStreamId('account');
        const marker = await appendMarker(store);
        await store.appendToStream(streamId, [anEvent('E0'), anEvent('E1'), anEvent('E2')], { expectedVersion: 'no_stream' });

        const firstRun: RecordedEvent[] = [];
        let inFlight = 0;
        let maxInFlight = 0;
        const first = subscribe({
          after: marker,
          onEvent: async (event) => {
            inFlight += 1;
            maxInFlight = Math.max(maxInFlight, inFlight);
            await delay(5);
            firstRun.push(event);
            await store.save(checkpointName, event.globalPosition);
            inFlight -= 1;
          },
        });
        await waitFor(() => firstRun.length === 3);
        await first.close();

        expect(firstRun.map((event) => event.type)).toEqual(['E0', 'E1', 'E2']);
        expect(maxInFlight).toBe(1);
        expect(await store.load(checkpointName)).toBe(firstRun[2].globalPosition);

        await store.appendToStream(streamId, [anEvent('E3'), anEvent('E4')], { expectedVersion: 2 });
        const secondRun: RecordedEvent[] = [];
        const checkpoint = await store.load(checkpointName);
        subscribe({ after: checkpoint ?? undefined, onEvent: async (event) => void secondRun.push(event) });
        await waitFor(() => secondRun.length === 2);
        expect(secondRun.map((event) => event.type)).toEqual(['E3', 'E4']);

        await store.appendToStream(streamId, [anEvent('E5')], { expectedVersion: 4 });
        await waitFor(() => secondRun.length === 3);
        expect(secondRun.map((event) => event.type)).toEqual(['E3', 'E4', 'E5']);
        expect(secondRun.map((event) => event.version)).toEqual([3, 4, 5]);
      });

      it('close() waits for the running handler and no handler starts afterwards', async () => {
        const marker = await appendMarker(store);
        await store.appendToStream(aStreamId('account'), [anEvent('E0'), anEvent('E1'), anEvent('E2')], { expectedVersion: 'no_stream' });
        const started: string[] = [];
        const finished: string[] = [];
        const subscription = subscribe({
          after: marker,
          onEvent: async (event) => {
            started.push(event.type);
            await delay(150);
            finished.push(event.type);
          },
        });
        await waitFor(() => started.length === 1);

        await subscription.close();

        expect(finished).toEqual(['E0']);
        await delay(200);
        expect(started).toEqual(['E0']);
      });

      it('stops and reports when a handler throws, without delivering later events', async () => {
        const marker = await appendMarker(store);
        await store.appendToStream(aStreamId('account'), [anEvent('E0'), anEvent('E1')], { expectedVersion: 'no_stream' });
        const delivered: string[] = [];
        const errors: unknown[] = [];
        subscribe({
          after: marker,
          onEvent: async (event) => {
            delivered.push(event.type);
            throw new Error('projection failed');
          },
          onError: (error) => errors.push(error),
        });

        await waitFor(() => errors.length === 1);
        await delay(100);
        expect(delivered).toEqual(['E0']);
        expect((errors[0] as Error).message).toBe('projection failed');
      });
    });

    describe('health', () => {
      it('answers a ping while open and refuses one once closed', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.ping()).rejects.toThrow();
      });
    });

    describe('checkpoints', () => {
      it('loads null for an unknown name and the last saved position otherwise', async () => {
        const name = `projection-${randomUUID()}`;
        const other = `projection-${randomUUID()}`;
        expect(await store.load(name)).toBeNull();

        await store.save(name, 5n);
        await store.save(name, 7n);
        await store.save(other, 2n ** 62n + 1n);

        expect(await store.load(name)).toBe(7n);
        expect(await store.load(other)).toBe(2n ** 62n + 1n);
      });

      it('keeps checkpoints out of readAll', async () => {
        const marker = await appendMarker(store);
        await store.save(`relay-${randomUUID()}`, marker);
        expect(await store.readAll({ after: marker })).toEqual([]);
      });
    });
  });
}

// ---- fixtures -------------------------------------------------------------------

function aStreamId(kind: string): string {
  return `${kind}-${randomUUID()}`;
}

function anEvent(type: string, data: Record<string, unknown> = {}, metadata: Partial<EventMetadata> = {}): EventToAppend {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      principal: { role: 'collector', id: 'collector-7' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2024-05-01T10:00:00.000Z',
      ...metadata,
    },
  };
}

/** A fresh event whose position anchors the global reads of one test. */
async function appendMarker(store: EventStore): Promise<bigint> {
  const result = await store.appendToStream(aStreamId('marker'), [anEvent('Marker')], { expectedVersion: 'no_stream' });
  return result.lastGlobalPosition;
}

function expectStrictlyIncreasing(positions: bigint[]): void {
  for (let index = 1; index < positions.length; index += 1) {
    expect(positions[index] > positions[index - 1]).toBe(true);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await delay(10);
  }
}
