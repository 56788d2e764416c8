import { AccountClosed, AccountPaidInFull, AccountPlaced, AccountReopened, AuditRecordV1, LegalStageChanged, PaymentPosted, PaymentReversed } from '@lib/contracts';
import type { ProjectedEvent, Projection, ReadModelStore } from '@lib/read-models';
import { ACCOUNT_SUMMARIES } from './account-summary.projection';
import { AuditedService, streamIdsOf } from '../reporting.dependencies';
import { auditEventOf } from './audit-trail.projection';
import { Portfolio, PORTFOLIO, PORTFOLIO_BUCKETS, PortfolioBucket, portfolioBucketOf, portfolioProjection } from './portfolio.projection';
import { trustSummaryProjection } from './trust-summary.projection';
import { recoveryRateBp } from './recovery-rate';
import {
  accountClosed,
  accountPaidInFull,
  accountPlaced,
  accountReopened,
  auditRecord,
  causedBy,
  legalStageChanged,
  paymentPosted,
  paymentReversed,
  projected,
} from './reporting.fixtures';
import { REPORTING_PROJECTIONS, ReportingQueries } from './reporting.queries';
import { AsOfQueries } from './as-of.queries';
import { complianceDecisionsOf, complianceDecisionsProjection } from './compliance-decisions.projection';
import { complianceDecisionPage } from './compliance-decisions.queries';

/** When the legal pipeline is asked for, in the tests that do not look at time spent. */
const REPORT_TIME = new Date('2026-07-16T09:00:00.000Z');

/**
 * The reports' queries, run against a read-model store adapter: the in-memory one in the
 * unit tier, MongoDB (FerretDB in CI) in the int tier, so both answer alike.
 */
