import { AccountPlaced, ContactAttemptRecorded, PaymentPosted, PromiseToPayMade } from '@lib/contracts';
import { AccountClosed, PaymentReversed } from '@lib/contracts';
import { rebuildProjection, type ProjectedEvent, type ReadModelStore } from '@lib/read-models';
import { AnalyticsQueries } from './analytics.queries';
import { collectorActivityProjection } from './collector-activity.projection';
import { receivablesProjection } from './receivables.projection';
import { accountClosed, accountPlaced, contactAttemptRecorded, paymentPosted, paymentReversed, projected, promiseToPayMade } from './reporting.fixtures';

/**
 * The aging, liquidation and collector performance queries against a read-model store
 * adapter: in memory in the unit tier, MongoDB (FerretDB) and SQL in the int tier, so
 * every adapter pages, filters and answers alike.
 */
export function analyticsQueriesContract(name: string, createStore: () => Promise<ReadModelStore>): void {
  describe(`aging, liquidation and collector performance queries on ${name}`, () => {
    let store: ReadModelStore;
    let run = 0;

    beforeEach(async () => {
      store = await createStore();
      run += 1;
    });
    afterEach(() => store.close());

    const id = (label: string) => `${label}-${run}-${Math.random().toString(36).slice(2, 8)}`;

    async function applyAll(events: ProjectedEvent[]): Promise<void> {
      await store.apply(receivablesProjection, events);
      await store.apply(collectorActivityProjection, events);
    }

    function account(accountId: string, clientId: string, placedAt: string, dueDate: string, amount: number, currency = 'USD'): ProjectedEvent {
      const data = { ...accountPlaced(accountId, clientId, amount, currency), placedAt, invoices: [{ number: 'INV-1', issueDate: '2025-01-01', dueDate, originalAmount: amount, currency }] };
      return projected(AccountPlaced, data, `account-${accountId}`, 0);
    }
    const paid = (accountId: string, clientId: string, paymentId: string, amount: number, postedAt: string, version: number) =>
      projected(PaymentPosted, { ...paymentPosted(accountId, clientId, paymentId, amount, 0), postedAt }, `ledger-${accountId}`, version);

    it('ages every account of a client, page by page, and of the agency, per client, without counting a redelivery twice', async () => {
      const [clientA, clientB] = [id('client-a'), id('client-b')];
      const accounts = [id('acc'), id('acc'), id('acc'), id('acc')];
      const events = [
        account(accounts[0], clientA, '2026-01-05T00:00:00.000Z', '2025-12-01', 10_000),
        account(accounts[1], clientA, '2026-02-05T00:00:00.000Z', '2025-06-01', 20_000),
        account(accounts[2], clientA, '2026-02-05T00:00:00.000Z', '2026-02-01', 5_000, 'EUR'),
        account(accounts[3], clientB, '2026-03-01T00:00:00.000Z', '2024-01-01', 7_000),
        paid(accounts[0], clientA, 'p1', 4_000, '2026-02-10T00:00:00.000Z', 0),
      ];
      await applyAll(events);
      await applyAll(events);
      const queries = new AnalyticsQueries(store, 2);
      const aging = await queries.aging(clientA, '2026-03-01');
      // accounts[0]: 6 000 open, 90 days past due; accounts[1]: 20 000, 273 days; EUR: 5 000, 28 days.
      expect(aging.clientId).toBe(clientA);
      expect(aging.currencies.map((c) => [c.currency, c.total, c.accounts, c.buckets.filter((b) => b.amount > 0).map((b) => [b.bucket, b.amount])])).toEqual([
        ['EUR', 5_000, 1, [['0-30', 5_000]]],
        ['USD', 26_000, 2, [['61-90', 6_000], ['181-365', 20_000]]],
      ]);
      expect(aging.clients.map((c) => c.clientId)).toEqual([clientA]);
      const agency = await queries.aging(null, '2026-03-01');
      expect(agency.clients.map((c) => c.clientId)).toEqual(expect.arrayContaining([clientA, clientB]));
      const b = agency.clients.find((c) => c.clientId === clientB)!;
      expect(b.currencies[0].buckets.find((bucket) => bucket.bucket === '365+')?.amount).toBe(7_000);
      expect(await queries.knowsClient(clientA)).toBe(true);
      expect(await queries.knowsClient(id('nobody'))).toBe(false);
    });

    it('draws liquidation cohorts from every page', async () => {
      const client = id('client');
      const accounts = [id('acc'), id('acc'), id('acc')];
      await applyAll([
        account(accounts[0], client, '2026-01-05T00:00:00.000Z', '2025-12-01', 10_000),
        account(accounts[1], client, '2026-01-25T00:00:00.000Z', '2025-12-01', 30_000),
        account(accounts[2], client, '2026-02-05T00:00:00.000Z', '2025-12-01', 10_000),
        paid(accounts[0], client, 'p1', 4_000, '2026-02-10T00:00:00.000Z', 0),
        paid(accounts[1], client, 'p2', 6_000, '2026-01-30T00:00:00.000Z', 0),
      ]);
      const report = await new AnalyticsQueries(store, 2).liquidation(client, '2026-02-20');
      expect(report.cohorts).toEqual([
        { month: '2026-01', currency: 'USD', accounts: 2, placedAmount: 40_000, points: [{ months: 1, collected: 6_000, shareBp: 1_500 }, { months: 2, collected: 10_000, shareBp: 2_500 }] },
        { month: '2026-02', currency: 'USD', accounts: 1, placedAmount: 10_000, points: [{ months: 1, collected: 0, shareBp: 0 }] },
      ]);
    });

    it('answers the same after a rebuild from the events (duplicates included) as after applying them one at a time', async () => {
      const client = id('client');
      const [a, b] = [id('acc'), id('acc')];
      const events = [
        account(a, client, '2026-01-05T00:00:00.000Z', '2025-12-01', 10_000),
        projected(ContactAttemptRecorded, { ...contactAttemptRecorded(a, client, '2026-01-20T10:00:00.000Z'), collectorId: 'alice' }, `contact-${a}`, 0),
        paid(a, client, 'p1', 4_000, '2026-01-21T00:00:00.000Z', 0),
        projected(PaymentReversed, { ...paymentReversed(a, client, 'p1', 4_000, 10_000), reversedAt: '2026-02-02T00:00:00.000Z' }, `ledger-${a}`, 1),
        paid(a, client, 'p2', 3_000, '2026-02-10T00:00:00.000Z', 2),
        account(b, client, '2026-02-01T00:00:00.000Z', '2025-01-01', 8_000),
        projected(AccountClosed, accountClosed(b, client, 'recalled', '2026-03-01T00:00:00.000Z'), `account-${b}`, 1),
      ];
      for (const event of events) await applyAll([event]);
      const queries = new AnalyticsQueries(store, 1);
      const reports = async () => ({
        aging: await queries.aging(client, '2026-02-15'),
        liquidation: await queries.liquidation(client, '2026-03-31'),
        collectors: (await queries.collectorPerformance('2026-01-01', '2026-03-31')).collectors.filter((c) => c.collectorId === 'alice'),
      });
      const incremental = await reports();
      expect(incremental.collectors[0].collected).toEqual([{ currency: 'USD', amount: 3_000 }]);
      const replayed = [...events, ...events.slice(1, 4)];
      await rebuildProjection(store, receivablesProjection, replayed, { batchSize: 3 });
      await rebuildProjection(store, collectorActivityProjection, replayed, { batchSize: 3 });
      expect(await reports()).toEqual(incremental);
    });

    it('finds a period’s accounts by the months they were worked or paid in ($in on an array)', async () => {
      const client = id('client');
      const [worked, idle] = [id('acc'), id('acc')];
      const collector = id('collector');
      await applyAll([
        projected(ContactAttemptRecorded, { ...contactAttemptRecorded(worked, client, '2026-04-02T10:00:00.000Z'), collectorId: collector }, `contact-${worked}`, 0),
        projected(PromiseToPayMade, { ...promiseToPayMade(worked, client, 'pr', 3_000), collectorId: collector, madeAt: '2026-04-02T10:05:00.000Z' }, `contact-${worked}`, 1),
        paid(worked, client, 'p1', 3_000, '2026-04-20T00:00:00.000Z', 0),
        projected(ContactAttemptRecorded, { ...contactAttemptRecorded(idle, client, '2026-02-02T10:00:00.000Z'), collectorId: collector }, `contact-${idle}`, 0),
      ]);
      const report = await new AnalyticsQueries(store, 1).collectorPerformance('2026-04-01', '2026-04-30');
      expect(report.collectors.find((c) => c.collectorId === collector)).toEqual({
        collectorId: collector,
        contacts: 1,
        rightPartyContacts: 1,
        promisesMade: 1,
        promisesKept: 0,
        promisesBroken: 0,
        collected: [{ currency: 'USD', amount: 3_000 }],
      });
      const spring = await new AnalyticsQueries(store, 1).collectorPerformance('2026-02-01', '2026-04-30');
      expect(spring.collectors.find((c) => c.collectorId === collector)?.contacts).toBe(2);
    });
  });
}
