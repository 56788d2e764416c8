import { randomUUID } from 'node:crypto';
import { TestClock } from '@lib/clock';
import { AccountPlaced, AUDIT_EVENTS, CONTACT_CASES, Contract } from '@lib/contracts';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { fixedClientKeys, HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { DebtorContactModule } from './debtor-contact.module';
import { MONDAY_10_NEW_YORK, placedData } from './debtor-contact.e2e.fixtures';

const CLIENT_KEY = 'ck_holds-owner';
const OTHER_CLIENT_KEY = 'ck_holds-other';
const WAIT = { timeoutMs: 5_000 };
const CALL = { channel: 'call', direction: 'outbound', outcome: 'no-answer' };

describe('holds, disputes and skip tracing over HTTP (PGlite event store, in-process bus)', () => {
  let bus: MessageBus;
  let clock: TestClock;
  let http: HttpClient;
  let published: IncomingMessage[];
  let close: () => Promise<void>;
  let tickSchedulers: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({
      name: 'debtor-contact',
      clockStart: MONDAY_10_NEW_YORK,
      module: (deps) => DebtorContactModule.register(deps),
      extraImports: [fixedClientKeys({ [CLIENT_KEY]: 'client-1', [OTHER_CLIENT_KEY]: 'client-2' })],
      listenTo: [CONTACT_CASES, AUDIT_EVENTS],
    });
    ({ bus, clock, http, close } = sut);
    tickSchedulers = async () => {
      for (const scheduler of sut.deps.clockControl.schedulers) await scheduler.tick();
    };
    published = sut.received(CONTACT_CASES);
  });
  beforeEach(() => clock.set(MONDAY_10_NEW_YORK));
  afterAll(() => close());

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data): Promise<void> {
    await bus.publish([
      {
        topic: contract.topic,
        key,
        value,
        headers: { 'message-type': contract.type, 'message-id': randomUUID(), 'correlation-id': `corr-${key}`, 'causation-id': 'c', 'source-stream': `account-${key}`, 'source-version': '0' },
      },
    ]);
  }
  const publishedOf = (accountId: string, type: string) => published.filter((m) => m.key === accountId && m.headers['message-type'] === type).map((m) => m.value);
  const waitForPublished = (accountId: string, type: string, count = 1) =>
    waitFor(`${count} ${type} for ${accountId}`, () => publishedOf(accountId, type).length >= count, WAIT, () => `seen ${publishedOf(accountId, type).length}`);

  async function placeAccount(): Promise<string> {
    const accountId = randomUUID();
    await publish(AccountPlaced, accountId, placedData(accountId));
    await waitForPublished(accountId, 'NoticeSent.v1');
    return accountId;
  }
  const contact = (accountId: string, body: object = CALL) => http.post(`/cases/${accountId}/contacts`).set('authorization', staff('collector', 'collector-7')).send(body);
  const holdsOf = async (accountId: string) => (await http.get(`/cases/${accountId}/holds`).set('authorization', staff('compliance')).expect(200)).body;

  describe('a dispute', () => {
    it('opened by the debtor stops collection on the whole account; upheld, the amount is published and collection may resume', async () => {
      const accountId = await placeAccount();
      const opened = await http
        .post(`/accounts/${accountId}/disputes`)
        .set('authorization', staff('collector', 'collector-7'))
        .send({ reason: 'goods never delivered' })
        .expect(201);
      expect(opened.body).toEqual({ accountId, disputeId: expect.any(String), holdId: expect.any(String), openedBy: 'debtor', amount: 750_050, currency: 'USD' });
      const { disputeId, holdId } = opened.body;

      const refused = await contact(accountId).expect(409);
      expect(refused.body).toMatchObject({ type: 'urn:collections:problem:dispute-hold', rule: 'dispute-hold', detail: expect.stringContaining(disputeId) });

      await waitForPublished(accountId, 'DisputeDocumentsRequested.v1');
      expect(publishedOf(accountId, 'DisputeOpened.v1')).toEqual([
        { accountId, clientId: 'client-1', disputeId, openedBy: 'debtor', invoices: [], amount: 750_050, currency: 'USD', reason: 'goods never delivered', openedAt: MONDAY_10_NEW_YORK },
      ]);
      expect(publishedOf(accountId, 'DisputeDocumentsRequested.v1')).toEqual([{ accountId, clientId: 'client-1', disputeId, invoices: [], reason: 'goods never delivered', requestedAt: MONDAY_10_NEW_YORK }]);
      expect(publishedOf(accountId, 'AccountHoldPlaced.v1')).toEqual([expect.objectContaining({ holdId, kind: 'dispute', disputeId, endsAt: null })]);

      // Its hold is lifted by the resolution only.
      const lift = await http.post(`/cases/${accountId}/holds/${holdId}/lift`).set('authorization', staff('supervisor')).send({ reason: 'tired of waiting' }).expect(409);
      expect(lift.body.rule).toBe('hold-ends-with-its-dispute');
      await http.post(`/cases/${accountId}/disputes/${disputeId}/resolution`).set('authorization', staff('collector')).send({ outcome: 'upheld', evidence: 'x' }).expect(403);

      clock.set('2026-01-12T15:00:00.000Z');
      const resolved = await http
        .post(`/cases/${accountId}/disputes/${disputeId}/resolution`)
        .set('authorization', staff('supervisor'))
        .send({ outcome: 'upheld', amount: 250_000, evidence: 'client could not show delivery of invoice INV-2' })
        .expect(201);
      expect(resolved.body).toEqual({ accountId, disputeId, outcome: 'upheld', amount: 250_000, currency: 'USD', resolvedAt: '2026-01-12T15:00:00.000Z' });
      await waitForPublished(accountId, 'DisputeResolved.v1');
      expect(publishedOf(accountId, 'DisputeResolved.v1')).toEqual([
        { accountId, clientId: 'client-1', disputeId, outcome: 'upheld', amount: 250_000, currency: 'USD', evidence: 'client could not show delivery of invoice INV-2', resolvedAt: '2026-01-12T15:00:00.000Z' },
      ]);
      expect(publishedOf(accountId, 'AccountHoldLifted.v1')).toEqual([{ accountId, clientId: 'client-1', holdId, kind: 'dispute', reason: 'dispute upheld', liftedAt: '2026-01-12T15:00:00.000Z' }]);

      await contact(accountId).expect(201);
      const again = await http.post(`/cases/${accountId}/disputes/${disputeId}/resolution`).set('authorization', staff('supervisor')).send({ outcome: 'rejected', evidence: 'x' }).expect(409);
      expect(again.body.rule).toBe('dispute-already-resolved');
    });

    it("opened by the client through its API on one invoice holds only that invoice; rejected, the evidence is recorded and the account's whole debt is collectible", async () => {
      const accountId = await placeAccount();
      const body = { reason: 'invoice INV-1 was credited', invoices: [{ invoiceNumber: 'INV-1', amount: 250_000 }] };
      const notYours = await http.post(`/accounts/${accountId}/disputes`).set('x-api-key', OTHER_CLIENT_KEY).send(body).expect(404);
      expect(notYours.body.rule).toBe('case-unknown');
      const opened = await http.post(`/accounts/${accountId}/disputes`).set('x-api-key', CLIENT_KEY).send(body).expect(201);
      expect(opened.body).toMatchObject({ openedBy: 'client', amount: 250_000 });
      const { disputeId } = opened.body;

      // The contact is about the undisputed rest; the same invoice cannot be disputed twice.
      await contact(accountId).expect(201);
      const twice = await http.post(`/accounts/${accountId}/disputes`).set('authorization', staff('collector')).send(body).expect(409);
      expect(twice.body.rule).toBe('dispute-already-open');
      const tooMuch = await http.post(`/accounts/${accountId}/disputes`).set('authorization', staff('collector')).send({ reason: 'x', invoices: [{ invoiceNumber: 'INV-9', amount: 900_000 }] }).expect(422);
      expect(tooMuch.body.rule).toBe('dispute-exceeds-placed-amount');

      const refusedAmount = await http.post(`/cases/${accountId}/disputes/${disputeId}/resolution`).set('authorization', staff('supervisor')).send({ outcome: 'rejected', amount: 10, evidence: 'x' }).expect(422);
      expect(refusedAmount.body.rule).toBe('dispute-rejected-adjusts-nothing');
      await http
        .post(`/cases/${accountId}/disputes/${disputeId}/resolution`)
        .set('authorization', staff('supervisor'))
        .send({ outcome: 'rejected', evidence: 'credit note CN-7 was applied to INV-3, not INV-1' })
        .expect(201);
      await waitForPublished(accountId, 'DisputeResolved.v1');
      expect(publishedOf(accountId, 'DisputeResolved.v1')).toEqual([expect.objectContaining({ outcome: 'rejected', amount: 0, evidence: 'credit note CN-7 was applied to INV-3, not INV-1' })]);

      const shown = await holdsOf(accountId);
      expect(shown.disputes).toEqual([
        {
          disputeId,
          holdId: opened.body.holdId,
          openedBy: 'client',
          invoices: [{ invoiceNumber: 'INV-1', amount: 250_000 }],
          amount: 250_000,
          currency: 'USD',
          reason: 'invoice INV-1 was credited',
          openedAt: MONDAY_10_NEW_YORK,
          written: false,
          resolution: { outcome: 'rejected', amount: 0, evidence: 'credit note CN-7 was applied to INV-3, not INV-1', resolvedAt: MONDAY_10_NEW_YORK },
        },
      ]);
      expect(shown.holds).toEqual([expect.objectContaining({ kind: 'dispute', invoices: ['INV-1'], inForce: false, liftReason: 'dispute rejected' })]);
    });
  });

  describe('a bankruptcy', () => {
    it('stops every outbound channel under the automatic stay, tells the client, and a discharge is published for intake to close the account', async () => {
      const accountId = await placeAccount();
      const filing = { chapter: 7, caseNumber: '1:26-bk-10001', filedOn: '2026-01-02' };
      const missing = await http.post(`/cases/${accountId}/holds`).set('authorization', staff('legal')).send({ kind: 'bankruptcy', reason: 'notice of filing' }).expect(422);
      expect(missing.body.rule).toBe('hold-bankruptcy-filing');
      const placed = await http.post(`/cases/${accountId}/holds`).set('authorization', staff('legal')).send({ kind: 'bankruptcy', reason: 'notice of filing', bankruptcy: filing }).expect(201);
      expect(placed.body).toEqual({ accountId, holdId: expect.any(String), kind: 'bankruptcy', endsAt: null, placedAt: MONDAY_10_NEW_YORK });

      for (const channel of ['call', 'email', 'letter', 'text']) {
        const refused = await contact(accountId, { channel, direction: 'outbound', outcome: 'no-answer' }).expect(409);
        expect(refused.body).toMatchObject({ rule: 'bankruptcy-stay', detail: expect.stringContaining('chapter 7 bankruptcy (case 1:26-bk-10001, filed 2026-01-02)') });
      }
      // The debtor calling in is heard (recording it collects nothing).
      await contact(accountId, { channel: 'call', direction: 'inbound', outcome: 'right-party-contact' }).expect(201);
      const shownCase = (await http.get(`/cases/${accountId}`).set('authorization', staff('compliance')).expect(200)).body;
      expect(shownCase.refusals.map((r: { rule: string; channel: string }) => [r.rule, r.channel])).toEqual([
        ['bankruptcy-stay', 'call'],
        ['bankruptcy-stay', 'email'],
        ['bankruptcy-stay', 'letter'],
        ['bankruptcy-stay', 'text'],
      ]);

      await waitForPublished(accountId, 'BankruptcyFiled.v1');
      expect(publishedOf(accountId, 'BankruptcyFiled.v1')).toEqual([{ accountId, clientId: 'client-1', holdId: placed.body.holdId, ...filing, recordedAt: MONDAY_10_NEW_YORK }]);

      const second = await http.post(`/cases/${accountId}/holds`).set('authorization', staff('legal')).send({ kind: 'bankruptcy', reason: 'again', bankruptcy: filing }).expect(409);
      expect(second.body.rule).toBe('bankruptcy-already-filed');

      clock.set('2026-04-15T15:00:00.000Z');
      const discharged = await http.post(`/cases/${accountId}/bankruptcy/discharge`).set('authorization', staff('legal')).send({ dischargedOn: '2026-04-15' }).expect(201);
      expect(discharged.body).toEqual({ accountId, holdId: placed.body.holdId, caseNumber: '1:26-bk-10001', dischargedOn: '2026-04-15' });
      await waitForPublished(accountId, 'BankruptcyDischarged.v1');
      expect(publishedOf(accountId, 'BankruptcyDischarged.v1')).toEqual([
        { accountId, clientId: 'client-1', holdId: placed.body.holdId, chapter: 7, caseNumber: '1:26-bk-10001', dischargedOn: '2026-04-15', recordedAt: '2026-04-15T15:00:00.000Z' },
      ]);
      const lift = await http.post(`/cases/${accountId}/holds/${placed.body.holdId}/lift`).set('authorization', staff('legal')).send({ reason: 'x' }).expect(409);
      expect(lift.body.rule).toBe('bankruptcy-discharged');
    });
  });

  describe('a client hold with an end date', () => {
    it('stops contact until the end date on the test clock, allows it from then on, and the scheduler records the lifting', async () => {
      const accountId = await placeAccount();
      const past = await http.post(`/cases/${accountId}/holds`).set('authorization', staff('supervisor')).send({ kind: 'client-hold', reason: 'x', endsAt: '2026-01-01T00:00:00Z' }).expect(422);
      expect(past.body.rule).toBe('hold-ends-in-past');
      await http.post(`/cases/${accountId}/holds`).set('authorization', staff('supervisor')).send({ kind: 'client-hold', reason: 'client reviewing', endsAt: '2026-01-07T15:00:00.000Z' }).expect(201);
      const refused = await contact(accountId).expect(409);
      expect(refused.body).toMatchObject({ rule: 'account-hold', detail: 'the account is on a client-hold hold until 2026-01-07T15:00:00.000Z (client reviewing)' });
      clock.set('2026-01-07T14:59:59.000Z');
      await tickSchedulers();
      expect((await contact(accountId).expect(409)).body.rule).toBe('account-hold');
      clock.set('2026-01-07T15:00:00.000Z');
      // Allowed from the end date itself, whether or not the scheduler has run yet.
      await contact(accountId).expect(201);
      expect((await holdsOf(accountId)).holds).toEqual([expect.objectContaining({ kind: 'client-hold', inForce: false, liftedAt: null })]);
      await tickSchedulers();
      await waitForPublished(accountId, 'AccountHoldLifted.v1');
      expect(publishedOf(accountId, 'AccountHoldLifted.v1')).toEqual([
        { accountId, clientId: 'client-1', holdId: expect.any(String), kind: 'client-hold', reason: 'its end date came', liftedAt: '2026-01-07T15:00:00.000Z' },
      ]);
      expect((await holdsOf(accountId)).holds).toEqual([expect.objectContaining({ inForce: false, liftedAt: '2026-01-07T15:00:00.000Z', liftReason: 'its end date came' })]);
    });

    it('lifted by a supervisor allows contact again at once', async () => {
      const accountId = await placeAccount();
      const placed = await http.post(`/cases/${accountId}/holds`).set('authorization', staff('supervisor')).send({ kind: 'deceased', reason: 'reported by a relative' }).expect(201);
      expect((await contact(accountId).expect(409)).body.rule).toBe('account-hold');
      const lifted = await http.post(`/cases/${accountId}/holds/${placed.body.holdId}/lift`).set('authorization', staff('supervisor')).send({ reason: 'the report was about another person' }).expect(200);
      expect(lifted.body).toEqual({ accountId, holdId: placed.body.holdId, kind: 'deceased', liftedAt: MONDAY_10_NEW_YORK });
      await contact(accountId).expect(201);
    });
  });

  describe('skip tracing', () => {
    it('a wrong number puts the account in the skip queue; new contact data with its source takes it out and contact resumes', async () => {
      const accountId = await placeAccount();
      const reported = await http.post(`/cases/${accountId}/skip`).set('authorization', staff('collector')).send({ evidence: 'wrong-number', detail: '+12125550100 reached a florist' }).expect(201);
      expect(reported.body).toEqual({ accountId, holdId: expect.any(String), since: MONDAY_10_NEW_YORK });
      const queue = (await http.get('/skip-queue').set('authorization', staff('collector')).expect(200)).body;
      expect(queue).toContainEqual({ accountId, clientId: 'client-1', holdId: reported.body.holdId, evidence: 'wrong-number', detail: '+12125550100 reached a florist', since: MONDAY_10_NEW_YORK });
      expect((await contact(accountId).expect(409)).body.rule).toBe('account-hold');

      const empty = await http.post(`/cases/${accountId}/contact-data`).set('authorization', staff('collector')).send({ source: 'credit bureau' }).expect(422);
      expect(empty.body.rule).toBe('contact-data-empty');
      const found = await http
        .post(`/cases/${accountId}/contact-data`)
        .set('authorization', staff('collector'))
        .send({ source: 'credit bureau', phones: [{ number: '+12125550177', consent: false }] })
        .expect(201);
      expect(found.body).toEqual({ accountId, liftedHolds: [reported.body.holdId] });
      const after = (await http.get('/skip-queue').set('authorization', staff('supervisor')).expect(200)).body;
      expect(after.map((entry: { accountId: string }) => entry.accountId)).not.toContain(accountId);
      await contact(accountId, { ...CALL, to: '+12125550177' }).expect(201);
      const debtor = (await http.get(`/cases/${accountId}`).set('authorization', staff('collector')).expect(200)).body.debtor;
      expect(debtor.phones).toContainEqual({ number: '+12125550177', consent: false, doNotContact: false });
    });
  });
});
