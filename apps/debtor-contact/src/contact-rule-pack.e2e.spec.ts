import { randomUUID } from 'node:crypto';
import { TestClock } from '@lib/clock';
import { AccountPlaced, AccountTimeBarred, AUDIT_EVENTS, COMPLIANCE_DECISIONS, CONTACT_CASES, Contract } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { DebtorContactModule } from './debtor-contact.module';
import { MONDAY_10_NEW_YORK, NY_PERSON, placedData } from './debtor-contact.e2e.fixtures';

const WAIT = { timeoutMs: 5_000 };
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

describe('the contact rule pack over HTTP: Regulation F for consumers (PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let clock: TestClock;
  let http: HttpClient;
  let published: IncomingMessage[];
  let refusals: IncomingMessage[];
  let audit: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({
      name: 'debtor-contact',
      clockStart: MONDAY_10_NEW_YORK,
      module: (deps) => DebtorContactModule.register(deps),
      listenTo: [CONTACT_CASES, AUDIT_EVENTS, COMPLIANCE_DECISIONS],
    });
    ({ store, bus, clock, http, close } = sut);
    published = sut.received(CONTACT_CASES);
    refusals = sut.received(COMPLIANCE_DECISIONS);
    audit = sut.received(AUDIT_EVENTS);
  });
  beforeEach(() => clock.set(MONDAY_10_NEW_YORK));
  afterAll(() => close());

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data): Promise<void> {
    const headers = { 'message-type': contract.type, 'message-id': randomUUID(), 'correlation-id': `corr-${key}`, 'causation-id': 'c', 'source-stream': `x-${key}`, 'source-version': '0' };
    await bus.publish([{ topic: contract.topic, key, value, headers }]);
  }

  async function placeConsumerAccount(): Promise<string> {
    const accountId = randomUUID();
    await publish(AccountPlaced, accountId, placedData(accountId, NY_PERSON, { invoices: [{ number: 'INV-1', issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: 750_050, currency: 'USD' }] }));
    await waitFor(`NoticeSent.v1 for ${accountId}`, () => published.some((m) => m.key === accountId && m.headers['message-type'] === 'NoticeSent.v1'), WAIT);
    return accountId;
  }

  const contact = (accountId: string, body: object) => http.post(`/cases/${accountId}/contacts`).set('authorization', staff('collector', 'collector-7')).send(body);
  const call = (outcome = 'no-answer') => ({ channel: 'call', direction: 'outbound', outcome });
  const refusalsOf = async (accountId: string) => (await store.readStream(`contact-${accountId}`)).filter((e) => e.type === 'ContactAttemptRefused');
  const publishedRefusals = (accountId: string) => refusals.filter((m) => m.key === accountId && m.headers['message-type'] === 'CommandRefused.v1');

  it('refuses the 8th call attempt in 7 days on a consumer debt with reg-f-call-frequency v1, records the refusal and publishes it', async () => {
    const accountId = await placeConsumerAccount();
    for (let attempt = 1; attempt <= 7; attempt++) {
      clock.set(hoursAfter(MONDAY_10_NEW_YORK, (attempt - 1) * 0.25));
      const allowed = await contact(accountId, call()).expect(201);
      expect(allowed.body.compliance).toContainEqual({ rule: 'reg-f-call-frequency', version: 1, decision: 'allow' });
    }
    clock.set(hoursAfter(MONDAY_10_NEW_YORK, 24));
    const eighth = await contact(accountId, call()).expect(422);
    expect(eighth.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(eighth.body).toMatchObject({ type: 'urn:collections:problem:reg-f-call-frequency', status: 422, rule: 'reg-f-call-frequency' });
    expect(eighth.body.detail).toBe(`7 call attempts were placed on this debt in the last 7 days (the first at ${MONDAY_10_NEW_YORK}): Regulation F allows at most 7`);
    expect((await refusalsOf(accountId)).map((e) => e.data)).toEqual([
      { accountId, clientId: 'client-1', rule: 'reg-f-call-frequency', version: 1, channel: 'call', reason: eighth.body.detail },
    ]);
    await waitFor('the refusal on compliance.decisions', () => publishedRefusals(accountId).length === 1, WAIT);
    expect(publishedRefusals(accountId)[0].value).toEqual({
      service: 'debtor-contact',
      accountId,
      clientId: 'client-1',
      command: 'RecordContact',
      rule: 'reg-f-call-frequency',
      ruleVersion: 1,
      reason: eighth.body.detail,
      principalId: 'collector-7',
      refusedAt: hoursAfter(MONDAY_10_NEW_YORK, 24),
    });

    // A letter is not a call; and once the first attempt is 7 days old, a call goes through again.
    await contact(accountId, { channel: 'letter', direction: 'outbound', outcome: 'no-answer' }).expect(201);
    clock.set(hoursAfter(MONDAY_10_NEW_YORK, 168.1));
    await contact(accountId, call()).expect(201);
  });

  it('refuses a call within 7 days after a telephone conversation with the debtor, and allows it after', async () => {
    const accountId = await placeConsumerAccount();
    await contact(accountId, call('right-party-contact')).expect(201);
    clock.set(hoursAfter(MONDAY_10_NEW_YORK, 72));
    const refused = await contact(accountId, call()).expect(422);
    expect(refused.body).toMatchObject({ rule: 'reg-f-call-after-conversation', status: 422 });
    expect(refused.body.detail).toContain(`allows no call about the debt until ${hoursAfter(MONDAY_10_NEW_YORK, 168)}`);
    expect((await refusalsOf(accountId)).map((e) => e.data)).toMatchObject([{ rule: 'reg-f-call-after-conversation', version: 1 }]);
    await contact(accountId, { channel: 'email', direction: 'outbound', outcome: 'no-answer' }).expect(201);
    clock.set(hoursAfter(MONDAY_10_NEW_YORK, 168));
    await contact(accountId, call()).expect(201);
  });

  it('refuses direct contact with a debtor represented by an attorney, once the representation is recorded; the debtor calling in is still recorded', async () => {
    const accountId = await placeConsumerAccount();
    await contact(accountId, { channel: 'letter', direction: 'outbound', outcome: 'no-answer' }).expect(201);
    const recorded = await http
      .post(`/cases/${accountId}/attorney-representation`)
      .set('authorization', staff('collector', 'collector-7'))
      .send({ name: 'Sam Counsel', firm: 'Counsel & Co', phone: '+12125550150' })
      .expect(201);
    expect(recorded.body).toEqual({ accountId, attorney: { name: 'Sam Counsel', firm: 'Counsel & Co', phone: '+12125550150', email: null }, recordedAt: MONDAY_10_NEW_YORK });
    for (const channel of ['call', 'letter', 'email', 'text']) {
      const refused = await contact(accountId, { channel, direction: 'outbound', outcome: 'no-answer' }).expect(422);
      expect(refused.body).toMatchObject({ rule: 'attorney-represented', detail: 'the debtor is represented by Sam Counsel (Counsel & Co) about this debt since 2026-01-05: contact the attorney, not the debtor' });
    }
    await contact(accountId, { channel: 'call', direction: 'inbound', outcome: 'right-party-contact' }).expect(201);
    expect((await refusalsOf(accountId)).map((e) => [e.data.rule, e.data.version, e.data.channel])).toEqual([
      ['attorney-represented', 1, 'call'],
      ['attorney-represented', 1, 'letter'],
      ['attorney-represented', 1, 'email'],
      ['attorney-represented', 1, 'text'],
    ]);
    const stored = (await store.readStream(`contact-${accountId}`)).find((e) => e.type === 'AttorneyRepresentationRecorded');
    expect(stored?.metadata.principal).toEqual({ role: 'collector', id: 'collector-7' });
  });

  it('a written dispute within the validation period pauses collection until it is resolved (reg-f-validation-period v1); an oral one of an invoice does not', async () => {
    const accountId = await placeConsumerAccount();
    const dispute = (body: object) => http.post(`/accounts/${accountId}/disputes`).set('authorization', staff('collector', 'collector-7')).send(body);
    const invoice = [{ invoiceNumber: 'INV-1', amount: 250_000 }];
    // An oral dispute of one invoice: the agency's dispute hold covers that invoice only, so a call about the rest is allowed.
    const oral = await dispute({ reason: 'says part was never delivered', invoices: invoice }).expect(201);
    await contact(accountId, call()).expect(201);
    const resolve = (disputeId: string) =>
      http.post(`/cases/${accountId}/disputes/${disputeId}/resolution`).set('authorization', staff('supervisor')).send({ outcome: 'rejected', evidence: 'signed delivery note' }).expect(201);
    await resolve(oral.body.disputeId);

    clock.set(hoursAfter(MONDAY_10_NEW_YORK, 24 * 34));
    const written = await dispute({ reason: 'letter: I dispute invoice INV-1', invoices: invoice, written: true }).expect(201);
    const holds = await http.get(`/cases/${accountId}/holds`).set('authorization', staff('compliance')).expect(200);
    expect(holds.body.disputes.map((d: { written: boolean }) => d.written)).toEqual([false, true]);
    for (const channel of ['call', 'letter', 'email', 'text']) {
      const refused = await contact(accountId, { channel, direction: 'outbound', outcome: 'no-answer' }).expect(409);
      expect(refused.body).toMatchObject({ rule: 'reg-f-validation-period', status: 409 });
      expect(refused.body.detail).toBe(`the debtor disputed the debt in writing on 2026-02-08, within the validation period (until 2026-02-09): collection waits for verification (dispute ${written.body.disputeId} resolved)`);
    }
    await contact(accountId, { channel: 'call', direction: 'inbound', outcome: 'right-party-contact' }).expect(201);
    expect((await refusalsOf(accountId)).map((e) => [e.data.rule, e.data.version, e.data.channel])).toEqual([
      ['reg-f-validation-period', 1, 'call'],
      ['reg-f-validation-period', 1, 'letter'],
      ['reg-f-validation-period', 1, 'email'],
      ['reg-f-validation-period', 1, 'text'],
    ]);
    // Verification sent: the dispute resolved, collection resumes (a letter: the debtor's call started Regulation F's 7 quiet days for calls).
    await resolve(written.body.disputeId);
    const resumed = await contact(accountId, { channel: 'letter', direction: 'outbound', outcome: 'no-answer' }).expect(201);
    expect(resumed.body.compliance).toContainEqual({ rule: 'reg-f-validation-period', version: 1, decision: 'allow' });
  });

  it('records a cease request: written-only stops calls, all-channels stops everything outbound', async () => {
    const accountId = await placeConsumerAccount();
    const cease = (mode: string) => http.post(`/cases/${accountId}/cease-requests`).set('authorization', staff('compliance')).send({ mode, receivedOn: '2026-01-05' });
    expect((await cease('written-only').expect(201)).body).toEqual({ accountId, mode: 'written-only', receivedOn: '2026-01-05' });
    expect((await contact(accountId, call()).expect(422)).body.rule).toBe('cease-contact');
    await contact(accountId, { channel: 'letter', direction: 'outbound', outcome: 'no-answer' }).expect(201);
    expect((await cease('all-channels').expect(201)).body.mode).toBe('all-channels');
    expect((await contact(accountId, { channel: 'letter', direction: 'outbound', outcome: 'no-answer' }).expect(422)).body.rule).toBe('cease-contact');
    // A later written-only request does not narrow it.
    expect((await cease('written-only').expect(201)).body.mode).toBe('all-channels');
    await cease('sometimes').expect(400);
    await http.post(`/cases/${randomUUID()}/cease-requests`).set('authorization', staff('compliance')).send({ mode: 'all-channels', receivedOn: '2026-01-05' }).expect(404);
  });

  it('a refused promise leaves no domain event but a CommandRefused on the compliance stream, published once', async () => {
    const accountId = await placeConsumerAccount();
    const before = (await store.readStream(`contact-${accountId}`)).length;
    const refused = await contact(accountId, { ...call('left-message'), promise: { amount: 10_000, currency: 'USD', dueDate: '2026-01-20' } }).expect(422);
    expect(refused.body.rule).toBe('promise-needs-right-party-contact');
    expect((await store.readStream(`contact-${accountId}`)).length).toBe(before);
    const ledger = await store.readStream(`compliance-${accountId}`);
    expect(ledger.map((e) => e.data)).toEqual([
      { service: 'debtor-contact', accountId, clientId: null, command: 'RecordContact', rule: 'promise-needs-right-party-contact', ruleVersion: null, reason: refused.body.detail, refusedAt: MONDAY_10_NEW_YORK },
    ]);
    await waitFor('the promise refusal on compliance.decisions', () => publishedRefusals(accountId).length === 1, WAIT);
    expect(publishedRefusals(accountId)[0].value).toMatchObject({ command: 'RecordContact', rule: 'promise-needs-right-party-contact', ruleVersion: null, principalId: 'collector-7' });
  });

  it('hears AccountTimeBarred.v1 from legal referral and records it on the case once', async () => {
    const accountId = await placeConsumerAccount();
    const barred = { accountId, clientId: 'client-1', jurisdiction: 'US-NY', claimType: 'open-account' as const, expiredOn: '2025-06-01', citation: 'N.Y. C.P.L.R. 214-i', reason: 'three years', noticedAt: MONDAY_10_NEW_YORK };
    await publish(AccountTimeBarred, accountId, barred);
    await publish(AccountTimeBarred, accountId, barred);
    // A later expiry on the same key is handled after the repeat: once it is stored, the repeat was heard and recorded nothing.
    await publish(AccountTimeBarred, accountId, { ...barred, expiredOn: '2025-06-02' });
    const barredEvents = () => audit.filter((m) => m.key === `contact-${accountId}` && (m.value as { type: string }).type === 'CaseTimeBarred');
    await waitFor('two CaseTimeBarred', () => barredEvents().length >= 2, WAIT);
    const stored = (await store.readStream(`contact-${accountId}`)).filter((e) => e.type === 'CaseTimeBarred');
    expect(stored.map((e) => e.data)).toEqual([
      { accountId, clientId: 'client-1', jurisdiction: 'US-NY', expiredOn: '2025-06-01', citation: 'N.Y. C.P.L.R. 214-i', reason: 'three years', noticedAt: MONDAY_10_NEW_YORK },
      { accountId, clientId: 'client-1', jurisdiction: 'US-NY', expiredOn: '2025-06-02', citation: 'N.Y. C.P.L.R. 214-i', reason: 'three years', noticedAt: MONDAY_10_NEW_YORK },
    ]);
  });

  it('lists the rule pack with scopes, and the rules selected for an account: a New York consumer gets Regulation F, not the Massachusetts rule', async () => {
    const pack = await http.get('/compliance/contact-rules').set('authorization', staff('compliance')).expect(200);
    expect(pack.body.map((rule: { name: string; version: number }) => `${rule.name} v${rule.version}`)).toEqual([
      'case-closed v1', 'bankruptcy-stay v1', 'reg-f-validation-period v1', 'dispute-hold v1', 'account-hold v1', 'cease-contact v1', 'attorney-represented v1', 'do-not-contact v1', 'time-barred-no-suit-threat v1',
      'reg-f-call-after-conversation v1', 'reg-f-call-frequency v1', 'ma-call-frequency v1', 'channel-frequency-cap v1', 'call-window v2',
    ]);
    expect(pack.body.find((rule: { name: string }) => rule.name === 'ma-call-frequency')).toEqual({
      name: 'ma-call-frequency', version: 1, scope: { accounts: 'consumer', jurisdictions: ['US-MA'], clients: null }, checks: 'at most 2 outbound calls or texts in 7 days to a consumer in Massachusetts',
    });
    const accountId = await placeConsumerAccount();
    const selected = await http.get(`/cases/${accountId}/contact-rules`).set('authorization', staff('collector')).expect(200);
    expect(selected.body.map((rule: { name: string }) => rule.name)).toEqual([
      'case-closed', 'bankruptcy-stay', 'reg-f-validation-period', 'dispute-hold', 'account-hold', 'cease-contact', 'attorney-represented', 'do-not-contact', 'time-barred-no-suit-threat', 'reg-f-call-after-conversation', 'reg-f-call-frequency', 'channel-frequency-cap', 'call-window',
    ]);
    await http.get(`/cases/${randomUUID()}/contact-rules`).set('authorization', staff('collector')).expect(404);
    await http.get('/compliance/contact-rules').set('authorization', staff('accountant')).expect(403);
  });
});
