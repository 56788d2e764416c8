import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { TestClock } from '@lib/clock';
import {
  AccountClosed,
  AccountPaidInFull,
  AccountPlaced,
  AccountReopened,
  AuditRecord,
  AuditRecordV1,
  ContactAttemptRecorded,
  Contract,
  LegalReferralAuthorized,
  LegalStageChanged,
  NoticeSent,
  PaymentPosted,
  PaymentReversed,
  PromiseToPayMade,
  RemittanceIssuedV1,
} from '@lib/contracts';
import type { EventToAppend } from '@lib/es-core';
import { createPgliteEventStore, EventStore, PgliteEventStore } from '@lib/event-store';
import { createPglite } from '@lib/event-store/pglite/load-pglite';
import { createInProcessMessageBus, IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { createHttpApp, ProcessContext, readAccountStreams, rootModule, ServiceDependencies, signStaffToken, STAFF_ROLES } from '@lib/platform';
import { fixedClientKeys, staffBearer as staff, TEST_STAFF_TOKEN_SECRET, testStaffAuth } from '../../../test/support/service-under-test';
import {
  accountClosed,
  accountPaidInFull,
  accountPlaced,
  accountReopened,
  auditRecord,
  causedBy,
  contactAttemptRecorded,
  legalReferralAuthorized,
  legalStageChanged,
  noticeSent,
  paymentPosted,
  paymentReversed,
  promiseToPayMade,
} from './read-models/reporting.fixtures';
import { remittanceIssued } from './read-models/remittance-history.contract-suite';
import { loadReportingConfig } from './reporting.config';
import { ReportingService } from './reporting.service';

const TEST_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const CLIENT_A = randomUUID();
const CLIENT_B = randomUUID();
const CLIENT_C = randomUUID();
/** Stands in for client-intake's key check, which a reporting-only process does not have. */
const testClientKeys = fixedClientKeys({ 'key-client-a': CLIENT_A, 'key-client-b': CLIENT_B, 'key-client-c': CLIENT_C });

/** The secret part of the one client key the fake client-intake accepts. */
const INTAKE_SECRET = 'good-secret';

describe('reporting over HTTP (in-memory read models, in-process bus, PGlite at the sources)', () => {
  let db: PGlite;
  let intakeStore: PgliteEventStore;
  let contactStore: PgliteEventStore;
  let bus: MessageBus;
  let handled: Map<string, number>;
  let remote: FakeServices;
  let closers: Array<() => Promise<void>>;
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    // One embedded PostgreSQL, one schema per service store; the test keeps it for raw SQL.
    db = createPglite();
    intakeStore = await createPgliteEventStore({ db });
    contactStore = await createPgliteEventStore({ db, schema: 'debtor_contact' });
    bus = createInProcessMessageBus({ retryBackoff: { initialMs: 5, maxMs: 20 } });
    handled = new Map();
    remote = await startFakeServices({ 'debtor-contact': contactStore, payments: contactStore, 'legal-referral': contactStore });
    closers = [];
    app = await startReporting(
      { DEBTOR_CONTACT_URL: remote.url, PAYMENTS_URL: remote.url, LEGAL_REFERRAL_URL: remote.url },
      new Map<string, EventStore>([['client-intake', intakeStore]]),
      'reporting',
    );
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app.close();
    for (const close of closers) await close();
    await bus.close();
    await remote.close();
    await contactStore.close();
    await intakeStore.close();
    await db.close();
  });

  async function startReporting(
    env: Record<string, string>,
    localStores: Map<string, EventStore>,
    schema: string,
    options: { bus?: MessageBus; testClientKeys?: boolean } = {},
  ): Promise<INestApplication> {
    const ownBus = options.bus ?? bus;
    const deps: ServiceDependencies = {
      eventStore: await createPgliteEventStore({ db, schema }),
      bus: countingHandled(ownBus, handled),
      clock: new TestClock('2026-06-01T09:00:00.000Z'),
      newId: randomUUID,
    };
    closers.push(() => deps.eventStore.close());
    const processContext: ProcessContext = {
      config: loadReportingConfig({ READ_MODELS: 'memory', PGLITE_DATA_DIR: 'memory', STAFF_TOKEN_SECRET: TEST_STAFF_TOKEN_SECRET, AGENCY_SIGNING_KEY: TEST_SIGNING_KEY, ...env }),
      localStores,
      onClose: (close) => closers.push(close),
    };
    const module = await ReportingService.create(deps, processContext);
    const started = await createHttpApp({
      title: 'reporting test',
      quiet: true,
      module: rootModule(['reporting'], options.testClientKeys === false ? [module] : [module, testClientKeys], testStaffAuth),
    });
    await started.init();
    return started;
  }

  /** Publishes what another service's relay would; resolves once reporting has handled it. */
  async function publish<Data extends { accountId?: string; streamId?: string; clientId?: string }>(contract: Contract<Data>, data: Data, source: { stream: string; version: number; messageId?: string; occurredAt?: string }): Promise<string> {
    const messageId = source.messageId ?? `${randomUUID()}:${contract.type}`;
    // As the relays key them: an audit record by its stream, a remittance by its client, every other event by its account.
    const key = contract.type === AuditRecord.type ? data.streamId : contract.type === RemittanceIssuedV1.type ? data.clientId : data.accountId;
    if (!key) throw new Error(`${contract.type} has no message key`);
    const before = handled.get(messageId) ?? 0;
    await bus.publish([
      {
        topic: contract.topic,
        key,
        value: data,
        headers: {
          'message-type': contract.type,
          'message-id': messageId,
          'correlation-id': 'corr-1',
          'causation-id': messageId.split(':')[0],
          'principal-role': 'system',
          'principal-id': 'test',
          'source-stream': source.stream,
          'source-version': String(source.version),
          'occurred-at': source.occurredAt ?? '2026-06-01T09:00:00.000Z',
        },
      },
    ]);
    await waitFor(`reporting to handle ${contract.type} ${messageId}`, () => (handled.get(messageId) ?? 0) > before, { timeoutMs: 10_000 });
    return messageId;
  }

  const audit = (record: AuditRecordV1) => publish(AuditRecord, record, { stream: record.streamId, version: record.version });

  describe('reports', () => {
    const [a1, a2, b1] = [randomUUID(), randomUUID(), randomUUID()];

    beforeAll(async () => {
      await publish(AccountPlaced, accountPlaced(a1, CLIENT_A, 300_000), { stream: `account-${a1}`, version: 0 });
      await publish(AccountPlaced, accountPlaced(a2, CLIENT_A, 450_050), { stream: `account-${a2}`, version: 0 });
      await publish(AccountPlaced, accountPlaced(b1, CLIENT_B, 100_000), { stream: `account-${b1}`, version: 0 });
      await publish(NoticeSent, noticeSent(a1, CLIENT_A), { stream: `contact-${a1}`, version: 1 });
      await publish(ContactAttemptRecorded, contactAttemptRecorded(a1, CLIENT_A, '2026-06-04T14:00:00.000Z'), { stream: `contact-${a1}`, version: 2 });
      await publish(PromiseToPayMade, promiseToPayMade(a1, CLIENT_A, 'ptp-1', 100_000), { stream: `contact-${a1}`, version: 3 });
      await publish(PaymentPosted, paymentPosted(a1, CLIENT_A, 'p1', 100_000, 200_000), { stream: `ledger-${a1}`, version: 1 });
      await publish(PaymentPosted, paymentPosted(a1, CLIENT_A, 'p2', 50_000, 150_000), { stream: `ledger-${a1}`, version: 2 });
      await publish(PaymentReversed, paymentReversed(a1, CLIENT_A, 'p2', 50_000, 200_000), { stream: `ledger-${a1}`, version: 3 });
      await publish(LegalStageChanged, legalStageChanged(a1, CLIENT_A, 'recommended', 200_000), { stream: `referral-${a1}`, version: 0 });
      await publish(LegalReferralAuthorized, legalReferralAuthorized(a1, CLIENT_A), { stream: `account-${a1}`, version: 1 });
      // legal-referral took the authorization: the stage change carries the client's instant.
      const authorized = { ...legalStageChanged(a1, CLIENT_A, 'authorized', 200_000), changedAt: legalReferralAuthorized(a1, CLIENT_A).authorizedAt };
      await publish(LegalStageChanged, authorized, { stream: `referral-${a1}`, version: 1 });
      // a2 was never recommended: legal-referral ignores this one and publishes no stage change.
      await publish(LegalReferralAuthorized, legalReferralAuthorized(a2, CLIENT_A), { stream: `account-${a2}`, version: 1 });
      await publish(AccountClosed, accountClosed(a2, CLIENT_A, 'recalled'), { stream: `account-${a2}`, version: 2 });
      // The last payment of b1: one stored ledger event publishes both facts, under one source version.
      await publish(PaymentPosted, paymentPosted(b1, CLIENT_B, 'p3', 100_000, 0), { stream: `ledger-${b1}`, version: 1, messageId: 'ledger-b1-evt:PaymentPosted.v1' });
      await publish(AccountPaidInFull, accountPaidInFull(b1, CLIENT_B), { stream: `ledger-${b1}`, version: 1, messageId: 'ledger-b1-evt:AccountPaidInFull.v1' });
      await publish(LegalStageChanged, legalStageChanged(b1, CLIENT_B, 'recommended', 100_000), { stream: `referral-${b1}`, version: 0 });
    });

    it("reports a client's portfolio: placed, collected net of reversals, recovery rate half-up, active, closed by code", async () => {
      const portfolio = await http.get(`/reports/portfolio/${CLIENT_A}`).set('authorization', staff('supervisor')).expect(200);
      expect(portfolio.body).toEqual({
        clientId: CLIENT_A,
        currency: 'USD',
        placedCount: 2,
        placedAmount: 750_050,
        collected: 100_000,
        // 100 000 / 750 050 = 13.3324...%
        recoveryRateBp: 1_333,
        active: 1,
        closedByCode: { recalled: 1 },
        byCurrency: { USD: { placedAmount: 750_050, collected: 100_000, recoveryRateBp: 1_333 } },
        placedByService: { 'third-party': 2 },
        convertedToThirdParty: 0,
      });
    });

    it('summarises an account from every service that reported on it', async () => {
      const summary = await http.get(`/reports/accounts/${a1}`).set('authorization', staff('collector')).expect(200);
      expect(summary.body).toEqual({
        accountId: a1,
        clientId: CLIENT_A,
        clientReference: expect.any(String),
        currency: 'USD',
        placedAt: '2026-06-01T09:00:00.000Z',
        status: 'active',
        closingCode: null,
        closedAt: null,
        placedAmount: 300_000,
        collected: 100_000,
        balance: 200_000,
        reopenedAt: null,
        paidInFullAt: null,
        lastContactAt: '2026-06-04T14:00:00.000Z',
        noticesSent: 1,
        contactAttempts: 1,
        rightPartyContacts: 1,
        promises: [{ promiseId: 'ptp-1', amount: 100_000, currency: 'USD', dueDate: '2026-06-30', madeAt: '2026-06-04T15:00:00.000Z' }],
        legalAuthorizedAt: '2026-07-10T09:00:00.000Z',
        legalStage: 'authorized',
        service: 'third-party',
        preCollectionRemindersSent: 0,
        convertedAt: null,
      });
      const closed = await http.get(`/reports/accounts/${a2}`).set('authorization', staff('accountant')).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', closingCode: 'recalled', legalAuthorizedAt: null, legalStage: null });
    });

    it('applies both facts one stored event published, and neither twice', async () => {
      const summary = await http.get(`/reports/accounts/${b1}`).set('authorization', staff('supervisor')).expect(200);
      expect(summary.body).toMatchObject({ collected: 100_000, balance: 0, paidInFullAt: '2026-07-30T09:00:00.000Z' });
    });

    it('changes nothing when a message is delivered again', async () => {
      const before = (await http.get(`/reports/portfolio/${CLIENT_A}`).set('authorization', staff('admin')).expect(200)).body;
      const duplicate = 'ledger-a1-v1:PaymentPosted.v1';
      await publish(PaymentPosted, paymentPosted(a1, CLIENT_A, 'p9', 25_000, 175_000), { stream: `ledger-${a1}`, version: 4, messageId: duplicate });
      await publish(PaymentPosted, paymentPosted(a1, CLIENT_A, 'p9', 25_000, 175_000), { stream: `ledger-${a1}`, version: 4, messageId: duplicate });
      // A replay of an older event of the stream (a relay restarting from its checkpoint) is a no-op too.
      await publish(PaymentPosted, paymentPosted(a1, CLIENT_A, 'p1', 100_000, 200_000), { stream: `ledger-${a1}`, version: 1 });
      expect(handled.get(duplicate)).toBe(2);
      const after = (await http.get(`/reports/portfolio/${CLIENT_A}`).set('authorization', staff('admin')).expect(200)).body;
      expect(after.collected).toBe(before.collected + 25_000);
      expect(after.placedCount).toBe(before.placedCount);
      const summary = await http.get(`/reports/accounts/${a1}`).set('authorization', staff('admin')).expect(200);
      expect(summary.body).toMatchObject({ collected: 125_000, balance: 175_000 });
    });

    it('counts the open legal pipeline by stage; a client sees only its own accounts', async () => {
      const all = await http.get('/reports/legal-pipeline').set('authorization', staff('legal')).expect(200);
      expect(all.body.accounts).toEqual(
        expect.arrayContaining([
          { accountId: a1, clientId: CLIENT_A, stage: 'authorized', balance: 200_000, currency: 'USD', attorneyId: null, changedAt: '2026-07-10T09:00:00.000Z' },
          { accountId: b1, clientId: CLIENT_B, stage: 'recommended', balance: 100_000, currency: 'USD', attorneyId: null, changedAt: '2026-07-15T09:00:00.000Z' },
        ]),
      );
      const own = await http.get('/reports/legal-pipeline').set('x-api-key', 'key-client-a').expect(200);
      expect(own.body).toEqual({
        byStage: expect.objectContaining({ recommended: 0, authorized: 1, forwarded: 0, 'suit-filed': 0 }),
        stages: expect.arrayContaining([{ stage: 'authorized', count: 1, amounts: [{ currency: 'USD', amount: 200_000 }], averageDaysInStage: expect.any(Number) }]),
        accounts: [expect.objectContaining({ accountId: a1, stage: 'authorized' })],
      });
    });

    it("keeps a client to its own portfolio and accounts: another client's answer 404, as if missing", async () => {
      await http.get(`/reports/portfolio/${CLIENT_A}`).set('x-api-key', 'key-client-a').expect(200);
      const othersPortfolio = await http.get(`/reports/portfolio/${CLIENT_B}`).set('x-api-key', 'key-client-a').expect(404);
      const unknownClient = randomUUID();
      const missingPortfolio = await http.get(`/reports/portfolio/${unknownClient}`).set('authorization', staff('admin')).expect(404);
      expect(othersPortfolio.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(othersPortfolio.body).toEqual({ type: 'urn:collections:problem:client-unknown', title: 'Not Found', status: 404, detail: `no portfolio of client ${CLIENT_B}`, rule: 'client-unknown' });
      expect(missingPortfolio.body).toEqual({ type: 'urn:collections:problem:client-unknown', title: 'Not Found', status: 404, detail: `no portfolio of client ${unknownClient}`, rule: 'client-unknown' });

      await http.get(`/reports/accounts/${a1}`).set('x-api-key', 'key-client-a').expect(200);
      const unknownAccount = randomUUID();
      const othersAccount = await http.get(`/reports/accounts/${b1}`).set('x-api-key', 'key-client-a').expect(404);
      const othersTimeline = await http.get(`/reports/accounts/${b1}/timeline`).set('x-api-key', 'key-client-a').expect(404);
      const missingAccount = await http.get(`/reports/accounts/${unknownAccount}`).set('x-api-key', 'key-client-a').expect(404);
      const refusedAs = (accountId: string) => ({ type: 'urn:collections:problem:account-unknown', title: 'Not Found', status: 404, detail: `no report of account ${accountId}`, rule: 'account-unknown' });
      // Another client's account reads exactly like one nothing is known of.
      expect(othersAccount.body).toEqual(refusedAs(b1));
      expect(othersTimeline.body).toEqual(refusedAs(b1));
      expect(missingAccount.body).toEqual(refusedAs(unknownAccount));
      const nothingYet = await http.get(`/reports/portfolio/${CLIENT_C}`).set('x-api-key', 'key-client-c').expect(200);
      expect(nothingYet.body).toMatchObject({ clientId: CLIENT_C, placedCount: 0, placedAmount: 0, collected: 0, active: 0 });
      const badKey = await http.get(`/reports/accounts/${a1}`).set('x-api-key', 'key-client-x').expect(401);
      expect(badKey.body).toMatchObject({ type: 'about:blank', status: 401, detail: expect.any(String) });
      const notAnId = await http.get('/reports/accounts/not-a-uuid').set('x-api-key', 'key-client-a').expect(400);
      expect(notAnId.body).toMatchObject({ type: 'about:blank', status: 400, detail: expect.stringMatching(/uuid/) });
    });

    it("lists a client's remittance statements as payments announced them, as JSON and CSV, to the client and to staff, and to no other client", async () => {
      const [first, second] = [remittanceIssued(randomUUID(), CLIENT_A, 1), remittanceIssued(randomUUID(), CLIENT_A, 2, { remittanceType: 'gross', invoiced: 2_500 })];
      await publish(RemittanceIssuedV1, second, { stream: `remittances-${CLIENT_A}`, version: 2 });
      await publish(RemittanceIssuedV1, first, { stream: `remittances-${CLIENT_A}`, version: 0 });
      await publish(RemittanceIssuedV1, remittanceIssued(randomUUID(), CLIENT_B, 1), { stream: `remittances-${CLIENT_B}`, version: 0 });

      const own = await http.get(`/reports/clients/${CLIENT_A}/remittances`).set('x-api-key', 'key-client-a').expect(200);
      expect(own.body).toEqual({ clientId: CLIENT_A, remittances: [first, second] });
      await http.get(`/reports/clients/${CLIENT_A}/remittances`).set('authorization', staff('accountant')).expect(200).expect((answer) => expect(answer.body).toEqual(own.body));
      const csv = await http.get(`/reports/clients/${CLIENT_A}/remittances.csv`).set('authorization', staff('compliance')).expect(200).expect('content-type', /text\/csv/);
      const lines = csv.text.split('\r\n');
      expect(lines[0]).toBe('client_id,statement_number,remittance_id,currency,remittance_type,period_start,period_end,issued_at,payments,direct_payments,clawbacks,agency_collected,agency_commission,direct_collected,direct_commission,clawed_back,paid_to_client,invoiced,csv_sha256,pdf_sha256');
      expect(lines[2]).toBe(`${CLIENT_A},2,${second.remittanceId},USD,gross,2026-02-01T00:00:00.000Z,2026-03-01T00:00:00.000Z,2026-03-01T00:05:00.000Z,3,1,0,30000,7500,8000,2000,0,20500,2500,${'a'.repeat(64)},${'b'.repeat(64)}`);
      expect(lines).toHaveLength(4);

      // Another client's history reads exactly like one nothing is known of; a client with no statement yet sees an empty list.
      const others = await http.get(`/reports/clients/${CLIENT_B}/remittances`).set('x-api-key', 'key-client-a').expect(404);
      const unknown = randomUUID();
      const missing = await http.get(`/reports/clients/${unknown}/remittances`).set('authorization', staff('accountant')).expect(404);
      expect(others.body).toEqual({ type: 'urn:collections:problem:client-unknown', title: 'Not Found', status: 404, detail: `no report of client ${CLIENT_B}`, rule: 'client-unknown' });
      expect(missing.body).toMatchObject({ rule: 'client-unknown', detail: `no report of client ${unknown}` });
      await http.get(`/reports/clients/${CLIENT_B}/remittances.csv`).set('x-api-key', 'key-client-a').expect(404);
      await http.get(`/reports/clients/${CLIENT_C}/remittances`).set('x-api-key', 'key-client-c').expect(200).expect((answer) => expect(answer.body).toEqual({ clientId: CLIENT_C, remittances: [] }));
      await http.get(`/reports/clients/${CLIENT_A}/remittances`).set('authorization', staff('collector')).expect(403);
    });

    it('refuses a contract-breaking message without touching the reports, and dead-letters it', async () => {
      const deadLetters: IncomingMessage[] = [];
      const watcher = await bus.subscribe({ groupId: `dead-letters-${randomUUID()}`, topics: [`${PaymentPosted.topic}.dead-letter`], handler: async (m) => void deadLetters.push(m) });
      try {
        const messageId = `${randomUUID()}:PaymentPosted.v1`;
        const broken = { ...paymentPosted(a1, CLIENT_A, 'p-bad', 10.5, 0), currency: 'usd' };
        await bus.publish([
          {
            topic: PaymentPosted.topic,
            key: a1,
            value: broken,
            headers: { 'message-type': PaymentPosted.type, 'message-id': messageId, 'correlation-id': 'c', 'causation-id': 'c', 'source-stream': `ledger-${a1}`, 'source-version': '9' },
          },
        ]);
        await waitFor('the broken message in the dead-letter topic', () => deadLetters.some((m) => m.headers['message-id'] === messageId), { timeoutMs: 10_000 });
        expect(deadLetters.find((m) => m.headers['message-id'] === messageId)?.headers.error).toMatch(/amount must be int.*currency must be currency/);
        const summary = await http.get(`/reports/accounts/${a1}`).set('authorization', staff('admin')).expect(200);
        expect(summary.body.collected).toBe(125_000);
      } finally {
        await watcher.close();
      }
    });
  });

  describe('an account reopened after a bounced payment, then paid off and closed again', () => {
    const client = randomUUID();
    const account = randomUUID();
    const [intake, ledger] = [`account-${account}`, `ledger-${account}`];
    const report = async (path: string) => (await http.get(path).set('authorization', staff('supervisor')).expect(200)).body;
    const inPipeline = async () => (await report('/reports/legal-pipeline')).accounts.filter((a: { accountId: string }) => a.accountId === account);
    /** The last payment: one stored ledger event publishes PaymentPosted and AccountPaidInFull. */
    const payOff = async (version: number, paymentId: string, paidAt: string) => {
      await publish(PaymentPosted, paymentPosted(account, client, paymentId, 300_000, 0), { stream: ledger, version, messageId: `${ledger}@${version}:PaymentPosted.v1` });
      await publish(AccountPaidInFull, accountPaidInFull(account, client, paidAt), { stream: ledger, version, messageId: `${ledger}@${version}:AccountPaidInFull.v1` });
    };
    const firstClosing = { stream: intake, version: 1, messageId: `${intake}@1:AccountClosed.v1` };

    beforeAll(async () => {
      await publish(AccountPlaced, accountPlaced(account, client, 300_000), { stream: intake, version: 0 });
      await publish(LegalStageChanged, legalStageChanged(account, client, 'recommended', 300_000), { stream: `referral-${account}`, version: 0 });
      await payOff(1, 'p1', '2026-07-30T09:00:00.000Z');
      await publish(AccountClosed, accountClosed(account, client, 'paid-in-full'), firstClosing);
    });

    it('takes the account out of the active count and the legal pipeline when it closes as paid in full', async () => {
      expect(await report(`/reports/portfolio/${client}`)).toMatchObject({ active: 0, closedByCode: { 'paid-in-full': 1 }, collected: 300_000, recoveryRateBp: 10_000 });
      expect(await report(`/reports/accounts/${account}`)).toMatchObject({ status: 'closed', closingCode: 'paid-in-full', paidInFullAt: '2026-07-30T09:00:00.000Z' });
      expect(await inPipeline()).toEqual([]);
    });

    it('opens it again when the payment bounces and intake reopens it; the first closing delivered again changes nothing', async () => {
      await publish(PaymentReversed, paymentReversed(account, client, 'p1', 300_000, 300_000), { stream: ledger, version: 2 });
      await publish(AccountReopened, accountReopened(account, client, 300_000, 'p1'), { stream: intake, version: 2 });
      await publish(AccountClosed, accountClosed(account, client, 'paid-in-full'), firstClosing);
      expect(handled.get(firstClosing.messageId)).toBe(2);
      expect(await report(`/reports/portfolio/${client}`)).toEqual({
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
      expect(await report(`/reports/accounts/${account}`)).toMatchObject({
        status: 'active',
        closingCode: null,
        closedAt: null,
        reopenedAt: '2026-08-05T09:00:00.000Z',
        paidInFullAt: null,
        collected: 0,
        balance: 300_000,
      });
      expect(await inPipeline()).toEqual([expect.objectContaining({ stage: 'recommended', balance: 300_000 })]);
    });

    it('counts it closed once when it is paid off and closed again', async () => {
      await payOff(3, 'p2', '2026-08-20T09:00:00.000Z');
      await publish(AccountClosed, accountClosed(account, client, 'paid-in-full', '2026-08-21T09:00:00.000Z'), { stream: intake, version: 3 });
      expect(await report(`/reports/portfolio/${client}`)).toMatchObject({ placedCount: 1, active: 0, closedByCode: { 'paid-in-full': 1 }, collected: 300_000, recoveryRateBp: 10_000 });
      expect(await report(`/reports/accounts/${account}`)).toMatchObject({
        status: 'closed',
        closingCode: 'paid-in-full',
        closedAt: '2026-08-21T09:00:00.000Z',
        reopenedAt: '2026-08-05T09:00:00.000Z',
        paidInFullAt: '2026-08-20T09:00:00.000Z',
      });
      expect(await inPipeline()).toEqual([]);
    });

    it('shows the reopening in the timeline, after the reversal that caused it', async () => {
      const at = (minute: number) => `2026-08-05T09:${String(minute).padStart(2, '0')}:00.000Z`;
      const closed = auditRecord('client-intake', account, intake, 1, 'AccountClosed', at(0));
      const reversed = auditRecord('payments', account, ledger, 2, 'PaymentReversed', at(0));
      await audit(auditRecord('client-intake', account, intake, 0, 'AccountPlaced', at(0)));
      await audit(closed);
      await audit(causedBy(auditRecord('client-intake', account, intake, 2, 'AccountReopened', at(0)), reversed, 'PaymentReversed.v1'));
      await audit(reversed);
      const timeline = await report(`/reports/accounts/${account}/timeline`);
      expect(timeline.map((e: { type: string }) => e.type)).toEqual(['AccountPlaced', 'AccountClosed', 'PaymentReversed', 'AccountReopened']);
    });
  });

  describe('compliance audit trail', () => {
    const account = randomUUID();
    const at = (minute: number) => `2026-06-01T09:${String(minute).padStart(2, '0')}:00.000Z`;

    beforeAll(async () => {
      await publish(AccountPlaced, accountPlaced(account, CLIENT_A, 500_000), { stream: `account-${account}`, version: 0 });
      // Delivered out of order and across topics' partitions, as they would be.
      await audit(auditRecord('payments', account, `ledger-${account}`, 0, 'LedgerOpened', at(0), { opening: 500_000 }));
      await audit(auditRecord('legal-referral', account, `referral-${account}`, 0, 'ReferralRecommended', at(30)));
      await audit(auditRecord('debtor-contact', account, `contact-${account}`, 1, 'NoticeSent', at(0), { channel: 'letter' }));
      await audit(auditRecord('debtor-contact', account, `contact-${account}`, 0, 'ContactCaseOpened', at(0)));
      await audit(auditRecord('client-intake', account, `account-${account}`, 0, 'AccountPlaced', at(0), { placedAmount: 500_000 }));
      await audit(auditRecord('payments', account, `ledger-${account}`, 1, 'PaymentPosted', at(20), { amount: 1_000 }));
      await audit(auditRecord('payments', account, `ledger-${account}`, 1, 'PaymentPosted', at(20), { amount: 1_000 }));
    });

    const expectedOrder = [
      'client-intake account-@0 AccountPlaced',
      'debtor-contact contact-@0 ContactCaseOpened',
      'debtor-contact contact-@1 NoticeSent',
      'payments ledger-@0 LedgerOpened',
      'payments ledger-@1 PaymentPosted',
      'legal-referral referral-@0 ReferralRecommended',
    ];
    const described = (entries: Array<{ service: string; streamId: string; version: number; type: string }>) =>
      entries.map((e) => `${e.service} ${e.streamId.replace(account, '')}@${e.version} ${e.type}`);

    it('gives compliance every event of the account across services, in order, with who, when and why', async () => {
      const history = await http.get(`/audit/accounts/${account}/history`).set('authorization', staff('compliance')).expect(200);
      expect(described(history.body)).toEqual(expectedOrder);
      expect(history.body[2]).toEqual({
        service: 'debtor-contact',
        streamId: `contact-${account}`,
        version: 1,
        type: 'NoticeSent',
        data: { channel: 'letter' },
        eventId: `contact-${account}@1`,
        actor: { role: 'collector', id: 'collector-1' },
        occurredAt: at(0),
        // Recorded when it happened, and effective then too: no business date of its own.
        recordedAt: at(0),
        effectiveAt: at(0),
        correlationId: `corr-contact-${account}`,
        causationId: `cause-contact-${account}-1`,
      });
    });

    it('exports the same history as NDJSON, one event per line', async () => {
      const json = await http.get(`/audit/accounts/${account}/history`).set('authorization', staff('compliance')).expect(200);
      const ndjson = await http.get(`/audit/accounts/${account}/history.ndjson`).set('authorization', staff('compliance')).buffer(true).expect(200);
      expect(ndjson.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const lines = ndjson.text.trimEnd().split('\n');
      expect(lines.map((line) => JSON.parse(line))).toEqual(json.body);
    });

    it('shows the people working the account, and its client, the same timeline without the data', async () => {
      const timeline = await http.get(`/reports/accounts/${account}/timeline`).set('authorization', staff('collector')).expect(200);
      expect(described(timeline.body)).toEqual(expectedOrder);
      expect(timeline.body.every((entry: object) => !('data' in entry))).toBe(true);
      expect(timeline.body[0]).toMatchObject({ eventId: `account-${account}@0`, actor: { role: 'collector', id: 'collector-1' }, occurredAt: at(0) });
      const own = await http.get(`/reports/accounts/${account}/timeline`).set('x-api-key', 'key-client-a').expect(200);
      expect(own.body).toEqual(timeline.body);
      await http.get(`/reports/accounts/${account}/timeline`).set('x-api-key', 'key-client-b').expect(404);
    });

    it('answers an empty history for an account nothing is known of; a client still gets 404', async () => {
      const unknown = randomUUID();
      expect((await http.get(`/audit/accounts/${unknown}/history`).set('authorization', staff('compliance')).expect(200)).body).toEqual([]);
      expect((await http.get(`/audit/accounts/${unknown}/history.ndjson`).set('authorization', staff('compliance')).buffer(true).expect(200)).text).toBe('');
      expect((await http.get(`/reports/accounts/${unknown}/timeline`).set('authorization', staff('supervisor')).expect(200)).body).toEqual([]);
      const refused = await http.get(`/reports/accounts/${unknown}/timeline`).set('x-api-key', 'key-client-a').expect(404);
      expect(refused.body).toMatchObject({ type: 'urn:collections:problem:account-unknown', status: 404, detail: `no report of account ${unknown}`, rule: 'account-unknown' });
    });
  });

  describe('integrity check at the source', () => {
    const account = randomUUID();

    beforeAll(async () => {
      await appendChained(intakeStore, `account-${account}`, 3);
      await appendChained(contactStore, `contact-${account}`, 2);
    });
    afterEach(() => remote.down.clear());

    it("verifies every service's chains where they are stored, asking remote services with the caller's credentials", async () => {
      const compliance = staff('compliance');
      const report = await http.get(`/audit/accounts/${account}/integrity`).set('authorization', compliance).expect(200);
      expect(report.body).toEqual({
        accountId: account,
        ok: true,
        services: [
          { service: 'client-intake', streams: [{ streamId: `account-${account}`, events: 3, integrity: { ok: true, streamId: `account-${account}`, checked: 3 } }] },
          { service: 'debtor-contact', streams: [{ streamId: `contact-${account}`, events: 2, integrity: { ok: true, streamId: `contact-${account}`, checked: 2 } }] },
          { service: 'payments', streams: [] },
          { service: 'legal-referral', streams: [] },
        ],
      });
      expect(remote.seen.filter((s) => s.path.includes(account))).toEqual([
        { path: `/audit/debtor-contact/accounts/${account}`, authorization: compliance },
        { path: `/audit/payments/accounts/${account}`, authorization: compliance },
        { path: `/audit/legal-referral/accounts/${account}`, authorization: compliance },
      ]);
    });

    it('names the first broken link after a row was changed behind the store’s back', async () => {
      const streamId = `account-${account}`;
      await db.query(`UPDATE event_store.events SET data = jsonb_set(data, '{placedAmount}', '1') WHERE stream_id = $1 AND version = 1`, [streamId]);
      const [, tampered] = await intakeStore.readStream(streamId);

      const report = await http.get(`/audit/accounts/${account}/integrity`).set('authorization', staff('compliance')).expect(200);
      expect(report.body.ok).toBe(false);
      expect(report.body.firstBroken).toEqual({
        service: 'client-intake',
        streamId,
        version: 1,
        eventId: tampered.metadata.eventId,
        reason: 'content does not match its hash',
      });
      expect(report.body.unreachable).toBeUndefined();
    });

    it('never calls an account intact when a service cannot be asked', async () => {
      const other = randomUUID();
      await appendChained(contactStore, `contact-${other}`, 1);
      remote.down.add('payments');
      const report = await http.get(`/audit/accounts/${other}/integrity`).set('authorization', staff('compliance')).expect(200);
      expect(report.body).toMatchObject({ ok: false, unreachable: ['payments'], unreachableReasons: { payments: expect.stringMatching(/answered 503/) } });
      expect(report.body.firstBroken).toBeUndefined();
      expect(report.body.services.map((s: { service: string }) => s.service)).toEqual(['client-intake', 'debtor-contact', 'legal-referral']);
    });

    it('reports every service unreachable in a process that can neither read nor ask them', async () => {
      // A bus of its own: on the shared one it would join the reporting group and take partitions.
      const isolatedBus = createInProcessMessageBus();
      const isolated = await startReporting({ LEGAL_REFERRAL_URL: 'http://127.0.0.1:1' }, new Map(), 'reporting_isolated', { bus: isolatedBus });
      try {
        const report = await request(isolated.getHttpServer()).get(`/audit/accounts/${account}/integrity`).set('authorization', staff('compliance')).expect(200);
        expect(report.body).toMatchObject({ ok: false, services: [], unreachable: ['client-intake', 'debtor-contact', 'payments', 'legal-referral'] });
        expect(report.body.unreachableReasons['legal-referral']).toMatch(/127\.0\.0\.1:1/);
        expect(report.body.unreachableReasons['client-intake']).toMatch(/no URL configured/);
      } finally {
        await isolated.close();
        await isolatedBus.close();
      }
    });

    it('answers for an account no service holds: every service asked, no streams found', async () => {
      const report = await http.get(`/audit/accounts/${randomUUID()}/integrity`).set('authorization', staff('compliance')).expect(200);
      expect(report.body).toMatchObject({ ok: true, services: ['client-intake', 'debtor-contact', 'payments', 'legal-referral'].map((service) => ({ service, streams: [] })) });
    });
  });

  describe('client keys in a process without client-intake', () => {
    it('asks client-intake whether a client key is good: 401 for a bad one, 503 when intake cannot tell', async () => {
      const ownBus = createInProcessMessageBus();
      const separate = await startReporting({ CLIENT_INTAKE_URL: remote.url }, new Map(), 'reporting_keys', { bus: ownBus, testClientKeys: false });
      try {
        const api = request(separate.getHttpServer());
        const good = `ck_${CLIENT_A}_${INTAKE_SECRET}`;
        expect((await api.get(`/reports/portfolio/${CLIENT_A}`).set('x-api-key', good).expect(200)).body).toMatchObject({ clientId: CLIENT_A, placedCount: 0 });
        await api.get(`/reports/portfolio/${CLIENT_B}`).set('x-api-key', good).expect(404);
        await api.get(`/reports/portfolio/${CLIENT_A}`).set('x-api-key', `ck_${CLIENT_A}_forged`).expect(401);
        await api.get(`/reports/portfolio/${CLIENT_A}`).set('x-api-key', 'key-client-a').expect(401);
        remote.down.add('client-intake');
        await api.get(`/reports/portfolio/${CLIENT_A}`).set('x-api-key', good).expect(503);
        expect(remote.seen.filter((s) => s.path === '/clients/me').map((s) => s.apiKey)).toEqual([good, good, `ck_${CLIENT_A}_forged`, good]);
      } finally {
        remote.down.clear();
        await separate.close();
        await ownBus.close();
      }
    });
  });

  describe('as of a past instant', () => {
    const [account, other] = [randomUUID(), randomUUID()];
    const client = CLIENT_C;
    const placedAt = '2026-06-10T09:00:00.000Z';
    const paidAt = '2026-06-12T15:30:00.000Z';

    beforeAll(async () => {
      await publish(AccountPlaced, accountPlaced(account, client, 80_000), { stream: `account-${account}`, version: 0, occurredAt: placedAt });
      await publish(NoticeSent, noticeSent(account, client, '2026-06-10T09:05:00.000Z'), { stream: `contact-${account}`, version: 1, occurredAt: '2026-06-10T09:05:00.000Z' });
      await publish(PaymentPosted, paymentPosted(account, client, 'p-asof', 30_000, 50_000), { stream: `ledger-${account}`, version: 1, occurredAt: paidAt });
      await publish(AccountPlaced, accountPlaced(other, CLIENT_A, 10_000), { stream: `account-${other}`, version: 0, occurredAt: placedAt });
    });

    it('shows the account, the portfolio and the trust figures before and after a payment', async () => {
      const before = await http.get(`/reports/accounts/${account}`).query({ asOf: '2026-06-12T15:29:59.999Z' }).set('authorization', staff('compliance')).expect(200);
      const at = await http.get(`/reports/accounts/${account}`).query({ asOf: paidAt }).set('authorization', staff('compliance')).expect(200);
      const now = await http.get(`/reports/accounts/${account}`).set('authorization', staff('compliance')).expect(200);
      expect(before.body).toMatchObject({ accountId: account, placedAmount: 80_000, collected: 0, balance: 80_000, noticesSent: 1, status: 'active' });
      expect(at.body).toEqual(now.body);
      expect(at.body).toMatchObject({ collected: 30_000, balance: 50_000 });

      const portfolioBefore = await http.get(`/reports/portfolio/${client}`).query({ asOf: '2026-06-11T00:00:00+02:00' }).set('authorization', staff('accountant')).expect(200);
      const portfolioAfter = await http.get(`/reports/portfolio/${client}`).query({ asOf: '2026-06-13T00:00:00Z' }).set('authorization', staff('accountant')).expect(200);
      expect(portfolioBefore.body).toMatchObject({ clientId: client, placedCount: 1, placedAmount: 80_000, collected: 0, recoveryRateBp: 0 });
      expect(portfolioAfter.body).toMatchObject({ placedCount: 1, collected: 30_000, recoveryRateBp: 3_750 });

      const trustBefore = await http.get('/reports/trust').query({ clientId: client, asOf: '2026-06-12T15:29:59.999Z' }).set('authorization', staff('accountant')).expect(200);
      const trustAfter = await http.get('/reports/trust').query({ clientId: client, asOf: paidAt }).set('authorization', staff('accountant')).expect(200);
      const trustNow = await http.get('/reports/trust').query({ clientId: client }).set('authorization', staff('accountant')).expect(200);
      expect(trustBefore.body).toEqual({ clientId: client, byCurrency: {} });
      expect(trustAfter.body).toEqual(trustNow.body);
      expect(trustAfter.body.byCurrency.USD).toMatchObject({ received: 30_000, trustIn: 30_000, payments: 1 });
    });

    it('knows no account before it was placed, and keeps a client to its own', async () => {
      const early = await http.get(`/reports/accounts/${account}`).query({ asOf: '2026-06-10T08:59:59.999Z' }).set('authorization', staff('compliance')).expect(404);
      expect(early.body).toMatchObject({ rule: 'account-unknown', status: 404 });
      await http.get(`/reports/portfolio/${client}`).query({ asOf: '2026-06-01T00:00:00Z' }).set('authorization', staff('supervisor')).expect(404);
      // The client itself, before it placed anything: an empty portfolio, as now.
      const ownEarly = await http.get(`/reports/portfolio/${client}`).query({ asOf: '2026-06-01T00:00:00Z' }).set('x-api-key', 'key-client-c').expect(200);
      expect(ownEarly.body).toMatchObject({ placedCount: 0, collected: 0 });
      await http.get(`/reports/accounts/${account}`).query({ asOf: paidAt }).set('x-api-key', 'key-client-c').expect(200);
      const foreign = await http.get(`/reports/accounts/${other}`).query({ asOf: paidAt }).set('x-api-key', 'key-client-c').expect(404);
      expect(foreign.body.rule).toBe('account-unknown');
    });

    it('refuses an instant that is not one', async () => {
      for (const asOf of ['yesterday', '2026-06-12', '2026-06-12T15:30:00']) {
        const refused = await http.get(`/reports/accounts/${account}`).query({ asOf }).set('authorization', staff('compliance')).expect(400);
        expect(refused.body).toMatchObject({ status: 400 });
      }
      await http.get('/reports/trust').query({ clientId: 'not-a-uuid' }).set('authorization', staff('accountant')).expect(400);
    });
  });

  describe('compliance decision ledger', () => {
    const account = randomUUID();
    const contactStream = `contact-${account}`;
    const referralStream = `referral-${account}`;

    beforeAll(async () => {
      const allow = [{ rule: 'call-window', version: 2, decision: 'allow' }, { rule: 'do-not-contact', version: 1, decision: 'allow' }];
      await audit(auditRecord('debtor-contact', account, contactStream, 0, 'ContactCaseOpened', '2026-06-01T09:00:00.000Z', { accountId: account, clientId: CLIENT_B }));
      await audit(auditRecord('debtor-contact', account, contactStream, 1, 'ContactAttemptRecorded', '2026-06-02T14:00:00.000Z', { accountId: account, clientId: CLIENT_B, channel: 'phone', compliance: allow }));
      await audit(auditRecord('debtor-contact', account, contactStream, 2, 'ContactAttemptRefused', '2026-06-02T23:30:00.000Z', { accountId: account, clientId: CLIENT_B, rule: 'call-window', version: 2, channel: 'phone', reason: 'outside the call window, "debtor time"' }));
      await audit(auditRecord('legal-referral', account, referralStream, 0, 'ReferralCaseOpened', '2026-06-01T09:00:00.000Z', { accountId: account, clientId: CLIENT_B }));
      await audit(auditRecord('legal-referral', account, referralStream, 1, 'ReferralNotRecommended', '2026-07-16T09:00:00.000Z', { accountId: account, rulesChecked: ['balance-at-least-5000', 'not-disputed'], failedRules: [{ rule: 'not-disputed', reason: 'the debtor disputes it' }] }));
    });

    it('lists the decisions in recorded order, filtered, a page at a time', async () => {
      const compliance = staff('compliance');
      const first = await http.get('/reports/compliance-decisions').query({ accountId: account, limit: 3 }).set('authorization', compliance).expect(200);
      const second = await http.get('/reports/compliance-decisions').query({ accountId: account, limit: 3, cursor: first.body.nextCursor }).set('authorization', compliance).expect(200);
      expect([...first.body.decisions, ...second.body.decisions].map((entry: { rule: string; decision: string }) => `${entry.rule}:${entry.decision}`)).toEqual([
        'call-window:allow',
        'do-not-contact:allow',
        'call-window:deny',
        'balance-at-least-5000:allow',
        'not-disputed:deny',
      ]);
      expect(second.body.nextCursor).toBeNull();
      const denied = await http.get('/reports/compliance-decisions').query({ decision: 'deny', clientId: CLIENT_B, from: '2026-07-01T00:00:00Z' }).set('authorization', staff('admin')).expect(200);
      expect(denied.body.decisions).toEqual([expect.objectContaining({ rule: 'not-disputed', reason: 'the debtor disputes it', accountId: account, clientId: CLIENT_B, service: 'legal-referral', action: 'ReferralNotRecommended', ruleVersion: null })]);
      const byRule = await http.get('/reports/compliance-decisions').query({ rule: 'call-window', accountId: account, actor: 'collector-1', to: '2026-06-02T23:30:00Z' }).set('authorization', compliance).expect(200);
      expect(byRule.body.decisions).toEqual([expect.objectContaining({ decision: 'allow', channel: 'phone', ruleVersion: 2, actorRole: 'collector' })]);
    });

    it('exports the filtered ledger as CSV', async () => {
      const csv = await http.get('/reports/compliance-decisions.csv').query({ accountId: account, decision: 'deny' }).set('authorization', staff('compliance')).buffer(true).parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      }).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const rows = (csv.body as string).split('\r\n');
      expect(rows[0]).toBe('decidedAt,rule,ruleVersion,decision,reason,action,channel,service,accountId,clientId,actorRole,actorId,eventId,streamId,version');
      expect(rows.slice(1, -1)).toEqual([
        `2026-06-02T23:30:00.000Z,call-window,2,deny,"outside the call window, ""debtor time""",ContactAttemptRefused,phone,debtor-contact,${account},${CLIENT_B},collector,collector-1,${contactStream}@2,${contactStream},2`,
        `2026-07-16T09:00:00.000Z,not-disputed,,deny,the debtor disputes it,ReferralNotRecommended,,legal-referral,${account},${CLIENT_B},collector,collector-1,${referralStream}@1,${referralStream},1`,
      ]);
      expect(rows[rows.length - 1]).toBe('');
    });

    it('is for compliance and admin only, and refuses bad filters', async () => {
      await http.get('/reports/compliance-decisions').set('authorization', staff('supervisor')).expect(403);
      await http.get('/reports/compliance-decisions').set('x-api-key', 'key-client-b').expect(403);
      for (const query of [{ decision: 'maybe' }, { limit: 0 }, { limit: 501 }, { limit: 'ten' }, { cursor: 'not a cursor!' }, { from: 'June' }, { clientId: 'nope' }, { unknown: 'x' }]) {
        await http.get('/reports/compliance-decisions').query(query).set('authorization', staff('compliance')).expect(400);
      }
    });
  });

  describe('rebuilding while serving', () => {
    it('switches to a new generation without a report ever growing back from empty', async () => {
      const before = (await http.get(`/reports/portfolio/${CLIENT_A}`).set('authorization', staff('admin')).expect(200)).body;
      const reads: number[] = [];
      let done = false;
      const reading = (async () => {
        while (!done || reads.length < 5) reads.push((await http.get(`/reports/portfolio/${CLIENT_A}`).set('authorization', staff('admin')).expect(200)).body.placedCount);
      })();
      const rebuild = http.post('/reports/read-models/rebuild').set('authorization', staff('admin')).then((answer) => {
        done = true;
        return answer;
      });
      // Live events during the rebuild count too.
      const late = randomUUID();
      await publish(AccountPlaced, accountPlaced(late, CLIENT_A, 5_000), { stream: `account-${late}`, version: 0 });
      const answer = await rebuild;
      await reading;
      expect(answer.status).toBe(200);
      expect(answer.body.rebuilt).toEqual(expect.arrayContaining([expect.objectContaining({ collection: 'portfolio', physical: 'portfolio__g2', generation: 2 })]));
      expect(reads.length).toBeGreaterThanOrEqual(5);
      for (const [index, read] of reads.entries()) expect(read).toBeGreaterThanOrEqual(index === 0 ? before.placedCount : reads[index - 1]);
      const after = (await http.get(`/reports/portfolio/${CLIENT_A}`).set('authorization', staff('admin')).expect(200)).body;
      expect(after).toEqual({ ...before, placedCount: before.placedCount + 1, active: before.active + 1, placedAmount: before.placedAmount + 5_000, recoveryRateBp: expect.any(Number), byCurrency: { USD: { ...before.byCurrency.USD, placedAmount: before.byCurrency.USD.placedAmount + 5_000, recoveryRateBp: expect.any(Number) } }, placedByService: { 'third-party': before.placedByService['third-party'] + 1 } });
      await http.post('/reports/read-models/rebuild').set('authorization', staff('compliance')).expect(403);
    });
  });

  describe('access', () => {
    const someClientAccount = randomUUID();
    beforeAll(async () => {
      await publish(AccountPlaced, accountPlaced(someClientAccount, CLIENT_A, 1_000), { stream: `account-${someClientAccount}`, version: 0 });
    });

    const endpoints = () => [
      { path: `/reports/portfolio/${CLIENT_A}`, roles: ['client', 'supervisor', 'accountant', 'compliance', 'admin'] },
      { path: `/reports/accounts/${someClientAccount}`, roles: ['client', 'collector', 'supervisor', 'accountant', 'legal', 'compliance', 'admin'] },
      { path: `/reports/accounts/${someClientAccount}/timeline`, roles: ['client', 'collector', 'supervisor', 'compliance', 'admin'] },
      { path: '/reports/legal-pipeline', roles: ['client', 'legal', 'supervisor', 'compliance', 'admin'] },
      { path: `/audit/accounts/${someClientAccount}/history`, roles: ['compliance'] },
      { path: `/audit/accounts/${someClientAccount}/history.ndjson`, roles: ['compliance'] },
      { path: `/audit/accounts/${someClientAccount}/integrity`, roles: ['compliance'] },
      { path: '/reports/trust', roles: ['accountant', 'compliance', 'admin'] },
      { path: '/reports/compliance-decisions', roles: ['compliance', 'admin'] },
      { path: '/reports/compliance-decisions.csv', roles: ['compliance', 'admin'] },
    ];

    it('lets each endpoint be called only by the roles it states: 401 without credentials, 403 for every other role', async () => {
      const wrong: string[] = [];
      const check = (path: string, who: string, allowed: boolean, status: number) => {
        const ok = allowed ? status !== 401 && status !== 403 : status === 403;
        if (!ok) wrong.push(`${who} on ${path}: ${status}`);
      };
      for (const { path, roles } of endpoints()) {
        await http.get(path).expect(401);
        await http.get(path).set('authorization', `Bearer ${signStaffToken('another-secret', { role: 'compliance', id: 'mallory' }, new Date(Date.now() + 3_600_000))}`).expect(401);
        for (const role of STAFF_ROLES) check(path, role, roles.includes(role), (await http.get(path).set('authorization', staff(role))).status);
        check(path, 'client', roles.includes('client'), (await http.get(path).set('x-api-key', 'key-client-a')).status);
      }
      expect(wrong).toEqual([]);
    });

    it("has no write endpoint for anyone, compliance included (but the admin's rebuild of the read models)", async () => {
      for (const { path } of endpoints()) {
        for (const method of ['post', 'put', 'patch', 'delete'] as const) {
          await http[method](path).set('authorization', staff('compliance')).send({}).expect(404);
          await http[method](path).set('authorization', staff('admin')).send({}).expect(404);
        }
      }
    });
  });
});

/** The bus reporting subscribes through, counting each message once its handler has finished. */
function countingHandled(bus: MessageBus, handled: Map<string, number>): MessageBus {
  return {
    publish: (messages) => bus.publish(messages),
    ensureTopics: (topics) => bus.ensureTopics(topics),
    resetGroup: (groupId) => bus.resetGroup(groupId),
    ping: () => bus.ping(),
    lag: (groupId, topics) => bus.lag(groupId, topics),
    close: async () => undefined,
    subscribe: (options) => {
      const count = (message: IncomingMessage) => {
        const id = message.headers['message-id'];
        handled.set(id, (handled.get(id) ?? 0) + 1);
      };
      const { batchHandler } = options;
      return bus.subscribe({
        ...options,
        handler: async (message) => {
          await options.handler(message);
          count(message);
        },
        // Reporting's projections consume in batches: a batch counts once it is handled whole.
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

/** Appends `count` events through the store, so they carry a real hash chain. */
async function appendChained(store: EventStore, streamId: string, count: number): Promise<void> {
  const events: EventToAppend[] = Array.from({ length: count }, (_, version) => ({
    type: version === 0 ? 'AccountPlaced' : 'NoteAdded',
    data: { streamId, version, placedAmount: 500_000 },
    metadata: {
      eventId: randomUUID(),
      principal: { role: 'client', id: 'client-1' },
      correlationId: `corr-${streamId}`,
      causationId: `cause-${streamId}-${version}`,
      occurredAt: `2026-06-01T09:0${version}:00.000Z`,
    },
  }));
  await store.appendToStream(streamId, events, { expectedVersion: 'no_stream' });
}

interface FakeServices {
  url: string;
  /** Services answering 503 for now. */
  down: Set<string>;
  seen: Array<{ path: string; authorization?: string; apiKey?: string }>;
  close(): Promise<void>;
}

/**
 * Other services' `GET /audit/<service>/accounts/:id`, answered from real stores with
 * the same function their audit controller uses, as JSON (global positions as strings).
 */
async function startFakeServices(stores: Record<string, EventStore>): Promise<FakeServices> {
  const prefixes: Record<string, string> = { 'debtor-contact': 'contact-', payments: 'ledger-', 'legal-referral': 'referral-' };
  const down = new Set<string>();
  const seen: FakeServices['seen'] = [];
  const server: Server = createServer((req, res) => {
    if (req.url === '/clients/me') {
      // client-intake's GET /clients/me: 401 for a key it does not know, the client id for a good one.
      const apiKey = req.headers['x-api-key'] as string | undefined;
      seen.push({ path: req.url, apiKey });
      if (down.has('client-intake')) return void res.writeHead(502).end();
      if (!apiKey?.endsWith(`_${INTAKE_SECRET}`)) return void res.writeHead(401).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ clientId: /^ck_([0-9a-f-]{36})_/.exec(apiKey)?.[1] }));
    }
    const match = /^\/audit\/([a-z-]+)\/accounts\/([0-9a-f-]+)$/.exec(req.url ?? '');
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
    if (!match || !stores[match[1]]) return void res.writeHead(404).end();
    if (down.has(match[1])) return void res.writeHead(503).end();
    const [, service, accountId] = match;
    readAccountStreams(service, stores[service], [`${prefixes[service]}${accountId}`]).then((answer) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, down, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
