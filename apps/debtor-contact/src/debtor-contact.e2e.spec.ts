import { randomUUID } from 'node:crypto';
import { TestClock } from '@lib/clock';
import { AccountClosed, AccountClosedV1, AccountPlaced, AccountPlacedV1, AccountPlacedV2, AccountReopened, AccountReopenedV1, AUDIT_EVENTS, CONTACT_CASES, Contract, INTAKE_ACCOUNTS } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { deadLetterTopic, IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { signStaffToken } from '@lib/platform';
import { fixedClientKeys, HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { DebtorContactModule } from './debtor-contact.module';
import { MESSAGE_EVENT_TYPES } from './domain/communications/message.events';
import { MONDAY_10_NEW_YORK, NY_COMPANY, placedData } from './debtor-contact.e2e.fixtures';

const CLIENT_KEY = 'ck_test-client';
const WAIT = { timeoutMs: 5_000 };
/** The next day, same time: when the payment bounces and intake reopens the account. */
const TUESDAY_10_NEW_YORK = '2026-01-06T15:00:00.000Z';

describe('debtor contact over HTTP (PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let clock: TestClock;
  let http: HttpClient;
  let published: IncomingMessage[];
  let audit: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({
      name: 'debtor-contact',
      clockStart: MONDAY_10_NEW_YORK,
      module: (deps) => DebtorContactModule.register(deps),
      extraImports: [fixedClientKeys({ [CLIENT_KEY]: 'client-1' })],
      listenTo: [CONTACT_CASES, AUDIT_EVENTS],
    });
    ({ store, bus, clock, http, close } = sut);
    published = sut.received(CONTACT_CASES);
    audit = sut.received(AUDIT_EVENTS);
  });
  beforeEach(() => clock.set(MONDAY_10_NEW_YORK));
  afterAll(() => close());

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data, messageId: string = randomUUID()): Promise<string> {
    await bus.publish([
      {
        topic: contract.topic,
        key,
        value,
        headers: {
          'message-type': contract.type,
          'message-id': messageId,
          'correlation-id': `corr-${key}`,
          'causation-id': 'c',
          'source-stream': `account-${key}`,
          'source-version': '0',
        },
      },
    ]);
    return messageId;
  }

  const storedOf = (accountId: string, type: string) => audit.filter((m) => m.key === `contact-${accountId}` && (m.value as { type: string }).type === type);
  const waitForStored = (accountId: string, type: string, count = 1) =>
    waitFor(`${count} ${type} in contact-${accountId}`, () => storedOf(accountId, type).length >= count, WAIT, () => `seen ${storedOf(accountId, type).length}`);
  const publishedOf = (accountId: string, type: string) => published.filter((m) => m.key === accountId && m.headers['message-type'] === type);
  const waitForPublished = (accountId: string, type: string, count = 1) =>
    waitFor(`${count} ${type} for ${accountId}`, () => publishedOf(accountId, type).length >= count, WAIT, () => `seen ${publishedOf(accountId, type).length}`);
  /** The case's events but its messages' (queued, sent...): communications.e2e.spec.ts follows those, sent in the background. */
  const isMessageEvent = (type: string) => (MESSAGE_EVENT_TYPES as readonly string[]).includes(type);
  const caseEvents = async (accountId: string) => (await store.readStream(`contact-${accountId}`)).filter((e) => !isMessageEvent(e.type));
  const caseTypes = async (accountId: string) => (await caseEvents(accountId)).map((e) => e.type);

  /** What intake publishes for a placement; the case is open once the first demand is published. */
  async function placeAccount(debtor: Partial<AccountPlacedV2['debtor']> = NY_COMPANY, accountId: string = randomUUID()): Promise<string> {
    await publish(AccountPlaced, accountId, placedData(accountId, debtor));
    await waitForPublished(accountId, 'NoticeSent.v1');
    return accountId;
  }

  const contact = (accountId: string, body: object, as = staff('collector')) => http.post(`/cases/${accountId}/contacts`).set('authorization', as).send(body);

  describe('a placed account', () => {
    it('opens a case and sends the first demand letter at once, once, however often the placement is delivered', async () => {
      const accountId = randomUUID();
      const messageId = await publish(AccountPlaced, accountId, placedData(accountId));
      await publish(AccountPlaced, accountId, placedData(accountId), messageId);
      // Same key, published after the duplicate: once it is handled, so was the duplicate.
      await publish(AccountClosed, accountId, closedData(accountId, 'recalled'));
      await waitForStored(accountId, 'ContactCaseClosed');

      expect(await caseTypes(accountId)).toEqual(['ContactCaseOpened', 'NoticeSent', 'ContactCaseClosed']);
      const [openedEvent] = await caseEvents(accountId);
      expect(openedEvent.metadata).toMatchObject({ principal: { role: 'system', id: 'integration' }, causationId: messageId, correlationId: `corr-${accountId}` });
      await waitForPublished(accountId, 'NoticeSent.v1');
      expect(publishedOf(accountId, 'NoticeSent.v1').map((m) => [m.key, m.value])).toEqual([
        [accountId, { accountId, clientId: 'client-1', noticeType: 'first-demand', channel: 'letter', sentAt: MONDAY_10_NEW_YORK }],
      ]);
    });

    it('shows the case to collectors, supervisors and compliance, with the first demand', async () => {
      const accountId = await placeAccount();
      for (const role of ['collector', 'supervisor', 'compliance'] as const) {
        const found = await http.get(`/cases/${accountId}`).set('authorization', staff(role)).expect(200);
        expect(found.body).toEqual({
          accountId,
          clientId: 'client-1',
          status: 'open',
          closingCode: null,
          closedAt: null,
          reopenedAt: null,
          reopenReason: null,
          previousClosingCode: null,
          commercial: true,
          debtor: { ...NY_COMPANY, addresses: [], phones: [], emails: [] },
          debtorTimeZone: 'America/New_York',
          debtorTimeZones: ['America/New_York'],
          currency: 'USD',
          placedAmount: 750_050,
          openedAt: MONDAY_10_NEW_YORK,
          notices: [{ noticeType: 'first-demand', channel: 'letter', sentAt: MONDAY_10_NEW_YORK }],
          attempts: 0,
          rightPartyContacts: 0,
          promises: [],
          plans: [],
          lastContact: null,
          refusals: [],
        });
      }
      const missing = await http.get(`/cases/${randomUUID()}`).set('authorization', staff('collector')).expect(404);
      expect(missing.body).toMatchObject({ type: 'urn:collections:problem:case-unknown', status: 404, rule: 'case-unknown' });
    });
  });

  describe('recording a contact', () => {
    it('records a call with a promise right after placement (Monday 10:00 in New York), with its compliance decisions, and publishes both', async () => {
      const accountId = await placeAccount();
      const body = { channel: 'call', direction: 'outbound', outcome: 'right-party-contact', notes: 'AP manager promised full payment', promise: PROMISE };
      const first = await contact(accountId, body, staff('collector', 'collector-7')).set('idempotency-key', 'call-1').expect(201);
      expect(first.body).toEqual({
        accountId,
        attemptId: expect.any(String),
        promiseId: expect.any(String),
        rightPartyContact: true,
        compliance: [
          { rule: 'case-closed', version: 1, decision: 'allow' },
          { rule: 'bankruptcy-stay', version: 1, decision: 'allow' },
          { rule: 'dispute-hold', version: 1, decision: 'allow' },
          { rule: 'account-hold', version: 1, decision: 'allow' },
          { rule: 'cease-contact', version: 1, decision: 'allow' },
          { rule: 'do-not-contact', version: 1, decision: 'allow' },
          { rule: 'time-barred-no-suit-threat', version: 1, decision: 'allow' },
          { rule: 'channel-frequency-cap', version: 1, decision: 'allow' },
          { rule: 'call-window', version: 2, decision: 'allow', timeZones: ['America/New_York'] },
        ],
      });

      const retry = await contact(accountId, body, staff('collector', 'collector-7')).set('idempotency-key', 'call-1').expect(201);
      expect(retry.body).toEqual(first.body);
      expect(await caseTypes(accountId)).toEqual(['ContactCaseOpened', 'NoticeSent', 'ContactAttemptRecorded', 'PromiseToPayMade']);
      const recorded = (await caseEvents(accountId))[2];
      expect(recorded.data).toMatchObject({ collectorId: 'collector-7', notes: 'AP manager promised full payment', compliance: first.body.compliance });
      expect(recorded.metadata.principal).toEqual({ role: 'collector', id: 'collector-7' });

      await waitForPublished(accountId, 'PromiseToPayMade.v1');
      expect(publishedOf(accountId, 'ContactAttemptRecorded.v1').map((m) => m.value)).toEqual([
        {
          accountId,
          clientId: 'client-1',
          attemptId: first.body.attemptId,
          collectorId: 'collector-7',
          channel: 'call',
          direction: 'outbound',
          outcome: 'right-party-contact',
          rightPartyContact: true,
          occurredAt: MONDAY_10_NEW_YORK,
        },
      ]);
      expect(publishedOf(accountId, 'PromiseToPayMade.v1').map((m) => m.value)).toEqual([
        { accountId, clientId: 'client-1', promiseId: first.body.promiseId, collectorId: 'collector-7', amount: 750_050, currency: 'USD', dueDate: '2026-01-20', madeAt: MONDAY_10_NEW_YORK },
      ]);

      clock.set('2026-01-05T16:00:00.000Z');
      await contact(accountId, { channel: 'email', direction: 'outbound', outcome: 'no-answer' }, staff('supervisor', 'sup-2')).expect(201);
      const found = await http.get(`/cases/${accountId}`).set('authorization', staff('compliance')).expect(200);
      expect(found.body).toMatchObject({
        attempts: 2,
        rightPartyContacts: 1,
        promises: [{ promiseId: first.body.promiseId, attemptId: first.body.attemptId, amount: 750_050, currency: 'USD', dueDate: '2026-01-20', madeAt: MONDAY_10_NEW_YORK, collectorId: 'collector-7' }],
        lastContact: { at: '2026-01-05T16:00:00.000Z', channel: 'email', direction: 'outbound', outcome: 'no-answer', collectorId: 'sup-2' },
      });
    });

    it('refuses a call to a company on a Saturday, records the refusal, and publishes nothing about it', async () => {
      const accountId = await placeAccount();
      clock.set('2026-01-10T15:00:00.000Z');
      const refused = await contact(accountId, { channel: 'call', direction: 'outbound', outcome: 'no-answer' }, staff('collector', 'collector-7')).expect(422);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toEqual({
        type: 'urn:collections:problem:call-window',
        title: 'Unprocessable Entity',
        status: 422,
        rule: 'call-window',
        detail: 'a company may be called Monday-Friday 08:00-18:00 in its local time (America/New_York); it is Saturday 10:00 there',
      });
      expect(await caseTypes(accountId)).toEqual(['ContactCaseOpened', 'NoticeSent', 'ContactAttemptRefused']);
      const [refusal] = (await caseEvents(accountId)).slice(-1);
      expect(refusal.data).toEqual({ accountId, clientId: 'client-1', rule: 'call-window', version: 2, channel: 'call', reason: refused.body.detail, timeZones: ['America/New_York'] });
      expect(refusal.metadata.principal).toEqual({ role: 'collector', id: 'collector-7' });

      // A letter on the same Saturday is fine: the window is about calls.
      await contact(accountId, { channel: 'letter', direction: 'outbound', outcome: 'no-answer' }).expect(201);
      await waitForPublished(accountId, 'ContactAttemptRecorded.v1');
      expect(publishedOf(accountId, 'ContactAttemptRecorded.v1').map((m) => (m.value as { channel: string }).channel)).toEqual(['letter']);
      const found = await http.get(`/cases/${accountId}`).set('authorization', staff('compliance')).expect(200);
      expect(found.body.refusals).toEqual([
        { rule: 'call-window', version: 2, channel: 'call', reason: refused.body.detail, timeZones: ['America/New_York'], at: '2026-01-10T15:00:00.000Z', by: 'collector-7' },
      ]);
    });

    it('refuses a call to a company at 19:00 New York time but lets a person be called then', async () => {
      const company = await placeAccount();
      const person = await placeAccount({ kind: 'person', legalName: 'Pat Doe', country: 'US', region: 'NY' });
      clock.set('2026-01-06T00:00:00.000Z');
      const call = { channel: 'call', direction: 'outbound', outcome: 'left-message' };
      const refused = await contact(company, call).expect(422);
      expect(refused.body.rule).toBe('call-window');
      expect(refused.body.detail).toContain('Monday 19:00');
      await contact(person, call).expect(201);
    });

    it('judges a debtor whose state is written US-CA in California time: 10:00 in New York is 07:00 there, refused', async () => {
      const accountId = await placeAccount({ kind: 'company', legalName: 'Golden Gate Supply Inc', country: 'US', region: 'US-CA' });
      const refused = await contact(accountId, { channel: 'call', direction: 'outbound', outcome: 'no-answer' }).expect(422);
      expect(refused.body).toMatchObject({ rule: 'call-window', detail: expect.stringContaining('(America/Los_Angeles); it is Monday 07:00 there') });
      const [refusal] = (await caseEvents(accountId)).slice(-1);
      expect(refusal.data).toMatchObject({ rule: 'call-window', version: 2, timeZones: ['America/Los_Angeles'] });
      expect((await http.get(`/cases/${accountId}`).set('authorization', staff('collector')).expect(200)).body).toMatchObject({
        debtorTimeZone: 'America/Los_Angeles',
        debtorTimeZones: ['America/Los_Angeles'],
      });
    });

    it('calls a Texas company only once it is 08:00 in El Paso too, recording both zones', async () => {
      const accountId = await placeAccount({ kind: 'company', legalName: 'Lone Star Freight LLC', country: 'US', region: 'TX' });
      clock.set('2026-01-05T14:00:00.000Z'); // 08:00 in Dallas, 07:00 in El Paso
      await contact(accountId, { channel: 'call', direction: 'outbound', outcome: 'no-answer' }).expect(422);
      clock.set('2026-01-05T15:00:00.000Z');
      const allowed = await contact(accountId, { channel: 'call', direction: 'outbound', outcome: 'no-answer' }).expect(201);
      expect(allowed.body.compliance).toContainEqual({ rule: 'call-window', version: 2, decision: 'allow', timeZones: ['America/Chicago', 'America/Denver'] });
      expect((await http.get(`/cases/${accountId}`).set('authorization', staff('collector')).expect(200)).body).toMatchObject({
        debtorTimeZone: null,
        debtorTimeZones: ['America/Chicago', 'America/Denver'],
      });
    });

    it('answers a retried refusal with the same key identically, recording it once', async () => {
      const accountId = await placeAccount();
      clock.set('2026-01-10T15:00:00.000Z');
      const call = { channel: 'call', direction: 'outbound', outcome: 'no-answer' };
      const first = await contact(accountId, call).set('idempotency-key', 'sat-1').expect(422);
      const retry = await contact(accountId, call).set('idempotency-key', 'sat-1').expect(422);
      expect(retry.body).toEqual(first.body);
      expect((await caseTypes(accountId)).filter((t) => t === 'ContactAttemptRefused')).toHaveLength(1);
    });

    it('refuses an invalid promise with its rule, writing nothing', async () => {
      const accountId = await placeAccount();
      const cases: Array<[object, string]> = [
        [{ channel: 'call', direction: 'outbound', outcome: 'left-message', promise: PROMISE }, 'promise-needs-right-party-contact'],
        [{ channel: 'call', direction: 'outbound', outcome: 'right-party-contact', promise: { ...PROMISE, currency: 'EUR' } }, 'promise-currency-mismatch'],
        [{ channel: 'call', direction: 'outbound', outcome: 'right-party-contact', promise: { ...PROMISE, dueDate: '2026-01-04' } }, 'promise-due-date-past'],
      ];
      for (const [body, rule] of cases) {
        const refused = await contact(accountId, body).expect(422);
        expect(refused.body).toMatchObject({ type: `urn:collections:problem:${rule}`, status: 422, rule, detail: expect.any(String) });
      }
      expect(await caseTypes(accountId)).toEqual(['ContactCaseOpened', 'NoticeSent']);
    });

    it('lists every invalid field at once, writing nothing', async () => {
      const accountId = await placeAccount();
      const refused = await contact(accountId, {
        channel: 'pigeon',
        direction: 'sideways',
        outcome: 'maybe',
        notes: 'x'.repeat(2001),
        promise: { amount: 10.5, currency: 'usd', dueDate: '2026-02-30' },
      }).expect(400);
      const fields = refused.body.problems.map((p: { field: string }) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['channel', 'direction', 'outcome', 'notes', 'promise.amount', 'promise.currency', 'promise.dueDate']));
      expect(await caseTypes(accountId)).toEqual(['ContactCaseOpened', 'NoticeSent']);
    });

    it('answers 404 for an account with no case, and does not pin that answer to the key', async () => {
      const accountId = randomUUID();
      const body = { channel: 'email', direction: 'outbound', outcome: 'no-answer' };
      const missing = await contact(accountId, body).set('idempotency-key', 'early-1').expect(404);
      expect(missing.body).toMatchObject({ type: 'urn:collections:problem:case-unknown', status: 404, rule: 'case-unknown' });
      expect(await caseEvents(accountId)).toEqual([]);

      await placeAccount(NY_COMPANY, accountId);
      await contact(accountId, body).set('idempotency-key', 'early-1').expect(201);
    });

    it('refuses any contact once intake closes the account (409 case-closed), and records the refusal', async () => {
      const accountId = await placeAccount();
      const messageId = await publish(AccountClosed, accountId, closedData(accountId, 'paid-in-full'));
      await publish(AccountClosed, accountId, closedData(accountId, 'paid-in-full'), messageId);
      await waitForStored(accountId, 'ContactCaseClosed');

      const refused = await contact(accountId, { channel: 'email', direction: 'outbound', outcome: 'no-answer' }).expect(409);
      expect(refused.body).toEqual({
        type: 'urn:collections:problem:case-closed',
        title: 'Conflict',
        status: 409,
        rule: 'case-closed',
        detail: 'the case is closed (paid-in-full): the debtor may not be contacted about it',
      });
      expect(await caseTypes(accountId)).toEqual(['ContactCaseOpened', 'NoticeSent', 'ContactCaseClosed', 'ContactAttemptRefused']);
      const found = await http.get(`/cases/${accountId}`).set('authorization', staff('collector')).expect(200);
      expect(found.body).toMatchObject({ status: 'closed', closingCode: 'paid-in-full', closedAt: MONDAY_10_NEW_YORK, attempts: 0 });
    });
  });

  describe('a reopened account', () => {
    it('reopens the case when intake reopens the account: a call refused while closed (case-closed) is recorded after, and the case shows open', async () => {
      const accountId = await placeAccount();
      await publish(AccountClosed, accountId, closedData(accountId, 'paid-in-full'));
      await waitForStored(accountId, 'ContactCaseClosed');
      const call = { channel: 'call', direction: 'outbound', outcome: 'no-answer' };
      clock.set(TUESDAY_10_NEW_YORK);
      const refused = await contact(accountId, call).expect(409);
      expect(refused.body.rule).toBe('case-closed');

      await publish(AccountReopened, accountId, reopenedData(accountId));
      await waitForStored(accountId, 'ContactCaseReopened');

      const accepted = await contact(accountId, call, staff('collector', 'collector-7')).expect(201);
      expect(accepted.body.compliance).toEqual([
        { rule: 'case-closed', version: 1, decision: 'allow' },
        { rule: 'bankruptcy-stay', version: 1, decision: 'allow' },
        { rule: 'dispute-hold', version: 1, decision: 'allow' },
        { rule: 'account-hold', version: 1, decision: 'allow' },
        { rule: 'cease-contact', version: 1, decision: 'allow' },
        { rule: 'do-not-contact', version: 1, decision: 'allow' },
        { rule: 'time-barred-no-suit-threat', version: 1, decision: 'allow' },
        { rule: 'channel-frequency-cap', version: 1, decision: 'allow' },
        { rule: 'call-window', version: 2, decision: 'allow', timeZones: ['America/New_York'] },
      ]);
      const events = await caseEvents(accountId);
      expect(events.map((e) => e.type)).toEqual(['ContactCaseOpened', 'NoticeSent', 'ContactCaseClosed', 'ContactAttemptRefused', 'ContactCaseReopened', 'ContactAttemptRecorded']);
      const reopened = events[4];
      expect(reopened.data).toEqual({ accountId, clientId: 'client-1', previousClosingCode: 'paid-in-full', reason: 'payment-reversed', reopenedAt: TUESDAY_10_NEW_YORK });
      expect(reopened.metadata).toMatchObject({ principal: { role: 'system', id: 'integration' }, correlationId: `corr-${accountId}` });

      const found = await http.get(`/cases/${accountId}`).set('authorization', staff('collector')).expect(200);
      expect(found.body).toMatchObject({
        status: 'open',
        reopenedAt: TUESDAY_10_NEW_YORK,
        reopenReason: 'payment-reversed',
        previousClosingCode: 'paid-in-full',
        attempts: 1,
        lastContact: { attemptId: accepted.body.attemptId, at: TUESDAY_10_NEW_YORK, channel: 'call', collectorId: 'collector-7' },
        refusals: [{ rule: 'case-closed', version: 1, channel: 'call', at: TUESDAY_10_NEW_YORK }],
        // No new notice on a reopening: the debtor already had the first demand.
        notices: [{ noticeType: 'first-demand', channel: 'letter', sentAt: MONDAY_10_NEW_YORK }],
      });
      // The closure no longer describes the case.
      expect(found.body).toMatchObject({ closingCode: null, closedAt: null });

      // Like the closure, the reopening is published only on the audit topic, whole.
      expect(storedOf(accountId, 'ContactCaseReopened').map((m) => (m.value as { data: unknown }).data)).toEqual([reopened.data]);
      await waitForPublished(accountId, 'ContactAttemptRecorded.v1');
      expect(published.filter((m) => m.key === accountId).map((m) => m.headers['message-type'])).toEqual(['NoticeSent.v1', 'ContactAttemptRecorded.v1']);
    });

    it('reopens once however often the reopening is delivered, and closes again on the next closure', async () => {
      const accountId = await placeAccount();
      await publish(AccountClosed, accountId, closedData(accountId, 'paid-in-full'));
      const messageId = await publish(AccountReopened, accountId, reopenedData(accountId));
      await publish(AccountReopened, accountId, reopenedData(accountId), messageId);
      await publish(AccountReopened, accountId, reopenedData(accountId));
      // Same key, published after the repeats: once it is handled, so were they.
      await publish(AccountClosed, accountId, closedData(accountId, 'recalled'));
      await waitForStored(accountId, 'ContactCaseClosed', 2);

      expect(await caseTypes(accountId)).toEqual(['ContactCaseOpened', 'NoticeSent', 'ContactCaseClosed', 'ContactCaseReopened', 'ContactCaseClosed']);
      const found = await http.get(`/cases/${accountId}`).set('authorization', staff('collector')).expect(200);
      expect(found.body).toMatchObject({ status: 'closed', closingCode: 'recalled', closedAt: MONDAY_10_NEW_YORK, reopenedAt: MONDAY_10_NEW_YORK, previousClosingCode: 'paid-in-full' });
      const refused = await contact(accountId, { channel: 'email', direction: 'outbound', outcome: 'no-answer' }).expect(409);
      expect(refused.body.detail).toBe('the case is closed (recalled): the debtor may not be contacted about it');
    });

    it('drops a reopening for an account it never opened, without retrying or dead-lettering it', async () => {
      const deadLetters: IncomingMessage[] = [];
      const watcher = await bus.subscribe({ groupId: `dead-letters-${randomUUID()}`, topics: [deadLetterTopic(INTAKE_ACCOUNTS)], handler: async (m) => void deadLetters.push(m) });
      try {
        const accountId = randomUUID();
        const messageId = await publish(AccountReopened, accountId, reopenedData(accountId));
        await placeAccount(NY_COMPANY, accountId);
        expect(await caseTypes(accountId)).toEqual(['ContactCaseOpened', 'NoticeSent']);
        expect(deadLetters.filter((m) => m.headers['message-id'] === messageId)).toEqual([]);
      } finally {
        await watcher.close();
      }
    });
  });

  describe('the audit trail', () => {
    it("gives compliance the case's stored events with an intact hash chain, and copies each to the audit topic", async () => {
      const accountId = await placeAccount();
      await contact(accountId, { channel: 'call', direction: 'outbound', outcome: 'no-answer' }).expect(201);
      const trail = await http.get(`/audit/debtor-contact/accounts/${accountId}`).set('authorization', staff('compliance')).expect(200);
      expect(trail.body.service).toBe('debtor-contact');
      // The case and its contact strategy's run (docs/debtor-contact.md, "Contact strategies").
      expect(trail.body.streams).toHaveLength(2);
      expect(trail.body.streams[0]).toMatchObject({ streamId: `contact-${accountId}`, integrity: { ok: true } });
      expect(trail.body.streams[1]).toMatchObject({ streamId: `cadence-${accountId}`, integrity: { ok: true } });
      expect(trail.body.streams[0].events.map((e: { type: string }) => e.type).filter((type: string) => !isMessageEvent(type))).toEqual(['ContactCaseOpened', 'NoticeSent', 'ContactAttemptRecorded']);
      await waitForStored(accountId, 'ContactAttemptRecorded');
      const copied = audit.filter((m) => m.key === `contact-${accountId}` && !isMessageEvent((m.value as { type: string }).type));
      expect(copied.map((m) => (m.value as { accountId: string }).accountId)).toEqual([accountId, accountId, accountId]);
    });
  });

  describe('roles', () => {
    it('lets each endpoint be called only by the roles it states', async () => {
      const accountId = await placeAccount();
      const body = { channel: 'email', direction: 'outbound', outcome: 'no-answer' };
      await http.post(`/cases/${accountId}/contacts`).send(body).expect(401);
      await http.get(`/cases/${accountId}`).expect(401);
      await http.get(`/audit/debtor-contact/accounts/${accountId}`).expect(401);
      for (const role of ['accountant', 'legal', 'compliance', 'admin'] as const) {
        await contact(accountId, body, staff(role)).expect(403);
      }
      for (const role of ['accountant', 'legal', 'admin'] as const) {
        await http.get(`/cases/${accountId}`).set('authorization', staff(role)).expect(403);
      }
      for (const role of ['collector', 'supervisor', 'accountant', 'legal', 'admin'] as const) {
        await http.get(`/audit/debtor-contact/accounts/${accountId}`).set('authorization', staff(role)).expect(403);
      }
      await http.post(`/cases/${accountId}/contacts`).set('x-api-key', CLIENT_KEY).send(body).expect(403);
      await http.get(`/cases/${accountId}`).set('x-api-key', CLIENT_KEY).expect(403);
      const forged = signStaffToken('another-secret', { role: 'collector', id: 'mallory' }, new Date(Date.now() + 3_600_000));
      await contact(accountId, body, `Bearer ${forged}`).expect(401);
      expect(await caseTypes(accountId)).toEqual(['ContactCaseOpened', 'NoticeSent']);
    });
  });

  describe("the debtor's contacts as placed", () => {
    const PHONES = [
      { number: '+1 212 555 0100', consent: true, doNotContact: true },
      { number: '+12125550199', consent: true, doNotContact: false },
    ];

    it('keeps the phones and emails with their flags, and refuses (422, recorded) a call to a number marked do-not-contact', async () => {
      clock.set(MONDAY_10_NEW_YORK);
      const emails = [{ address: 'ap@acme.example', consent: false, doNotContact: false }];
      const accountId = await placeAccount({ taxId: '12-3456789', phones: PHONES, emails });
      const shown = await http.get(`/cases/${accountId}`).set('authorization', staff('collector')).expect(200);
      expect(shown.body.debtor).toMatchObject({ taxId: '12-3456789', phones: PHONES, emails });

      const refused = await contact(accountId, { channel: 'call', direction: 'outbound', outcome: 'no-answer', to: '+12125550100' }).expect(422);
      expect(refused.body).toMatchObject({ rule: 'do-not-contact', detail: 'the number +1 212 555 0100 is marked do-not-contact by the client' });
      const unnamed = await contact(accountId, { channel: 'text', direction: 'outbound', outcome: 'no-answer' }).expect(422);
      expect(unnamed.body.rule).toBe('do-not-contact');
      const allowed = await contact(accountId, { channel: 'call', direction: 'outbound', outcome: 'no-answer', to: '+12125550199' }).expect(201);
      expect(allowed.body.compliance.map((d: { rule: string }) => d.rule)).toEqual(['case-closed', 'bankruptcy-stay', 'dispute-hold', 'account-hold', 'cease-contact', 'do-not-contact', 'time-barred-no-suit-threat', 'channel-frequency-cap', 'call-window']);
      const events = await caseEvents(accountId);
      expect(events.map((e) => e.type)).toEqual(['ContactCaseOpened', 'NoticeSent', 'ContactAttemptRefused', 'ContactAttemptRefused', 'ContactAttemptRecorded']);
      expect(events[2].data).toMatchObject({ rule: 'do-not-contact', version: 1, channel: 'call' });
      expect(events[4].data).toMatchObject({ to: '+12125550199' });
    });

    it('still opens a case from an AccountPlaced.v1 message (upcast), with no contacts known', async () => {
      const accountId = randomUUID();
      const { category: _c, buckets: _b, ...v1 } = placedData(accountId);
      await publish(AccountPlacedV1, accountId, { ...v1, debtor: NY_COMPANY });
      await waitForPublished(accountId, 'NoticeSent.v1');
      const shown = await http.get(`/cases/${accountId}`).set('authorization', staff('collector')).expect(200);
      expect(shown.body.debtor).toEqual({ ...NY_COMPANY, addresses: [], phones: [], emails: [] });
    });
  });
});

const PROMISE = { amount: 750_050, currency: 'USD', dueDate: '2026-01-20' };

function closedData(accountId: string, closingCode: string): AccountClosedV1 {
  return { accountId, clientId: 'client-1', closingCode, closedAt: MONDAY_10_NEW_YORK };
}

function reopenedData(accountId: string): AccountReopenedV1 {
  return { accountId, clientId: 'client-1', previousClosingCode: 'paid-in-full', reason: 'payment-reversed', paymentId: 'pay-1', balance: 750_050, reopenedAt: TUESDAY_10_NEW_YORK };
}
