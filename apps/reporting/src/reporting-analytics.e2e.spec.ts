import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { TestClock } from '@lib/clock';
import { AccountClosed, AccountPlaced, ContactAttemptRecorded, Contract, PaymentPosted, PaymentReversed, PromiseToPayMade } from '@lib/contracts';
import { createPglite, createPgliteEventStore } from '@lib/event-store';
import { createInProcessMessageBus, IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { throwawayDatabase } from '@lib/read-models/testing/throwaway-database';
import { createHttpApp, ProcessContext, rootModule, ServiceDependencies } from '@lib/platform';
import { fixedClientKeys, staffBearer as staff, TEST_STAFF_TOKEN_SECRET, testStaffAuth } from '../../../test/support/service-under-test';
import { accountClosed, accountPlaced, contactAttemptRecorded, paymentPosted, paymentReversed, promiseToPayMade } from './read-models/reporting.fixtures';
import { loadReportingConfig } from './reporting.config';
import { ReportingService } from './reporting.service';

/**
 * Aging, liquidation and collector performance over HTTP, for a seeded portfolio published
 * as the other services would publish it; the expected figures are computed here from the
 * raw placements and payments, by loops written for the test, not by the projections.
 * Runs on in-memory read models and, with MONGO_URL, on the MongoDB-wire server.
 */
const TODAY = '2026-06-15';
const DAY = 86_400_000;
const CLIENT_A = randomUUID();
const CLIENT_B = randomUUID();
const SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

interface SeedPayment {
  id: string;
  on: string;
  paid: number;
  /** As payments allocates: oldest open invoice first (due date, then number); the rest is credit. */
  allocations: Record<string, number>;
  credit: number;
  reversedOn?: string;
}
interface SeedAccount {
  id: string;
  clientId: string;
  placedOn: string;
  /** A migration import: placed, and paid before the import, as of earlier days (`effective-at`). */
  imported: boolean;
  currency: string;
  invoices: Array<{ number: string; dueDate: string; amount: number }>;
  payments: SeedPayment[];
  closed?: { code: string; on: string };
}

/** The portfolio, as clients placed it and debtors paid it. */
function seedPortfolio(): SeedAccount[] {
  const account = (
    clientId: string,
    placedOn: string,
    currency: string,
    invoices: Array<[string, string, number]>,
    payments: Array<[string, number, string?]>,
    extra: { imported?: boolean; closed?: { code: string; on: string } } = {},
  ): SeedAccount => {
    const open = new Map(invoices.map(([number, , amount]) => [number, amount]));
    const oldestFirst = [...invoices].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
    return {
      id: randomUUID(),
      clientId,
      placedOn,
      imported: extra.imported ?? false,
      currency,
      invoices: invoices.map(([number, dueDate, amount]) => ({ number, dueDate, amount })),
      closed: extra.closed,
      payments: payments.map(([on, paid, reversedOn], index) => {
        let left = paid;
        const allocations: Record<string, number> = {};
        for (const [number] of oldestFirst) {
          const take = Math.min(left, open.get(number)!);
          if (take > 0) allocations[number] = take;
          open.set(number, open.get(number)! - take);
          left -= take;
        }
        if (reversedOn) for (const [number, amount] of Object.entries(allocations)) open.set(number, open.get(number)! + amount);
        return { id: `pay-${index}-${randomUUID().slice(0, 8)}`, on, paid, allocations, credit: left, reversedOn };
      }),
    };
  };
  return [
    account(CLIENT_A, '2026-01-10', 'USD', [['I1', '2025-12-01', 100_000], ['I2', '2026-01-05', 50_000]], [['2026-01-25', 30_000], ['2026-03-03', 40_000], ['2026-05-20', 90_000]]),
    account(CLIENT_A, '2026-01-28', 'USD', [['I1', '2025-10-15', 80_000]], [['2026-02-14', 85_000]], { closed: { code: 'paid-in-full', on: '2026-02-14' } }),
    account(CLIENT_A, '2026-03-15', 'USD', [['I1', '2026-03-01', 60_000]], [['2026-04-02', 10_000, '2026-04-20']]),
    account(CLIENT_A, '2026-03-20', 'EUR', [['I1', '2025-06-30', 45_000]], [['2026-05-05', 5_000]]),
    account(CLIENT_A, '2025-11-03', 'USD', [['I1', '2025-01-15', 200_000]], [['2025-12-10', 50_000], ['2026-02-01', 25_000]], { imported: true }),
    account(CLIENT_A, '2026-05-02', 'USD', [['I1', '2026-04-01', 12_000]], [], { closed: { code: 'recalled', on: '2026-06-01' } }),
    account(CLIENT_B, '2026-02-03', 'USD', [['I1', '2025-12-20', 70_000], ['I2', '2026-01-20', 30_000]], [['2026-03-10', 35_000], ['2026-06-10', 10_000]]),
    account(CLIENT_B, '2026-04-11', 'USD', [['I1', '2024-12-31', 15_000]], []),
  ];
}

const endOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`) + DAY;
const instant = (day: string) => `${day}T00:00:00.000Z`;

/** Aging computed straight from the seed: each invoice less its allocations by the day, reversals put back; none for a closed account. */
function expectedAging(seed: SeedAccount[], asOf: string): Record<string, Record<string, number>> {
  const end = endOf(asOf);
  const result: Record<string, Record<string, number>> = {};
  for (const account of seed) {
    if (Date.parse(instant(account.placedOn)) >= end) continue;
    if (account.closed && Date.parse(instant(account.closed.on)) < end) continue;
    for (const invoice of account.invoices) {
      let open = invoice.amount;
      for (const payment of account.payments) {
        if (Date.parse(instant(payment.on)) < end) open -= payment.allocations[invoice.number] ?? 0;
        if (payment.reversedOn && Date.parse(instant(payment.reversedOn)) < end) open += payment.allocations[invoice.number] ?? 0;
      }
      if (open <= 0) continue;
      const days = (Date.parse(instant(asOf)) - Date.parse(instant(invoice.dueDate))) / DAY;
      const bucket = days <= 30 ? '0-30' : days <= 60 ? '31-60' : days <= 90 ? '61-90' : days <= 180 ? '91-180' : days <= 365 ? '181-365' : '365+';
      result[account.currency] ??= {};
      result[account.currency][bucket] = (result[account.currency][bucket] ?? 0) + open;
    }
  }
  return result;
}

/** Liquidation straight from the seed: per placement month and currency, allocations (never credit) by the end of each month since, less reversals. */
function expectedLiquidation(seed: SeedAccount[], asOf: string) {
  const cohorts = new Map<string, { month: string; currency: string; accounts: number; placedAmount: number; accountsIn: SeedAccount[] }>();
  for (const account of seed) {
    if (Date.parse(instant(account.placedOn)) >= endOf(asOf)) continue;
    const month = account.placedOn.slice(0, 7);
    const key = `${month} ${account.currency}`;
    const cohort = cohorts.get(key) ?? { month, currency: account.currency, accounts: 0, placedAmount: 0, accountsIn: [] };
    cohort.accounts += 1;
    cohort.placedAmount += account.invoices.reduce((sum, invoice) => sum + invoice.amount, 0);
    cohort.accountsIn.push(account);
    cohorts.set(key, cohort);
  }
  const [asOfYear, asOfMonth] = asOf.split('-').map(Number);
  return [...cohorts.keys()].sort().map((key) => {
    const { month, currency, accounts, placedAmount, accountsIn } = cohorts.get(key)!;
    const [year, monthIndex] = month.split('-').map(Number);
    const count = (asOfYear - year) * 12 + (asOfMonth - monthIndex) + 1;
    const points = Array.from({ length: count }, (_, i) => {
      const bound = Math.min(Date.UTC(year, monthIndex - 1 + i + 1, 1), endOf(asOf));
      let collected = 0;
      for (const account of accountsIn) {
        for (const payment of account.payments) {
          const applied = Object.values(payment.allocations).reduce((sum, amount) => sum + amount, 0);
          if (Date.parse(instant(payment.on)) < bound) collected += applied;
          if (payment.reversedOn && Date.parse(instant(payment.reversedOn)) < bound) collected -= applied;
        }
      }
      return { months: i + 1, collected, shareBp: Math.round((collected * 10_000) / placedAmount) };
    });
    return { month, currency, accounts, placedAmount, points };
  });
}

const mongoUrl = process.env.MONGO_URL;
const modes: Array<[string, Record<string, string>, (() => Promise<void>) | undefined]> = [['in-memory read models', { READ_MODELS: 'memory' }, undefined]];
if (mongoUrl) {
  const { dbName, drop } = throwawayDatabase(mongoUrl, 'reporting_analytics_e2e');
  const url = new URL(mongoUrl);
  url.pathname = `/${dbName}`;
  modes.push(['MongoDB-wire read models', { READ_MODELS: 'mongo', MONGO_URL: url.toString() }, drop]);
}

describe.each(modes)('aging, liquidation and collector performance over HTTP (%s)', (_mode, env, drop) => {
  const seed = seedPortfolio();
  let bus: MessageBus;
  let handled: Map<string, number>;
  let closers: Array<() => Promise<void>>;
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    bus = createInProcessMessageBus({ retryBackoff: { initialMs: 5, maxMs: 20 } });
    handled = new Map();
    closers = [];
    const db = createPglite();
    const deps: ServiceDependencies = {
      eventStore: await createPgliteEventStore({ db, schema: 'reporting' }),
      bus: countingHandled(bus, handled),
      clock: new TestClock(`${TODAY}T09:00:00.000Z`),
      newId: randomUUID,
    };
    closers.push(async () => {
      await deps.eventStore.close();
      await db.close();
    });
    const processContext: ProcessContext = {
      config: loadReportingConfig({ PGLITE_DATA_DIR: 'memory', STAFF_TOKEN_SECRET: TEST_STAFF_TOKEN_SECRET, AGENCY_SIGNING_KEY: SIGNING_KEY, ...env }),
      localStores: new Map(),
      onClose: (close) => closers.push(close),
    };
    const module = await ReportingService.create(deps, processContext);
    app = await createHttpApp({ title: 'reporting analytics test', quiet: true, module: rootModule(['reporting'], [module, fixedClientKeys({ 'key-a': CLIENT_A, 'key-b': CLIENT_B })], testStaffAuth) });
    await app.init();
    http = request(app.getHttpServer());
    await publishPortfolio();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    for (const close of closers.reverse()) await close();
    await bus?.close();
    await drop?.();
  });

  /** Publishes what another service's relay would, with the business date of an import; resolves once reporting handled it. */
  async function publish<Data extends { accountId: string }>(contract: Contract<Data>, data: Data, stream: string, version: number, effectiveAt?: string): Promise<void> {
    const messageId = `${stream}@${version}:${contract.type}`;
    await bus.publish([
      {
        topic: contract.topic,
        key: data.accountId,
        value: data,
        headers: {
          'message-type': contract.type,
          'message-id': messageId,
          'correlation-id': 'corr-1',
          'causation-id': `${stream}@${version}`,
          'principal-role': 'system',
          'principal-id': 'test',
          'source-stream': stream,
          'source-version': String(version),
          'occurred-at': `${TODAY}T08:00:00.000Z`,
          ...(effectiveAt ? { 'effective-at': effectiveAt } : {}),
        },
      },
    ]);
    await waitFor(`reporting to handle ${messageId}`, () => (handled.get(messageId) ?? 0) > 0, { timeoutMs: 10_000 });
  }

  async function publishPortfolio(): Promise<void> {
    for (const account of seed) {
      const placed = {
        ...accountPlaced(account.id, account.clientId, account.invoices.reduce((sum, invoice) => sum + invoice.amount, 0), account.currency),
        invoices: account.invoices.map((invoice) => ({ number: invoice.number, issueDate: '2024-01-01', dueDate: invoice.dueDate, originalAmount: invoice.amount, currency: account.currency })),
        placedAt: instant(account.placedOn),
      };
      await publish(AccountPlaced, placed, `account-${account.id}`, 0, account.imported ? instant(account.placedOn) : undefined);
      let ledgerVersion = 0;
      for (const payment of account.payments) {
        const posted = {
          ...paymentPosted(account.id, account.clientId, payment.id, payment.paid, 0, account.currency),
          allocations: Object.entries(payment.allocations).map(([invoiceNumber, amount]) => ({ invoiceNumber, amount })),
          credit: payment.credit,
          postedAt: instant(payment.on),
        };
        await publish(PaymentPosted, posted, `ledger-${account.id}`, ledgerVersion++, account.imported ? instant(payment.on) : undefined);
        if (payment.reversedOn) {
          const reversed = {
            ...paymentReversed(account.id, account.clientId, payment.id, payment.paid, 0),
            currency: account.currency,
            allocations: Object.entries(payment.allocations).map(([invoiceNumber, amount]) => ({ invoiceNumber, amount })),
            credit: payment.credit,
            reversedAt: instant(payment.reversedOn),
          };
          await publish(PaymentReversed, reversed, `ledger-${account.id}`, ledgerVersion++);
        }
      }
      if (account.closed) await publish(AccountClosed, accountClosed(account.id, account.clientId, account.closed.code, instant(account.closed.on)), `account-${account.id}`, 1);
    }
    // Collection work in May on the first account of each client; B's payment of June 10 follows Bob's right-party contact.
    const [a1, b1] = [seed[0], seed[6]];
    await publish(ContactAttemptRecorded, { ...contactAttemptRecorded(a1.id, CLIENT_A, '2026-05-18T14:00:00.000Z', true), attemptId: 'att-1', collectorId: 'alice' }, `contact-${a1.id}`, 0);
    await publish(PromiseToPayMade, { ...promiseToPayMade(a1.id, CLIENT_A, 'promise-1', 90_000), collectorId: 'alice', madeAt: '2026-05-18T14:05:00.000Z', dueDate: '2026-05-25' }, `contact-${a1.id}`, 1);
    await publish(ContactAttemptRecorded, { ...contactAttemptRecorded(b1.id, CLIENT_B, '2026-05-02T10:00:00.000Z', false), attemptId: 'att-2', collectorId: 'bob' }, `contact-${b1.id}`, 0);
    await publish(ContactAttemptRecorded, { ...contactAttemptRecorded(b1.id, CLIENT_B, '2026-06-03T10:00:00.000Z', true), attemptId: 'att-3', collectorId: 'bob' }, `contact-${b1.id}`, 1);
  }

  const bucketsOf = (currencies: Array<{ currency: string; buckets: Array<{ bucket: string; amount: number }> }>) =>
    Object.fromEntries(currencies.map((c) => [c.currency, Object.fromEntries(c.buckets.filter((b) => b.amount > 0).map((b) => [b.bucket, b.amount]))]));

  it.each(['2026-01-31', '2026-03-31', '2026-04-10', TODAY])('ages each client’s and the agency’s open balances as of %s as the raw placements and payments say', async (asOf) => {
    for (const clientId of [CLIENT_A, CLIENT_B]) {
      const answer = await http.get(`/reports/clients/${clientId}/aging?asOf=${asOf}`).set('authorization', staff('supervisor')).expect(200);
      expect(answer.body).toMatchObject({ clientId, asOf });
      expect(bucketsOf(answer.body.currencies)).toEqual(expectedAging(seed.filter((account) => account.clientId === clientId), asOf));
    }
    const agency = await http.get(`/reports/aging?asOf=${asOf}`).set('authorization', staff('accountant')).expect(200);
    expect(bucketsOf(agency.body.currencies)).toEqual(expectedAging(seed, asOf));
    expect(agency.body.clientId).toBeNull();
  });

  it('ages as of today by the clock when no day is asked, and the imported account from its original due date', async () => {
    const answer = await http.get(`/reports/clients/${CLIENT_A}/aging`).set('x-api-key', 'key-a').expect(200);
    expect(answer.body.asOf).toBe(TODAY);
    expect(bucketsOf(answer.body.currencies)).toEqual(expectedAging(seed.filter((account) => account.clientId === CLIENT_A), TODAY));
    // Imported, due 2025-01-15: far over a year past due, not "placed today".
    expect(bucketsOf(answer.body.currencies).USD['365+']).toBe(125_000);
  });

  it('draws liquidation curves per placement month that match the raw payments, per client and agency-wide', async () => {
    for (const clientId of [CLIENT_A, CLIENT_B]) {
      const answer = await http.get(`/reports/clients/${clientId}/liquidation`).set('authorization', staff('compliance')).expect(200);
      expect(answer.body).toEqual({ clientId, asOf: TODAY, cohorts: expectedLiquidation(seed.filter((account) => account.clientId === clientId), TODAY) });
    }
    const agency = await http.get('/reports/liquidation?asOf=2026-04-30').set('authorization', staff('admin')).expect(200);
    expect(agency.body).toEqual({ clientId: null, asOf: '2026-04-30', cohorts: expectedLiquidation(seed, '2026-04-30') });
    // The imported account is the November 2025 cohort, with its earlier payments in the months they were paid.
    expect(agency.body.cohorts[0].month).toBe('2025-11');
    expect(agency.body.cohorts[0].points.map((point: { collected: number }) => point.collected)).toEqual([0, 50_000, 50_000, 75_000, 75_000, 75_000]);
  });

  it('credits collected money to the collector of the promise or the right-party contact before it', async () => {
    const answer = await http.get('/reports/collectors/performance?from=2026-05-01&to=2026-06-30').set('authorization', staff('supervisor')).expect(200);
    const a1Paid = seed[0].payments[2];
    expect(answer.body).toEqual({
      from: '2026-05-01',
      to: '2026-06-30',
      collectors: [
        { collectorId: 'alice', contacts: 1, rightPartyContacts: 1, promisesMade: 1, promisesKept: 0, promisesBroken: 0, collected: [{ currency: 'USD', amount: a1Paid.paid - a1Paid.credit }] },
        { collectorId: 'bob', contacts: 2, rightPartyContacts: 1, promisesMade: 0, promisesKept: 0, promisesBroken: 0, collected: [{ currency: 'USD', amount: 10_000 }] },
      ],
      // A's EUR payment of May 5: nobody had spoken to that debtor.
      unattributed: [{ currency: 'EUR', amount: 5_000 }],
    });
    const csv = await http.get('/reports/collectors/performance.csv?from=2026-05-01&to=2026-06-30').set('authorization', staff('admin')).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')).toEqual([
      'from,to,collector_id,contacts,right_party_contacts,promises_made,promises_kept,promises_broken,currency,collected',
      `2026-05-01,2026-06-30,alice,1,1,1,0,0,USD,${a1Paid.paid - a1Paid.credit}`,
      '2026-05-01,2026-06-30,bob,2,1,0,0,0,USD,10000',
      '2026-05-01,2026-06-30,,0,0,0,0,0,EUR,5000',
      '',
    ]);
  });

  it('downloads aging and liquidation as CSV with the JSON’s figures, and as SVG charts', async () => {
    const json = await http.get(`/reports/clients/${CLIENT_B}/aging?asOf=2026-03-31`).set('x-api-key', 'key-b').expect(200);
    const csv = await http.get(`/reports/clients/${CLIENT_B}/aging.csv?asOf=2026-03-31`).set('x-api-key', 'key-b').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csv.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('as_of,client_id,currency,bucket,min_days,max_days,amount,accounts');
    expect(rows).toHaveLength(1 + 6);
    expect(rows.slice(1).map((row) => Number(row.split(',')[6]))).toEqual(json.body.currencies[0].buckets.map((b: { amount: number }) => b.amount));

    const agencyCsv = await http.get('/reports/liquidation.csv').set('authorization', staff('supervisor')).expect(200);
    const liquidation = expectedLiquidation(seed, TODAY);
    expect(agencyCsv.text.trimEnd().split('\r\n')).toHaveLength(1 + liquidation.reduce((sum, cohort) => sum + cohort.points.length, 0));

    const aging = await http.get(`/reports/aging.svg?asOf=${TODAY}`).set('authorization', staff('supervisor')).responseType('blob').expect(200);
    expect(aging.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = (aging.body as Buffer).toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(`Aging of open balances, all clients, as of ${TODAY}`);
    expect(svg).toContain('>Days past due</text>');
    for (const legend of ['EUR', 'USD']) expect(svg).toContain(`>${legend}</text>`);
    const curves = await http.get(`/reports/clients/${CLIENT_A}/liquidation.svg`).set('x-api-key', 'key-a').responseType('blob').expect(200);
    const curvesSvg = (curves.body as Buffer).toString('utf8');
    expect(curvesSvg.match(/<polyline /g)).toHaveLength(expectedLiquidation(seed.filter((account) => account.clientId === CLIENT_A), TODAY).length);
    expect(curvesSvg).toContain('>Months since placement (the placement month is 1)</text>');
  });

  it('shows a client only its own reports, keeps the agency’s and collectors’ to staff, and refuses bad dates with 400', async () => {
    for (const path of [`/reports/clients/${CLIENT_A}/aging`, `/reports/clients/${CLIENT_A}/liquidation.csv`, `/reports/clients/${CLIENT_A}/aging.svg`]) {
      const refused = await http.get(path).set('x-api-key', 'key-b').expect(404);
      expect(refused.body).toMatchObject({ status: 404, rule: 'client-unknown' });
    }
    await http.get(`/reports/clients/${randomUUID()}/aging`).set('authorization', staff('supervisor')).expect(404);
    await http.get('/reports/aging').set('x-api-key', 'key-a').expect(403);
    await http.get('/reports/collectors/performance').set('authorization', staff('collector')).expect(403);
    await http.get('/reports/liquidation').expect(401);
    await http.get(`/reports/clients/${CLIENT_A}/aging?asOf=2026-02-30`).set('authorization', staff('supervisor')).expect(400);
    await http.get('/reports/aging?asOf=yesterday').set('authorization', staff('supervisor')).expect(400);
    const backwards = await http.get('/reports/collectors/performance?from=2026-06-01&to=2026-05-01').set('authorization', staff('supervisor')).expect(400);
    expect(backwards.body.problems).toEqual([{ field: 'to', reason: 'to (2026-05-01) must not be before from (2026-06-01)' }]);
    await http.get('/reports/clients/not-a-uuid/aging').set('authorization', staff('supervisor')).expect(400);
  });
});

/** The bus as reporting sees it, counting each message once reporting handled it (its batch included). */
function countingHandled(bus: MessageBus, handled: Map<string, number>): MessageBus {
  const count = (message: IncomingMessage) => handled.set(message.headers['message-id'], (handled.get(message.headers['message-id']) ?? 0) + 1);
  return {
    publish: (messages) => bus.publish(messages),
    ensureTopics: (topics) => bus.ensureTopics(topics),
    resetGroup: (groupId) => bus.resetGroup(groupId),
    ping: () => bus.ping(),
    lag: (groupId, topics) => bus.lag(groupId, topics),
    close: async () => undefined,
    subscribe: (options) => {
      const { batchHandler } = options;
      return bus.subscribe({
        ...options,
        handler: async (message) => {
          await options.handler(message);
          count(message);
        },
        ...(batchHandler
          ? {
              batchHandler: async (messages: IncomingMessage[]) => {
                await batchHandler(messages);
                messages.forEach(count);
              },
            }
          : {}),
      });
    },
  };
}
