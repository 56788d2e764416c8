import { ReadModelStore } from '../read-model-store.port';
import { GenerationalReadModelStore } from '../generations';
import { rebuildProjection, rebuildProjections } from '../rebuild';
import type { ProjectedEvent } from '../read-model-store.port';
import {
  AccountBalance,
  accountBalances,
  asAsync,
  ClientPortfolio,
  clientPortfolios,
  Counter,
  counters,
  inBatches,
  noteAdded,
  paid,
  placed,
  portfolioHistory,
  recalled,
  tick,
} from './read-model-store.fixtures';

/**
 * The behaviour every ReadModelStore adapter must show. Each adapter's spec calls this
 * with a factory; one store serves the whole suite and every case works in collections
 * of its own, so cases never see each other's documents.
 */
export function readModelStoreContract(adapterName: string, factory: () => Promise<ReadModelStore> | ReadModelStore): void {
  describe(`read-model store contract: ${adapterName}`, () => {
    let store: ReadModelStore;
    let sequence = 0;
    const unique = (base: string): string => `${base}_${++sequence}`;

    beforeAll(async () => {
      store = await factory();
    });

    afterAll(async () => {
      await store?.close();
    });

    describe('applying events', () => {
      it('creates a document from the first event and evolves it with the next ones', async () => {
        const projection = accountBalances(unique('balances'));

        await store.apply(projection, [placed('a1', 'client-1', 500)]);
        await store.apply(projection, [paid('a1', 'client-1', 120, 1), paid('a1', 'client-1', 80, 2)]);

        expect(await store.findOne(projection.name, { _id: 'account-a1' })).toEqual({
          _id: 'account-a1',
          accountId: 'a1',
          clientId: 'client-1',
          status: 'active',
          balance: { amount: 300, currency: 'USD' },
          payments: 2,
        });
      });

      it('returns documents without the bookkeeping fields and never shows them to evolve', async () => {
        const projection = counters(unique('counters'));
        const seenByEvolve: object[] = [];
        const spying = { ...projection, evolve: (document: Counter | null, event: Parameters<typeof projection.evolve>[1]) => {
          if (document) seenByEvolve.push(document);
          return projection.evolve(document, event);
        } };

        await store.apply(spying, [tick('clock-1', 0)]);
        await store.apply(spying, [tick('clock-1', 1)]);

        const [document] = await store.find(projection.name);
        expect(Object.keys(document).sort()).toEqual(['_id', 'count', 'seen']);
        for (const seen of seenByEvolve) expect(Object.keys(seen).sort()).toEqual(['_id', 'count', 'seen']);
      });

      it('treats a replayed or duplicate event as a no-op', async () => {
        const projection = counters(unique('counters'));
        const first = [tick('clock-1', 0), tick('clock-1', 1), tick('clock-1', 2)];

        await store.apply(projection, first);
        await store.apply(projection, first);
        await store.apply(projection, [tick('clock-1', 3), tick('clock-1', 3), tick('clock-1', 4)]);
        await store.apply(projection, [tick('clock-1', 1)]);

        const counter = await store.findOne<Counter>(projection.name, { _id: 'counter-1' });
        expect(counter?.count).toBe(5);
        expect(counter?.seen).toEqual(['clock-1@0', 'clock-1@1', 'clock-1@2', 'clock-1@3', 'clock-1@4']);
      });

      it('guards by version per source stream, so equal versions from different streams all count', async () => {
        const projection = counters(unique('counters'));

        await store.apply(projection, [tick('clock-1', 0), tick('clock-2', 0), tick('clock-3', 0)]);
        await store.apply(projection, [tick('clock-2', 0), tick('clock-2', 1)]);

        expect((await store.findOne<Counter>(projection.name, { _id: 'counter-1' }))?.count).toBe(4);
      });

      it('folds events from several source streams into one document', async () => {
        const projection = clientPortfolios(unique('portfolios'));
        const events = [
          placed('a1', 'client-1', 1000),
          placed('a2', 'client-1', 400),
          placed('a3', 'client-2', 250),
          paid('a1', 'client-1', 100, 1),
          paid('a2', 'client-1', 50, 1),
          paid('a1', 'client-1', 25, 2),
          paid('a3', 'client-2', 250, 1),
        ];

        await store.apply(projection, events);
        await store.apply(projection, events.slice(2));

        expect(await store.find<ClientPortfolio>(projection.name, {}, { sort: { clientId: 1 } })).toEqual([
          { _id: 'client-1', clientId: 'client-1', accounts: 2, placedTotal: 1400, collectedTotal: 175 },
          { _id: 'client-2', clientId: 'client-2', accounts: 1, placedTotal: 250, collectedTotal: 250 },
        ]);
      });

      it('ignores event types the projection does not handle', async () => {
        const projection = accountBalances(unique('balances'));

        await store.apply(projection, [noteAdded('a1', 'client-1', 0)]);
        expect(await store.count(projection.name)).toBe(0);

        await store.apply(projection, [placed('a2', 'client-1', 300), noteAdded('a2', 'client-1', 1), paid('a2', 'client-1', 100, 2)]);
        expect(await store.findOne<AccountBalance>(projection.name, { _id: 'account-a2' })).toMatchObject({ payments: 1, balance: { amount: 200 } });
      });

      it('deletes the document when evolve returns null, and a late duplicate does not bring it back', async () => {
        const projection = accountBalances(unique('balances'));
        await store.apply(projection, [placed('a1', 'client-1', 500), placed('a2', 'client-1', 700)]);

        await store.apply(projection, [paid('a1', 'client-1', 100, 1), recalled('a1', 'client-1', 2)]);
        expect(await store.findOne(projection.name, { _id: 'account-a1' })).toBeNull();
        expect(await store.count(projection.name)).toBe(1);

        await store.apply(projection, [placed('a1', 'client-1', 500), paid('a1', 'client-1', 100, 1)]);
        expect(await store.findOne(projection.name, { _id: 'account-a1' })).toBeNull();
        expect((await store.find(projection.name)).map((document) => document._id)).toEqual(['account-a2']);
      });

      // Generous timeout: on FerretDB every replaced document costs a table scan and a commit.
      it('applies a bulk of many events across many documents', async () => {
        const projection = accountBalances(unique('balances'));
        const events = portfolioHistory(200, 7, 5);

        for (const batch of inBatches(events, 700)) await store.apply(projection, batch);

        expect(await store.count(projection.name)).toBe(180);
        const a0007 = await store.findOne<AccountBalance>(projection.name, { _id: 'account-a0007' });
        expect(a0007).toMatchObject({ payments: 5, balance: { amount: 1070 - [9, 10, 11, 7, 8].reduce((sum, n) => sum + n, 0) } });
        expect(await store.findOne(projection.name, { _id: 'account-a0009' })).toBeNull();
      }, 180_000);
    });

    describe('queries', () => {
      const name = (): string => queries.name;
      let queries: ReturnType<typeof accountBalances>;

      beforeAll(async () => {
        queries = accountBalances(unique('balances'));
        const events = [];
        for (let n = 0; n < 12; n++) {
          const accountId = `q${String(n).padStart(2, '0')}`;
          const clientId = `client-${n % 3}`;
          events.push(placed(accountId, clientId, 100 * (n + 1)));
          if (n % 4 === 0) events.push(paid(accountId, clientId, 100 * (n + 1), 1));
        }
        await store.apply(queries, events);
      });

      const ids = (documents: readonly object[]): unknown[] => documents.map((document) => (document as { _id?: unknown })._id);

      it('filters by equality, explicit $eq and $in', async () => {
        expect(ids(await store.find(name(), { clientId: 'client-1' }))).toEqual(['account-q01', 'account-q04', 'account-q07', 'account-q10']);
        expect(ids(await store.find(name(), { clientId: { $eq: 'client-2' } }))).toEqual(['account-q02', 'account-q05', 'account-q08', 'account-q11']);
        expect(ids(await store.find(name(), { _id: { $in: ['account-q03', 'account-q09', 'account-missing'] } }))).toEqual(['account-q03', 'account-q09']);
        expect(ids(await store.find(name(), { status: { $in: ['paid'] } }))).toEqual(['account-q00', 'account-q04', 'account-q08']);
      });

      it('filters by a range on a nested field', async () => {
        const documents = await store.find<AccountBalance>(name(), { 'balance.amount': { $gte: 300, $lt: 700 } });
        expect(ids(documents)).toEqual(['account-q02', 'account-q03', 'account-q05']);
      });

      it('sorts, ties broken by _id, and pages with skip and limit', async () => {
        const sorted = await store.find<AccountBalance>(name(), {}, { sort: { clientId: -1 } });
        expect(ids(sorted)).toEqual([
          'account-q02', 'account-q05', 'account-q08', 'account-q11',
          'account-q01', 'account-q04', 'account-q07', 'account-q10',
          'account-q00', 'account-q03', 'account-q06', 'account-q09',
        ]);

        const byAmount = await store.find<AccountBalance>(name(), { status: 'active' }, { sort: { 'balance.amount': -1 } });
        expect(byAmount.map((document) => document.balance.amount)).toEqual([1200, 1100, 1000, 800, 700, 600, 400, 300, 200]);

        const pages = [];
        for (let skip = 0; skip < 12; skip += 5) pages.push(...(await store.find(name(), {}, { sort: { clientId: -1 }, skip, limit: 5 })));
        expect(ids(pages)).toEqual(ids(sorted));
        expect(await store.find(name(), {}, { skip: 10, limit: 5 })).toHaveLength(2);
      });

      it('pages by _id ranges (a keyset: the ids after the last one seen), with other fields in the same filter', async () => {
        const pages: unknown[] = [];
        let after: string | undefined;
        for (;;) {
          const filter = after === undefined ? { status: 'active' } : { status: 'active', _id: { $gt: after } };
          const page = await store.find<AccountBalance & { _id: string }>(name(), filter, { sort: { _id: 1 }, limit: 4 });
          if (page.length === 0) break;
          pages.push(...ids(page));
          after = page[page.length - 1]._id;
        }
        expect(pages).toEqual(ids(await store.find(name(), { status: 'active' }, { sort: { _id: 1 } })));
        expect(pages).toHaveLength(9);
        expect(ids(await store.find(name(), { _id: { $gte: 'account-q10', $lt: 'account-q11' } }))).toEqual(['account-q10']);
        expect(ids(await store.find(name(), { _id: { $lte: 'account-q00' } }))).toEqual(['account-q00']);
      });

      it('pages a whole collection in _id order with nothing else in the filter (by keyset, $gte or skip), past tombstones and ids written between pages', async () => {
        const paged = accountBalances(unique('paged'));
        // Written out of id order, some deleted: a page must follow the ids, not the writes.
        const numbers = [7, 2, 11, 0, 5, 9, 1, 10, 3, 8, 6, 4];
        await store.apply(paged, numbers.map((n) => placed(`p${String(n).padStart(2, '0')}`, 'client-0', 100)));
        await store.apply(paged, [recalled('p03', 'client-0', 1), recalled('p08', 'client-0', 1)]);
        const live = ['0', '1', '2', '4', '5', '6', '7', '9', '10', '11'].map((n) => `account-p${n.padStart(2, '0')}`);
        expect(ids(await store.find(paged.name))).toEqual(live);
        expect(ids(await store.find(paged.name, {}, { sort: { _id: 1 }, skip: 3, limit: 4 }))).toEqual(live.slice(3, 7));
        expect(ids(await store.find(paged.name, { _id: { $gte: 'account-p05' } }, { sort: { _id: 1 }, limit: 3 }))).toEqual(live.slice(4, 7));
        expect(ids(await store.find(paged.name, { _id: { $gt: 'account-p03' } }, { sort: { _id: 1 }, skip: 1, limit: 2 }))).toEqual(live.slice(4, 6));

        const seen: unknown[] = [];
        let after: string | undefined;
        for (let page = 0; ; page++) {
          const found = await store.find<AccountBalance & { _id: string }>(paged.name, after === undefined ? {} : { _id: { $gt: after } }, { sort: { _id: 1 }, limit: 3 });
          if (found.length === 0) break;
          seen.push(...ids(found));
          after = found[found.length - 1]._id;
          // Written between pages: one before the page read next (not read), one after it (read).
          if (page === 1) await store.apply(paged, [placed('p01a', 'client-0', 100), placed('p12', 'client-0', 100)]);
        }
        expect(seen).toEqual([...live, 'account-p12']);
        expect(ids(await store.find(paged.name, {}, { sort: { _id: 1 } }))).toEqual(['account-p00', 'account-p01', 'account-p01a', ...live.slice(2), 'account-p12']);
      });

      it('counts with and without a filter', async () => {
        expect(await store.count(name())).toBe(12);
        expect(await store.count(name(), { status: 'paid' })).toBe(3);
        expect(await store.count(name(), { 'balance.amount': { $gte: 1000 } })).toBe(3);
        expect(await store.count(unique('never_written'))).toBe(0);
      });

      it('finds nothing in a collection never written and null for a missing document', async () => {
        expect(await store.find(unique('never_written'))).toEqual([]);
        expect(await store.findOne(name(), { _id: 'account-missing' })).toBeNull();
      });
    });

    describe('health', () => {
      it('answers a ping while open and refuses one once closed', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        const another = await factory();
        await another.close();
        await expect(another.ping()).rejects.toThrow();
      });
    });

    describe('checkpoints', () => {
      it('loads null before the first save, then the last value saved', async () => {
        const checkpoint = unique('relay');

        expect(await store.loadCheckpoint(checkpoint)).toBeNull();
        await store.saveCheckpoint(checkpoint, '41');
        await store.saveCheckpoint(checkpoint, '42');

        expect(await store.loadCheckpoint(checkpoint)).toBe('42');
      });
    });

    describe('reset and rebuild', () => {
      it('reset drops the documents and that collection\'s checkpoint only', async () => {
        const projection = counters(unique('counters'));
        const other = counters(unique('counters'));
        await store.apply(projection, [tick('clock-1', 0)]);
        await store.apply(other, [tick('clock-1', 0)]);
        await store.saveCheckpoint(projection.name, '7');
        await store.saveCheckpoint(other.name, '9');

        await store.reset(projection.name);

        expect(await store.count(projection.name)).toBe(0);
        expect(await store.loadCheckpoint(projection.name)).toBeNull();
        expect(await store.count(other.name)).toBe(1);
        expect(await store.loadCheckpoint(other.name)).toBe('9');

        await store.apply(projection, [tick('clock-1', 0)]);
        expect((await store.findOne<Counter>(projection.name, { _id: 'counter-1' }))?.count).toBe(1);
      });

      it('rebuilding from scratch gives the same documents as incremental application', async () => {
        const history = portfolioHistory(60, 4, 3);
        const incremental = clientPortfolios(unique('portfolios'));
        for (const batch of inBatches(history, 17)) {
          await store.apply(incremental, batch);
          await store.apply(incremental, batch.slice(0, 5));
        }
        const rebuilt = clientPortfolios(unique('portfolios'));
        await store.apply(rebuilt, [placed('stale', 'client-9', 1)]);
        await store.saveCheckpoint(rebuilt.name, '123');

        const result = await rebuildProjection(store, rebuilt, asAsync(history), { batchSize: 25 });

        expect(await store.find(rebuilt.name)).toEqual(await store.find(incremental.name));
        expect(await store.count(rebuilt.name)).toBe(4);
        expect(await store.loadCheckpoint(rebuilt.name)).toBeNull();
        expect(result.applied).toBe(history.filter((event) => event.type !== 'NoteAdded').length);

        const fromArray = accountBalances(unique('balances'));
        await rebuildProjection(store, fromArray, history, { batchSize: 1000 });
        expect(await store.count(fromArray.name)).toBe(54);
      });

      it('a rebuild that may hold only a few documents in memory still equals incremental application', async () => {
        const history = [...portfolioHistory(60, 4, 3), recalled('a0000', 'client-0', 9), paid('a0000', 'client-0', 1, 10)];
        const incremental = accountBalances(unique('balances'));
        for (const batch of inBatches(history, 13)) await store.apply(incremental, batch);
        const rebuilt = accountBalances(unique('balances'));

        const result = await rebuildProjection(store, rebuilt, history, { batchSize: 7, maxDocumentsInMemory: 3 });

        expect(await store.find(rebuilt.name)).toEqual(await store.find(incremental.name));
        expect(await store.count(rebuilt.name)).toBe(await store.count(incremental.name));
        expect(result.applied).toBe(history.filter((event) => event.type !== 'NoteAdded').length);
      });
      it('several projections rebuilt from one pass (writes overlapping the fold, few documents in memory) equal incremental application', async () => {
        const history = [...portfolioHistory(60, 4, 3), recalled('a0000', 'client-0', 9), paid('a0000', 'client-0', 1, 10)];
        const balances = accountBalances(unique('balances'));
        const portfolios = clientPortfolios(unique('portfolios'));
        for (const batch of inBatches(history, 13)) await Promise.all([store.apply(balances, batch), store.apply(portfolios, batch)]);
        const rebuiltBalances = accountBalances(unique('balances'));
        const rebuiltPortfolios = clientPortfolios(unique('portfolios'));

        const results = await rebuildProjections(store, [rebuiltBalances, rebuiltPortfolios], asAsync(history), { batchSize: 7, maxDocumentsInMemory: 3 });

        expect(await store.find(rebuiltBalances.name)).toEqual(await store.find(balances.name));
        expect(await store.find(rebuiltPortfolios.name)).toEqual(await store.find(portfolios.name));
        expect(results.get(rebuiltBalances.name)!.applied).toBe(history.filter((event) => rebuiltBalances.handles.includes(event.type)).length);
        expect(results.get(rebuiltPortfolios.name)!.applied).toBe(history.filter((event) => rebuiltPortfolios.handles.includes(event.type)).length);
      });
      it('a rebuild into a new generation serves the old one until it has caught up, then switches and drops it', async () => {
        const history = portfolioHistory(60, 4, 3);
        const early = history.slice(0, 150);
        const late = history.slice(150);
        const name = unique('portfolios');
        const projection = clientPortfolios(name);
        const reference = clientPortfolios(unique('portfolios'));
        await store.apply(reference, history);
        const generations = await GenerationalReadModelStore.open(store, [name]);
        for (const batch of inBatches(early, 20)) await generations.apply(projection, batch);
        // Placed and collected only ever grow with the history: a read that saw less saw a report growing back.
        const totalsRead = async (): Promise<number> => (await generations.find<ClientPortfolio>(name)).reduce((sum, portfolio) => sum + portfolio.placedTotal + portfolio.collectedTotal, 0);
        const before = await totalsRead();
        const reads: number[] = [];

        async function* logStillBeingWritten(): AsyncGenerator<ProjectedEvent> {
          for (const [index, event] of early.entries()) {
            if (index === 75) {
              // Live events arrive while the rebuild reads its source; readers keep reading.
              for (const batch of inBatches(late, 15)) {
                await generations.apply(projection, batch);
                reads.push(await totalsRead());
              }
            }
            if (index % 25 === 0) reads.push(await totalsRead());
            yield event;
          }
          // A log written meanwhile may show some of the live events too: they count once.
          yield* late.slice(0, 40);
        }

        const result = await generations.rebuild(projection, logStillBeingWritten(), { batchSize: 10 });
        reads.push(await totalsRead());

        expect(reads.length).toBeGreaterThan(5);
        for (const [index, read] of reads.entries()) expect(read).toBeGreaterThanOrEqual(index === 0 ? before : reads[index - 1]);
        expect(result).toEqual(expect.objectContaining({ collection: name, generation: 2, physical: `${name}__g2`, caughtUp: late.length }));
        expect(await generations.find(name)).toEqual(await store.find(reference.name));
        expect(await store.count(name)).toBe(0);

        await generations.apply(projection, late.slice(0, 5));
        const reopened = await GenerationalReadModelStore.open(store, [name]);
        expect(reopened.physical(name)).toBe(`${name}__g2`);
        expect(await reopened.find(name)).toEqual(await store.find(reference.name));

        const again = await reopened.rebuild(projection, history);
        expect(again.physical).toBe(`${name}__g3`);
        expect(await reopened.find(name)).toEqual(await store.find(reference.name));
        expect(await store.count(`${name}__g2`)).toBe(0);
      });
    });

    describe('concurrent writers', () => {
      it('the same events applied concurrently, several times over, count once', async () => {
        const projection = counters(unique('counters'));
        const events = [tick('clock-1', 0), tick('clock-1', 1), tick('clock-2', 0)];

        await Promise.all([
          store.apply(projection, events),
          store.apply(projection, events),
          store.apply(projection, [events[1]]),
          store.apply(projection, [...events].reverse()),
        ]);

        const counter = await store.findOne<Counter>(projection.name, { _id: 'counter-1' });
        expect(counter?.count).toBe(3);
        expect([...(counter?.seen ?? [])].sort()).toEqual(['clock-1@0', 'clock-1@1', 'clock-2@0']);
      });

      it('one event per apply, many applies in flight: every event lands once, in stream order', async () => {
        const projection = counters(unique('counters'));
        const streams = ['clock-1', 'clock-2', 'clock-3', 'clock-4'];

        // One applier per stream, each awaiting its own events one by one, all on one document.
        await Promise.all(streams.map(async (stream) => {
          for (let version = 0; version < 5; version++) await store.apply(projection, [tick(stream, version)]);
        }));

        const counter = await store.findOne<Counter>(projection.name, { _id: 'counter-1' });
        expect(counter?.count).toBe(20);
        for (const stream of streams) {
          expect(counter?.seen.filter((seen) => seen.startsWith(`${stream}@`))).toEqual([0, 1, 2, 3, 4].map((version) => `${stream}@${version}`));
        }
      });

      it('a projection that throws fails its own apply only, not the applies in flight beside it', async () => {
        const name = unique('counters');
        const projection = counters(name);
        const failing = { ...projection, evolve: (document: Counter | null, event: Parameters<typeof projection.evolve>[1]) => {
          if (event.streamId === 'broken') throw new Error('cannot project this event');
          return projection.evolve(document, event);
        } };

        const results = await Promise.allSettled([
          store.apply(projection, [tick('clock-1', 0)]),
          store.apply(failing, [tick('clock-2', 0), tick('broken', 0, 'counter-2')]),
          store.apply(projection, [tick('clock-3', 0)]),
        ]);

        expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(await store.findOne<Counter>(name, { _id: 'counter-1' })).toMatchObject({ count: 2, seen: ['clock-1@0', 'clock-3@0'] });
        expect(await store.findOne(name, { _id: 'counter-2' })).toBeNull();

        await store.apply(projection, [tick('clock-2', 0), tick('broken', 0, 'counter-2')]);
        expect(await store.findOne<Counter>(name, { _id: 'counter-1' })).toMatchObject({ count: 3 });
      });


      it('two concurrent applies on the same document both land', async () => {
        const projection = clientPortfolios(unique('portfolios'));

        await Promise.all([
          store.apply(projection, [placed('a1', 'client-1', 100)]),
          store.apply(projection, [placed('a2', 'client-1', 250)]),
        ]);

        expect(await store.findOne(projection.name, { _id: 'client-1' })).toMatchObject({ accounts: 2, placedTotal: 350 });
      });

      it('many concurrent applies over overlapping documents lose no update and count nothing twice', async () => {
        const projection = clientPortfolios(unique('portfolios'));
        const history = portfolioHistory(40, 3, 4);
        const byStream = new Map<string, typeof history>();
        for (const event of history) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
        const streams = [...byStream.values()];
        const appliers = Array.from({ length: 8 }, (_, n) => streams.filter((_, s) => s % 8 === n).flat());

        // Each applier also replays its neighbour's events: duplicates racing with originals.
        await Promise.all(appliers.map((events, n) => store.apply(projection, [...events, ...appliers[(n + 1) % 8]])));

        const sequential = clientPortfolios(unique('portfolios'));
        await store.apply(sequential, history);
        expect(await store.find(projection.name)).toEqual(await store.find(sequential.name));
      });
    });
  });
}