export function reportingQueriesContract(name: string, createStore: () => Promise<ReadModelStore>): void {
  describe(`reporting queries on ${name}`, () => {
    let store: ReadModelStore;
    let queries: ReportingQueries;
    let run = 0;

    beforeEach(async () => {
      store = await createStore();
      queries = new ReportingQueries(store);
      run += 1;
    });
    afterEach(() => store.close());

    // Ids unique per test, so adapters that keep documents between tests do not mix them.
    const id = (label: string) => `${label}-${run}`;

    async function applyAll(events: ProjectedEvent[]): Promise<void> {
      for (const projection of REPORTING_PROJECTIONS) await store.apply(projection, events);
    }

    it('answers a portfolio and an account summary without the store’s bookkeeping', async () => {
      const [client, account] = [id('client'), id('account')];
      await applyAll([
        projected(AccountPlaced, accountPlaced(account, client, 300_000), `account-${account}`, 0),
        projected(PaymentPosted, paymentPosted(account, client, 'p1', 100_000, 200_000), `ledger-${account}`, 0),
      ]);
      expect(await queries.portfolio(client)).toEqual({
        clientId: client,
        currency: 'USD',
        placedCount: 1,
        placedAmount: 300_000,
        collected: 100_000,
        recoveryRateBp: 3_333,
        active: 1,
        closedByCode: {},
        byCurrency: { USD: { placedAmount: 300_000, collected: 100_000, recoveryRateBp: 3_333 } },
        placedByService: { 'third-party': 1 },
        convertedToThirdParty: 0,
      });
      const summary = await queries.accountSummary(account);
      expect(summary).toMatchObject({ accountId: account, clientId: client, balance: 200_000, service: 'third-party', preCollectionRemindersSent: 0, convertedAt: null });
      expect(summary).not.toHaveProperty('_id');
      expect(summary).not.toHaveProperty('ledgerBalance');
      expect(await queries.clientOf(account)).toBe(client);
      expect(await queries.portfolio(id('nobody'))).toBeNull();
    });

    it('counts nothing twice when the same events are delivered again', async () => {
      const [client, account] = [id('client'), id('account')];
      const events = [
        projected(AccountPlaced, accountPlaced(account, client, 300_000), `account-${account}`, 0),
        projected(PaymentPosted, paymentPosted(account, client, 'p1', 100_000, 200_000), `ledger-${account}`, 0),
        projected(AccountClosed, accountClosed(account, client, 'settled'), `account-${account}`, 1),
      ];
      await applyAll(events);
      await applyAll(events);
      await applyAll([events[1]]);
      expect(await queries.portfolio(client)).toMatchObject({ placedCount: 1, collected: 100_000, active: 0, closedByCode: { settled: 1 } });
      expect(await queries.accountSummary(account)).toMatchObject({ collected: 100_000, status: 'closed' });
    });

    it('sums a client’s accounts over its bucket documents as counted by hand, each bucket holding a share of them', async () => {
      const client = id('client');
      const events: ProjectedEvent[] = [];
      const accounts: string[] = [];
      const byHand = { active: 0, closed: { recalled: 0, 'paid-in-full': 0 }, money: { USD: { placed: 0, collected: 0 }, EUR: { placed: 0, collected: 0 } } };
      const minutesPast = (minutes: number) => new Date(Date.UTC(2026, 5, 1, 9) + minutes * 60_000).toISOString();
      for (let i = 0; i < 200; i++) {
        const account = id(`account-${i}`);
        accounts.push(account);
        const [intake, ledger] = [`account-${account}`, `ledger-${account}`];
        const currency = i % 5 === 0 ? 'EUR' : 'USD';
        const amount = 10_000 + i * 137;
        const post = (paymentId: string, paid: number) => projected(PaymentPosted, paymentPosted(account, client, paymentId, paid, amount - paid, currency), ledger, 0);
        const reverse = (paymentId: string, paid: number) => projected(PaymentReversed, { ...paymentReversed(account, client, paymentId, paid, amount), currency }, ledger, 1);
        // Account 100 (EUR) is placed first; account 0 (USD) a hundred minutes later.
        events.push(projected(AccountPlaced, { ...accountPlaced(account, client, amount, currency), placedAt: minutesPast((i + 100) % 200) }, intake, 0));
        byHand.money[currency].placed += amount;
        switch (i % 6) {
          case 0:
            byHand.active += 1;
            break;
          case 1:
            events.push(post('p1', Math.floor(amount / 4)));
            byHand.money[currency].collected += Math.floor(amount / 4);
            byHand.active += 1;
            break;
          case 2:
            events.push(post('p1', Math.floor(amount / 2)), reverse('p1', Math.floor(amount / 2)));
            byHand.active += 1;
            break;
          case 3:
            events.push(projected(AccountClosed, accountClosed(account, client, 'recalled'), intake, 1));
            byHand.closed.recalled += 1;
            break;
          case 4:
            events.push(post('p1', amount), projected(AccountClosed, accountClosed(account, client, 'paid-in-full'), intake, 1));
            byHand.money[currency].collected += amount;
            byHand.closed['paid-in-full'] += 1;
            break;
          case 5:
            events.push(
              post('p1', amount),
              projected(AccountClosed, accountClosed(account, client, 'paid-in-full'), intake, 1),
              reverse('p1', amount),
              projected(AccountReopened, accountReopened(account, client, amount), intake, 2),
            );
            byHand.active += 1;
            break;
        }
      }
      const figures = (currency: 'USD' | 'EUR') => {
        const { placed, collected } = byHand.money[currency];
        return { placedAmount: placed, collected, recoveryRateBp: recoveryRateBp(collected, placed) };
      };
      const expected: Portfolio = {
        clientId: client,
        currency: 'EUR',
        placedCount: 200,
        ...figures('EUR'),
        active: byHand.active,
        closedByCode: byHand.closed,
        byCurrency: { EUR: figures('EUR'), USD: figures('USD') },
        placedByService: { 'third-party': 200 },
        convertedToThirdParty: 0,
      };

      // Newest first (payments before placements, reopenings before closings), in two batches, then all again.
      const arriving = [...events].reverse();
      await applyAll(arriving.slice(0, 300));
      await applyAll(arriving.slice(300));
      expect(await queries.portfolio(client)).toEqual(expected);
      await applyAll(events);
      expect(await queries.portfolio(client)).toEqual(expected);

      const buckets = await store.find<PortfolioBucket>(PORTFOLIO, { clientId: client });
      expect(buckets.length).toBeLessThanOrEqual(PORTFOLIO_BUCKETS);
      expect(buckets.map((bucket) => bucket.bucket).sort((a, b) => a - b)).toEqual([...new Set(accounts.map((account) => portfolioBucketOf(account)))].sort((a, b) => a - b));
      expect(buckets.length).toBeGreaterThan(40);
      expect(Math.max(...buckets.map((bucket) => bucket.placedCount))).toBeLessThan(20);
    });

    it('names the headline currency after the earliest placement, even when it arrives after later ones', async () => {
      const client = id('client');
      const placement = (account: string, currency: string, placedAt: string) =>
        projected(AccountPlaced, { ...accountPlaced(account, client, currency === 'EUR' ? 80_000 : 100_000, currency), placedAt }, `account-${account}`, 0);
      await applyAll([0, 1, 2, 3, 4, 5, 6, 7].map((n) => placement(id(`usd-${n}`), 'USD', `2026-06-0${n + 2}T09:00:00.000Z`)));
      expect(await queries.portfolio(client)).toMatchObject({ currency: 'USD', placedAmount: 800_000 });
      await applyAll([placement(id('eur'), 'EUR', '2026-06-01T09:00:00.000Z')]);
      expect(await queries.portfolio(client)).toMatchObject({
        currency: 'EUR',
        placedCount: 9,
        placedAmount: 80_000,
        byCurrency: { EUR: { placedAmount: 80_000, collected: 0, recoveryRateBp: 0 }, USD: { placedAmount: 800_000, collected: 0, recoveryRateBp: 0 } },
      });
    });

    it('ignores a portfolio document of the layout before buckets: a rebuild brings the figures back', async () => {
      const [client, account] = [id('client'), id('account')];
      // One document per client, `_id` = client id, as the projection wrote it before buckets.
      const before: Projection<Portfolio> = {
        name: PORTFOLIO,
        handles: [AccountPlaced.type],
        documentIds: (event) => [event.data.clientId],
        evolve: () => ({
          clientId: client,
          currency: 'USD',
          placedCount: 57_000,
          placedAmount: 9_000_000,
          collected: 1_000_000,
          recoveryRateBp: 1_111,
          active: 56_000,
          closedByCode: { recalled: 1_000 },
          byCurrency: { USD: { placedAmount: 9_000_000, collected: 1_000_000, recoveryRateBp: 1_111 } },
          placedByService: { 'third-party': 57_000 },
          convertedToThirdParty: 0,
        }),
      };
      await store.apply(before, [projected(AccountPlaced, accountPlaced(id('old'), client, 9_000_000), `account-${id('old')}`, 0)]);
      expect(await queries.portfolio(client)).toBeNull();
      await applyAll([projected(AccountPlaced, accountPlaced(account, client, 300_000), `account-${account}`, 0)]);
      expect(await queries.portfolio(client)).toEqual({
        clientId: client,
        currency: 'USD',
        placedCount: 1,
        placedAmount: 300_000,
        collected: 0,
        recoveryRateBp: 0,
        active: 1,
        closedByCode: {},
        byCurrency: { USD: { placedAmount: 300_000, collected: 0, recoveryRateBp: 0 } },
        placedByService: { 'third-party': 1 },
        convertedToThirdParty: 0,
      });
      expect(await store.count(PORTFOLIO, { clientId: client })).toBe(2);
    });

    it('counts the legal pipeline by stage, every stage named, closed accounts left out, a client seeing its own', async () => {
      const [mine, theirs] = [id('client-a'), id('client-b')];
      const [a1, a2, a3, b1] = [id('a1'), id('a2'), id('a3'), id('b1')];
      await applyAll([
        projected(LegalStageChanged, legalStageChanged(a1, mine, 'recommended', 500_000), `referral-${a1}`, 0),
        projected(LegalStageChanged, legalStageChanged(a2, mine, 'forwarded', 700_000, 'attorney-1'), `referral-${a2}`, 2),
        projected(LegalStageChanged, legalStageChanged(a3, mine, 'forwarded', 900_000, 'attorney-1'), `referral-${a3}`, 2),
        projected(AccountClosed, accountClosed(a3, mine, 'legal-closed'), `account-${a3}`, 3),
        projected(LegalStageChanged, legalStageChanged(b1, theirs, 'recommended', 800_000), `referral-${b1}`, 0),
      ]);
      const own = await queries.legalPipeline(REPORT_TIME, mine);
      expect(own.byStage).toMatchObject({ recommended: 1, authorized: 0, forwarded: 1, judgment: 0 });
      expect(own.accounts.map((a) => [a.accountId, a.stage, a.balance, a.attorneyId])).toEqual(
        expect.arrayContaining([
          [a1, 'recommended', 500_000, null],
          [a2, 'forwarded', 700_000, 'attorney-1'],
        ]),
      );
      expect(own.accounts).toHaveLength(2);
      const everyone = await queries.legalPipeline(REPORT_TIME);
      expect(everyone.accounts.map((a) => a.accountId)).toEqual(expect.arrayContaining([a1, a2, b1]));
      expect(everyone.accounts.map((a) => a.accountId)).not.toContain(a3);
    });

    it('shows each stage of the pipeline with its count, its amounts and the days accounts spent in it, past stints and the current one', async () => {
      const client = id('client');
      const [a1, a2] = [id('a1'), id('a2')];
      await applyAll([
        projected(LegalStageChanged, legalStageChanged(a1, client, 'forwarded', 700_000, 'att-1', '2026-07-01T00:00:00.000Z'), `referral-${a1}`, 3),
        projected(LegalStageChanged, legalStageChanged(a1, client, 'acknowledged', 700_000, 'att-1', '2026-07-03T00:00:00.000Z'), `referral-${a1}`, 4),
        projected(LegalStageChanged, legalStageChanged(a1, client, 'suit-filed', 700_000, 'att-1', '2026-07-13T00:00:00.000Z'), `referral-${a1}`, 5),
        projected(LegalStageChanged, legalStageChanged(a2, client, 'forwarded', 900_000, 'att-1', '2026-07-10T00:00:00.000Z'), `referral-${a2}`, 3),
        projected(LegalStageChanged, legalStageChanged(a2, client, 'suit-filed', 900_000, 'att-1', '2026-07-14T00:00:00.000Z'), `referral-${a2}`, 4),
      ]);
      const { stages, byStage } = await queries.legalPipeline(new Date('2026-07-15T00:00:00.000Z'), client);
      expect(stages.map((s) => s.stage)).toEqual(Object.keys(byStage));
      const of = (stage: string) => stages.find((s) => s.stage === stage);
      // forwarded: a1 2 days, a2 4 days; acknowledged: a1 10 days; suit-filed now: a1 2 days, a2 1 day.
      expect(of('forwarded')).toEqual({ stage: 'forwarded', count: 0, amounts: [], averageDaysInStage: 3 });
      expect(of('acknowledged')).toEqual({ stage: 'acknowledged', count: 0, amounts: [], averageDaysInStage: 10 });
      expect(of('suit-filed')).toEqual({ stage: 'suit-filed', count: 2, amounts: [{ currency: 'USD', amount: 1_600_000 }], averageDaysInStage: 1.5 });
      expect(of('judgment')).toEqual({ stage: 'judgment', count: 0, amounts: [], averageDaysInStage: null });
    });

    it('keeps an account out of the legal pipeline when its closing overtook its first stage change', async () => {
      const [client, account] = [id('client'), id('account')];
      await applyAll([projected(AccountClosed, accountClosed(account, client, 'paid-in-full'), `account-${account}`, 2)]);
      expect(await queries.legalPipeline(REPORT_TIME, client)).toMatchObject({ byStage: { recommended: 0, authorized: 0, forwarded: 0 }, accounts: [] });
      await applyAll([projected(LegalStageChanged, legalStageChanged(account, client, 'recommended', 500_000), `referral-${account}`, 0)]);
      expect(await queries.legalPipeline(REPORT_TIME, client)).toMatchObject({ byStage: { recommended: 0, authorized: 0, forwarded: 0 }, accounts: [] });
      expect((await queries.legalPipeline(REPORT_TIME)).accounts.map((a) => a.accountId)).not.toContain(account);
    });

    it('follows an account closed, reopened after a bounced payment and closed again, each fact counted once however often delivered', async () => {
      const [client, account, other] = [id('client'), id('account'), id('other')];
      const [ledger, intake] = [`ledger-${account}`, `account-${account}`];
      const paidOff = (version: number, paymentId: string): ProjectedEvent[] => [
        projected(PaymentPosted, paymentPosted(account, client, paymentId, 300_000, 0), ledger, version),
        projected(AccountPaidInFull, accountPaidInFull(account, client), ledger, version),
      ];
      const untilClosed = [
        projected(AccountPlaced, accountPlaced(account, client, 300_000), intake, 0),
        projected(AccountPlaced, accountPlaced(other, client, 100_000), `account-${other}`, 0),
        projected(LegalStageChanged, legalStageChanged(account, client, 'recommended', 300_000), `referral-${account}`, 0),
        ...paidOff(1, 'p1'),
        projected(AccountClosed, accountClosed(account, client, 'paid-in-full'), intake, 1),
      ];
      const untilReopened = [
        ...untilClosed,
        projected(PaymentReversed, paymentReversed(account, client, 'p1', 300_000, 300_000), ledger, 2),
        projected(AccountReopened, accountReopened(account, client, 300_000, 'p1'), intake, 2),
      ];
      const untilClosedAgain = [...untilReopened, ...paidOff(3, 'p2'), projected(AccountClosed, accountClosed(account, client, 'paid-in-full', '2026-08-21T09:00:00.000Z'), intake, 3)];

      await applyAll(untilReopened);
      await applyAll(untilReopened);
      expect(await queries.portfolio(client)).toMatchObject({ placedCount: 2, active: 2, closedByCode: {}, collected: 0, recoveryRateBp: 0 });
      expect(await queries.accountSummary(account)).toMatchObject({ status: 'active', closingCode: null, closedAt: null, reopenedAt: '2026-08-05T09:00:00.000Z', paidInFullAt: null, balance: 300_000 });
      expect((await queries.legalPipeline(REPORT_TIME, client)).accounts).toEqual([expect.objectContaining({ accountId: account, stage: 'recommended' })]);

      await applyAll(untilClosedAgain);
      await applyAll(untilClosedAgain);
      // The first closing once more, as a relay replaying from its checkpoint would send it.
      await applyAll(untilClosed);
      expect(await queries.portfolio(client)).toMatchObject({ placedCount: 2, active: 1, closedByCode: { 'paid-in-full': 1 }, collected: 300_000, recoveryRateBp: 7_500 });
      expect(await queries.accountSummary(account)).toMatchObject({ status: 'closed', closingCode: 'paid-in-full', closedAt: '2026-08-21T09:00:00.000Z', reopenedAt: '2026-08-05T09:00:00.000Z' });
      expect(await queries.legalPipeline(REPORT_TIME, client)).toMatchObject({ byStage: { recommended: 0, authorized: 0, forwarded: 0 }, accounts: [] });
    });

    it('answers a summary stored before reopenings were reported as never reopened, and reopens it', async () => {
      const [client, account] = [id('client'), id('account')];
      // The document as the projection wrote it before `reopenedAt` and `statusVersion` existed.
      const before: Projection<Record<string, unknown>> = {
        name: ACCOUNT_SUMMARIES,
        handles: [AccountClosed.type],
        documentIds: (event) => [event.data.accountId],
        evolve: (_document, event) => ({
          accountId: account,
          clientId: client,
          clientReference: null,
          currency: 'USD',
          placedAt: null,
          status: 'closed',
          closingCode: event.data.closingCode,
          closedAt: event.data.closedAt,
          placedAmount: 300_000,
          collected: 300_000,
          balance: 0,
          ledgerBalance: 0,
          paidInFullAt: '2026-07-30T09:00:00.000Z',
          lastContactAt: null,
          noticesSent: 0,
          contactAttempts: 0,
          rightPartyContacts: 0,
          promises: [],
          legalAuthorizedAt: null,
          legalStage: null,
        }),
      };
      await store.apply(before, [projected(AccountClosed, accountClosed(account, client, 'paid-in-full'), `account-${account}`, 1)]);
      expect(await queries.accountSummary(account)).toMatchObject({ status: 'closed', reopenedAt: null });
      await applyAll([projected(AccountReopened, accountReopened(account, client, 300_000), `account-${account}`, 2)]);
      const reopened = await queries.accountSummary(account);
      expect(reopened).toMatchObject({ status: 'active', closingCode: null, reopenedAt: '2026-08-05T09:00:00.000Z' });
      expect(reopened).not.toHaveProperty('statusVersion');
    });

    it('orders an account history by time, then by service, then by version, and keeps odd data intact', async () => {
      const [account, other] = [id('account'), id('other')];
      const at = (minute: number) => `2026-06-01T09:${String(minute).padStart(2, '0')}:00.000Z`;
      const records = [
        auditRecord('payments', account, `ledger-${account}`, 0, 'PaymentPosted', at(5), { 'invoice.no': 'INV-1', $amount: 5 }),
        auditRecord('legal-referral', account, `referral-${account}`, 0, 'ReferralRecommended', at(5)),
        auditRecord('debtor-contact', account, `contact-${account}`, 1, 'NoticeSent', at(1)),
        auditRecord('debtor-contact', account, `contact-${account}`, 0, 'ContactCaseOpened', at(1)),
        auditRecord('client-intake', account, `account-${account}`, 1, 'AccountClosed', at(9)),
        auditRecord('client-intake', account, `account-${account}`, 0, 'AccountPlaced', at(1)),
        auditRecord('client-intake', other, `account-${other}`, 0, 'AccountPlaced', at(0)),
      ];
      await applyAll(records.map(auditEventOf));
      await applyAll(records.map(auditEventOf));

      const history = await queries.accountHistory(account);
      expect(history.map((e) => `${e.service}/${e.type}`)).toEqual([
        'client-intake/AccountPlaced',
        'debtor-contact/ContactCaseOpened',
        'debtor-contact/NoticeSent',
        'payments/PaymentPosted',
        'legal-referral/ReferralRecommended',
        'client-intake/AccountClosed',
      ]);
      expect(history[3]).toEqual({
        service: 'payments',
        streamId: `ledger-${account}`,
        version: 0,
        type: 'PaymentPosted',
        data: { 'invoice.no': 'INV-1', $amount: 5 },
        eventId: `ledger-${account}@0`,
        actor: { role: 'collector', id: 'collector-1' },
        occurredAt: at(5),
        recordedAt: at(5),
        effectiveAt: at(5),
        correlationId: `corr-ledger-${account}`,
        causationId: `cause-ledger-${account}-0`,
      });
      const timeline = await queries.accountTimeline(account);
      expect(timeline).toHaveLength(6);
      expect(timeline[3]).not.toHaveProperty('data');
      expect(await queries.accountHistory(id('unknown'))).toEqual([]);
    });

    it('shows an imported event with the time the import recorded it and the business date it stands for, in recording order', async () => {
      const account = id('account');
      const imported = (version: number, type: string, effectiveAt: string): AuditRecordV1 => {
        const record = auditRecord('client-intake', account, `account-${account}`, version, type, '2026-06-01T09:00:00.000Z');
        return { ...record, metadata: { ...record.metadata, principal: { role: 'admin', id: 'admin-1' }, effectiveAt } };
      };
      await applyAll([imported(0, 'AccountPlaced', '2025-04-27T00:00:00.000Z'), imported(1, 'EarlierPaymentImported', '2025-06-01T00:00:00.000Z')].map(auditEventOf));

      const history = await queries.accountHistory(account);
      expect(history.map(({ type, actor, recordedAt, effectiveAt }) => ({ type, actor: actor.role, recordedAt, effectiveAt }))).toEqual([
        { type: 'AccountPlaced', actor: 'admin', recordedAt: '2026-06-01T09:00:00.000Z', effectiveAt: '2025-04-27T00:00:00.000Z' },
        { type: 'EarlierPaymentImported', actor: 'admin', recordedAt: '2026-06-01T09:00:00.000Z', effectiveAt: '2025-06-01T00:00:00.000Z' },
      ]);
      expect((await queries.accountTimeline(account))[0]).toMatchObject({ recordedAt: '2026-06-01T09:00:00.000Z', effectiveAt: '2025-04-27T00:00:00.000Z' });
    });

    it('exports an account whole: in the history order, data as stored, every metadata field with the hash-chain link', async () => {
      const account = id('account');
      const at = (minute: number) => `2026-06-01T09:${String(minute).padStart(2, '0')}:00.000Z`;
      const records = [
        auditRecord('payments', account, `ledger-${account}`, 0, 'PaymentPosted', at(5), { 'invoice.no': 'INV-1', $amount: 5 }),
        auditRecord('client-intake', account, `account-${account}`, 0, 'AccountPlaced', at(1)),
      ];
      await applyAll(records.map(auditEventOf));
      const exported = await queries.accountExportEvents(account);
      expect(exported.map((event) => event.type)).toEqual((await queries.accountHistory(account)).map((entry) => entry.type));
      expect(exported[1]).toEqual({
        record: 'event',
        service: 'payments',
        accountId: account,
        streamId: `ledger-${account}`,
        version: 0,
        type: 'PaymentPosted',
        data: { 'invoice.no': 'INV-1', $amount: 5 },
        metadata: records[0].metadata,
      });
      expect(await queries.accountExportEvents(id('unknown'))).toEqual([]);
    });

    it("lists a client's account ids in id order, page by page, each once, and no other client's", async () => {
      const [client, other] = [id('client'), id('other-client')];
      const accounts = ['c', 'a', 'e', 'b', 'd'].map((letter) => id(`account-${letter}`));
      await applyAll([
        ...accounts.map((account, index) => projected(AccountPlaced, accountPlaced(account, client, 1_000), `account-${account}`, index)),
        projected(AccountPlaced, accountPlaced(id('account-x'), other, 1_000), `account-${id('account-x')}`, 0),
      ]);
      const listed: string[] = [];
      for await (const accountId of queries.accountIdsOf(client, 2)) listed.push(accountId);
      expect(listed).toEqual([...accounts].sort());
      const none: string[] = [];
      for await (const accountId of queries.accountIdsOf(id('nobody'), 2)) none.push(accountId);
      expect(none).toEqual([]);
    });

    /** `account`'s history after the given events of its account streams were recorded, one line per event. */
    async function historyAfter(account: string, records: AuditRecordV1[]): Promise<string[]> {
      await applyAll(records.map(auditEventOf));
      return (await queries.accountHistory(account)).map((e) => `${e.service} ${e.streamId.replace(account, '')}@${e.version} ${e.type}`);
    }
    /** An event of `account` stored by `service` in its account stream, `minute` past nine by that service's clock. */
    const storedBy = (account: string) => (service: AuditedService, version: number, type: string, minute: number) =>
      auditRecord(service, account, streamIdsOf(service, account)[0], version, type, `2026-06-01T09:${String(minute).padStart(2, '0')}:00.000Z`);

    it('puts no event before its cause when the clock stood still (a test clock): payment, then the closing it caused', async () => {
      const account = id('account');
      const stored = storedBy(account);
      const placed = stored('client-intake', 0, 'AccountPlaced', 0);
      const paid = stored('payments', 1, 'PaymentPosted', 0);
      const closed = causedBy(stored('client-intake', 1, 'AccountClosed', 0), paid, 'AccountPaidInFull.v1');
      const history = await historyAfter(account, [
        placed,
        causedBy(stored('payments', 0, 'LedgerOpened', 0), placed, 'AccountPlaced.v1'),
        paid,
        closed,
        causedBy(stored('legal-referral', 0, 'ReferralCaseOpened', 0), placed, 'AccountPlaced.v1'),
        causedBy(stored('legal-referral', 1, 'ReferralCaseClosed', 0), closed, 'AccountClosed.v1'),
      ]);
      expect(history).toEqual([
        'client-intake account-@0 AccountPlaced',
        'payments ledger-@0 LedgerOpened',
        'payments ledger-@1 PaymentPosted',
        'client-intake account-@1 AccountClosed',
        'legal-referral referral-@0 ReferralCaseOpened',
        'legal-referral referral-@1 ReferralCaseClosed',
      ]);
    });

    it('shows a reopening in the history, after the reversal that caused it and before the closing that followed', async () => {
      const account = id('account');
      const stored = storedBy(account);
      const placed = stored('client-intake', 0, 'AccountPlaced', 0);
      const paid = stored('payments', 1, 'PaymentPosted', 0);
      const reversed = stored('payments', 2, 'PaymentReversed', 0);
      const paidAgain = stored('payments', 3, 'PaymentPosted', 0);
      const history = await historyAfter(account, [
        placed,
        causedBy(stored('payments', 0, 'LedgerOpened', 0), placed, 'AccountPlaced.v1'),
        paid,
        causedBy(stored('client-intake', 1, 'AccountClosed', 0), paid, 'AccountPaidInFull.v1'),
        reversed,
        causedBy(stored('client-intake', 2, 'AccountReopened', 0), reversed, 'PaymentReversed.v1'),
        paidAgain,
        causedBy(stored('client-intake', 3, 'AccountClosed', 0), paidAgain, 'AccountPaidInFull.v1'),
      ]);
      expect(history).toEqual([
        'client-intake account-@0 AccountPlaced',
        'payments ledger-@0 LedgerOpened',
        'payments ledger-@1 PaymentPosted',
        'client-intake account-@1 AccountClosed',
        'payments ledger-@2 PaymentReversed',
        'client-intake account-@2 AccountReopened',
        'payments ledger-@3 PaymentPosted',
        'client-intake account-@3 AccountClosed',
      ]);
      expect((await queries.accountTimeline(account)).map((entry) => entry.type)).toContain('AccountReopened');
    });

    it("puts no event before its cause when one host's clock is behind, and keeps each stream in its own order", async () => {
      const account = id('account');
      const stored = storedBy(account);
      const placed = stored('client-intake', 0, 'AccountPlaced', 0);
      const paid = stored('payments', 0, 'PaymentPosted', 5);
      // client-intake's clock runs two minutes behind payments'.
      const closed = causedBy(stored('client-intake', 1, 'AccountClosed', 3), paid, 'AccountPaidInFull.v1');
      const history = await historyAfter(account, [
        placed,
        causedBy(stored('debtor-contact', 0, 'ContactCaseOpened', 1), placed, 'AccountPlaced.v1'),
        paid,
        closed,
        stored('client-intake', 2, 'AccountNoteAdded', 4),
        causedBy(stored('debtor-contact', 1, 'ContactCaseClosed', 6), closed, 'AccountClosed.v1'),
      ]);
      expect(history).toEqual([
        'client-intake account-@0 AccountPlaced',
        'debtor-contact contact-@0 ContactCaseOpened',
        'payments ledger-@0 PaymentPosted',
        'client-intake account-@1 AccountClosed',
        'client-intake account-@2 AccountNoteAdded',
        'debtor-contact contact-@1 ContactCaseClosed',
      ]);
    });

    it('folds an account, a portfolio and the trust figures as of an instant from the logged events, before and after a payment', async () => {
      const [client, account] = [id('client'), id('account')];
      const recorded = (event: ProjectedEvent, occurredAt: string): ProjectedEvent => ({ ...event, metadata: { ...event.metadata, occurredAt } });
      await applyAll([
        recorded(projected(AccountPlaced, accountPlaced(account, client, 300_000), `account-${account}`, 0), '2026-06-01T09:00:00.000Z'),
        recorded(projected(PaymentPosted, paymentPosted(account, client, 'p1', 100_000, 200_000), `ledger-${account}`, 1), '2026-06-02T09:00:00.000Z'),
      ]);
      const asOf = new AsOfQueries(store);
      expect(await asOf.accountSummary(account, '2026-06-02T08:59:59.999Z')).toEqual(expect.objectContaining({ placedAmount: 300_000, collected: 0, balance: 300_000 }));
      expect(await asOf.accountSummary(account, '2026-06-02T09:00:00.000Z')).toEqual(await queries.accountSummary(account));
      expect(await asOf.accountSummary(account, '2026-05-31T00:00:00.000Z')).toBeNull();
      expect(await asOf.portfolio(client, '2026-06-01T12:00:00.000Z')).toEqual(expect.objectContaining({ placedCount: 1, collected: 0 }));
      expect(await asOf.portfolio(client, '2026-06-03T00:00:00.000Z')).toEqual(await queries.portfolio(client));
      expect((await asOf.trustSummary(client, '2026-06-01T12:00:00.000Z')).byCurrency).toEqual({});
      expect(await asOf.trustSummary(client, '2026-06-03T00:00:00.000Z')).toEqual(await queries.trustSummary(client));
      expect((await queries.trustSummary(client)).byCurrency.USD).toEqual(expect.objectContaining({ received: 100_000, commission: 25_000 }));
    });

    it('adds what the retired trust summary held to the buckets stored before they kept trust figures, and only to those', async () => {
      const client = id('client');
      const [before, since, fresh] = [id('before'), id('since'), id('fresh')];
      const payment = (account: string, paymentId: string, amount: number, version: number) => projected(PaymentPosted, paymentPosted(account, client, paymentId, amount, 0), `ledger-${account}`, version);
      // The store as written before: portfolio buckets without trust figures, those in `trust_summary`.
      const portfolioBefore: Projection<PortfolioBucket> = {
        ...portfolioProjection,
        evolve: (document, event) => {
          const bucket = portfolioProjection.evolve(document, event);
          if (!bucket) return bucket;
          const { trustByCurrency: _figures, trustBeforeInRetired: _retired, ...kept } = bucket;
          return kept;
        },
      };
      const earlier = [payment(before, 'p1', 10_000, 0), payment(since, 'p2', 20_000, 0)];
      await store.apply(portfolioBefore, earlier);
      await store.apply(trustSummaryProjection, earlier);
      // Then, kept in the portfolio: one more payment on a bucket stored before, one on a new bucket.
      await applyAll([payment(since, 'p3', 30_000, 1), payment(fresh, 'p4', 40_000, 0)]);

      const figures = (await queries.trustSummary(client)).byCurrency.USD;
      expect(figures).toEqual(expect.objectContaining({ received: 100_000, payments: 4 }));
      expect((await queries.trustSummary(null)).byCurrency.USD).toEqual(expect.objectContaining({ received: expect.any(Number) }));
      expect((await queries.trustSummary(null)).byCurrency.USD.received).toBeGreaterThanOrEqual(100_000);

      // A rebuild writes every bucket anew, holding all its figures: what was retired no longer counts.
      await store.reset(PORTFOLIO);
      await applyAll([...earlier, payment(since, 'p3', 30_000, 1), payment(fresh, 'p4', 40_000, 0)]);
      expect((await queries.trustSummary(client)).byCurrency.USD).toEqual(figures);
    });

    it('pages the compliance decision ledger with filters and a cursor', async () => {
      const account = id('account');
      const decision = (version: number, occurredAt: string, data: Record<string, unknown>) => auditRecord('debtor-contact', account, `contact-${account}`, version, data.rule ? 'ContactAttemptRefused' : 'ContactAttemptRecorded', occurredAt, { accountId: account, clientId: id('client'), channel: 'phone', ...data });
      const records = [
        decision(1, '2026-06-01T10:00:00.000Z', { compliance: [{ rule: 'call-window', version: 2, decision: 'allow' }, { rule: 'do-not-contact', version: 1, decision: 'allow' }] }),
        decision(2, '2026-06-01T23:00:00.000Z', { rule: 'call-window', version: 2, reason: 'too late' }),
        decision(3, '2026-06-02T10:00:00.000Z', { compliance: [{ rule: 'call-window', version: 2, decision: 'allow' }] }),
      ];
      await store.apply(complianceDecisionsProjection, records.flatMap((record) => complianceDecisionsOf(record)));
      const first = await complianceDecisionPage(store, { accountId: account }, null, 2);
      const second = await complianceDecisionPage(store, { accountId: account }, first.nextCursor, 2);
      expect([...first.decisions, ...second.decisions].map((entry) => `${entry.rule}:${entry.decision}`)).toEqual(['call-window:allow', 'do-not-contact:allow', 'call-window:deny', 'call-window:allow']);
      expect(second.nextCursor).toBeNull();
      expect((await complianceDecisionPage(store, { accountId: account, rule: 'call-window', decision: 'deny' }, null, 10)).decisions).toEqual([expect.objectContaining({ reason: 'too late', ruleVersion: 2 })]);
      expect((await complianceDecisionPage(store, { accountId: account, from: '2026-06-01T23:00:00.000Z', to: '2026-06-02T10:00:00.000Z' }, null, 10)).decisions.map((entry) => entry.decision)).toEqual(['deny']);
    });
  });
}
