import { createHash, randomUUID } from 'node:crypto';
import { AccountClosed, AccountPlaced, AccountPlacedV2, AUDIT_EVENTS, CONTACT_CASES, Contract } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { fixedClientKeys, HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { DebtorContactModule } from './debtor-contact.module';
import { messageIdFor, smtpMessageIdOf } from './domain/communications/message-id';
import { localChannels } from './integration/communications/local-channels';
import { textLinesOfLetter } from './integration/communications/pdf-text';
import { SmtpEmailSender } from './integration/communications/smtp-email.sender';
import { ReceivedMail, startSmtpTestServer } from './integration/communications/smtp-test-server';

const CLIENT_KEY = 'ck_owner';
const OTHER_CLIENT_KEY = 'ck_other';
const WAIT = { timeoutMs: 8_000 };
/** Monday 2026-01-05, 10:00 in New York. */
const MONDAY_10_NEW_YORK = '2026-01-05T15:00:00.000Z';
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe('outbound communications (real SMTP server, PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let http: HttpClient;
  let close: () => Promise<void>;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  let email: SmtpEmailSender;
  const local = localChannels();

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    email = new SmtpEmailSender({ url: smtp.url }, 'notices@agency.example');
    const sut = await startServiceUnderTest({
      name: 'debtor-contact',
      clockStart: MONDAY_10_NEW_YORK,
      module: (deps) => DebtorContactModule.register(deps, { ...local, email }),
      extraImports: [fixedClientKeys({ [CLIENT_KEY]: 'client-1', [OTHER_CLIENT_KEY]: 'client-2' })],
      listenTo: [CONTACT_CASES, AUDIT_EVENTS],
    });
    ({ store, bus, http, close } = sut);
  });
  afterAll(async () => {
    await close();
    email.close();
    await smtp.close();
  });

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data): Promise<void> {
    const headers = { 'message-type': contract.type, 'message-id': randomUUID(), 'correlation-id': `corr-${key}`, 'causation-id': 'c', 'source-stream': `account-${key}`, 'source-version': '0' };
    await bus.publish([{ topic: contract.topic, key, value, headers }]);
  }

  const caseEvents = (accountId: string) => store.readStream(`contact-${accountId}`);
  const eventsOf = async (accountId: string, type: string) => (await caseEvents(accountId)).filter((e) => e.type === type);
  /** Polls the store (the dispatcher appends in the background) until `done` holds. */
  async function eventually(what: string, done: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + WAIT.timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  async function waitForEvents(accountId: string, type: string, count: number) {
    await eventually(`${count} ${type} in contact-${accountId}`, async () => (await eventsOf(accountId, type)).length >= count);
    return eventsOf(accountId, type);
  }
  const mailTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

  async function place(debtor: TestDebtor, placedAmount = 700_050): Promise<string> {
    const accountId = randomUUID();
    await publish(AccountPlaced, accountId, placed(accountId, debtor, placedAmount));
    return accountId;
  }

  describe('a consumer placed with an email address and a phone number', () => {
    let accountId: string;
    let mail: ReceivedMail;
    beforeAll(async () => {
      accountId = await place(PAT);
      await waitForEvents(accountId, 'MessageSent', 3);
      mail = mailTo(PAT.email).find((m) => m.headers['message-id'] === smtpMessageIdOf(messageIdFor(accountId, 'first-notice', 'email')))!;
    });

    it('receives the validation notice with its itemization by email, once, from the configured address, under a Message-ID derived from the message', () => {
      expect(mail).toBeDefined();
      expect(mailTo(PAT.email).filter((m) => m.headers['message-id'] === mail.headers['message-id'])).toHaveLength(1);
      expect(mail.from).toBe('notices@agency.example');
      expect(mail.headers.date).toBe('Mon, 05 Jan 2026 15:00:00 +0000');
      expect(mail.headers.subject).toBe(`Validation notice about account ${accountId.slice(0, 8).toUpperCase()}`);
      for (const line of [
        'We are a debt collector.',
        'As of 2025-12-15, you owed: USD 7500.50',
        'You were charged this amount in interest: + USD 0.00',
        'You were charged this amount in fees: + USD 0.00',
        'You paid or were credited this amount toward the debt: - USD 500.00',
        'Total amount of the debt now: USD 7000.50',
        'by 2026-02-09 to dispute',
      ]) {
        expect(mail.text).toContain(line);
      }
    });

    it('records every message sent as an event with its template version, content hash and a masked address', async () => {
      const sent = (await eventsOf(accountId, 'MessageSent')).map((e) => e.data as Record<string, unknown>);
      const byChannel = Object.fromEntries(sent.map((data) => [data.channel, data]));
      expect(byChannel.email).toMatchObject({
        templateId: 'validation-notice-email',
        templateVersion: 1,
        to: 'p***@example.com',
        messageId: messageIdFor(accountId, 'first-notice', 'email'),
        providerMessageId: mail.headers['message-id'],
        sentAt: MONDAY_10_NEW_YORK,
        compliance: [
          { rule: 'case-closed', version: 1, decision: 'allow' },
          { rule: 'bankruptcy-stay', version: 1, decision: 'allow' },
          { rule: 'reg-f-validation-period', version: 1, decision: 'allow' },
          { rule: 'dispute-hold', version: 1, decision: 'allow' },
          { rule: 'account-hold', version: 1, decision: 'allow' },
          { rule: 'cease-contact', version: 1, decision: 'allow' },
          { rule: 'attorney-represented', version: 1, decision: 'allow' },
          { rule: 'do-not-contact', version: 1, decision: 'allow' },
          { rule: 'time-barred-no-suit-threat', version: 1, decision: 'allow' },
          { rule: 'reg-f-call-after-conversation', version: 1, decision: 'allow' },
          { rule: 'reg-f-call-frequency', version: 1, decision: 'allow' },
          { rule: 'channel-frequency-cap', version: 1, decision: 'allow' },
          { rule: 'call-window', version: 2, decision: 'allow' },
        ],
      });
      expect(byChannel.email.contentSha256).toBe(sha256(`${mail.headers.subject}\n\n${mail.text.replace(/\n+$/, '')}`));
      expect(byChannel.text).toMatchObject({ templateId: 'letter-mailed-text', templateVersion: 1, to: '********0123' });
      expect(local.text.sent.filter((m) => m.messageId === byChannel.text.messageId)).toEqual([expect.objectContaining({ recipient: '+12125550123', contentSha256: byChannel.text.contentSha256 })]);
      expect(byChannel.letter).toMatchObject({ templateId: 'validation-notice', templateVersion: 1, to: 'Pat Doe, NY, US' });
      const types = (await caseEvents(accountId)).map((e) => e.type);
      expect(types.slice(0, 5)).toEqual(['ContactCaseOpened', 'NoticeSent', 'MessageQueued', 'MessageQueued', 'MessageQueued']);
    });

    it('lets collectors, supervisors and compliance list and download the letter: the PDF is the one sent, with its itemization', async () => {
      const [sent] = (await eventsOf(accountId, 'MessageSent')).filter((e) => (e.data as { channel: string }).channel === 'letter');
      const letterId = messageIdFor(accountId, 'first-notice', 'letter');
      for (const role of ['collector', 'supervisor', 'compliance'] as const) {
        const list = await http.get(`/accounts/${accountId}/letters`).set('authorization', staff(role)).expect(200);
        expect(list.body).toEqual([
          {
            letterId,
            purpose: 'first-notice',
            templateId: 'validation-notice',
            templateVersion: 1,
            status: 'sent',
            queuedAt: MONDAY_10_NEW_YORK,
            sentAt: MONDAY_10_NEW_YORK,
            contentSha256: (sent.data as { contentSha256: string }).contentSha256,
            href: `/accounts/${accountId}/letters/${letterId}.pdf`,
          },
        ]);
        const pdf = await download(`/accounts/${accountId}/letters/${letterId}.pdf`, 'authorization', staff(role));
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(sha256(pdf.body)).toBe(list.body[0].contentSha256);
        expect(textLinesOfLetter(pdf.body)).toEqual(expect.arrayContaining(['Validation notice', 'As of 2025-12-15, you owed: USD 7500.50', 'Total amount of the debt now: USD 7000.50']));
      }
    });

    it('lets the owning client list and download its letter with its API key; another client gets 404, as for an account that does not exist', async () => {
      const letterId = messageIdFor(accountId, 'first-notice', 'letter');
      const list = await http.get(`/accounts/${accountId}/letters`).set('x-api-key', CLIENT_KEY).expect(200);
      expect(list.body.map((l: { letterId: string }) => l.letterId)).toEqual([letterId]);
      const pdf = await download(`/accounts/${accountId}/letters/${letterId}.pdf`, 'x-api-key', CLIENT_KEY);
      expect(sha256(pdf.body)).toBe(list.body[0].contentSha256);

      const foreign = await http.get(`/accounts/${accountId}/letters`).set('x-api-key', OTHER_CLIENT_KEY).expect(404);
      expect(foreign.body).toMatchObject({ rule: 'case-unknown', status: 404 });
      await http.get(`/accounts/${accountId}/letters/${letterId}.pdf`).set('x-api-key', OTHER_CLIENT_KEY).expect(404);
      await http.get(`/accounts/${randomUUID()}/letters`).set('x-api-key', CLIENT_KEY).expect(404);
    });

    it('answers 404 for a letter the case does not have, 400 for ids that are not UUIDs, and refuses the roles without access', async () => {
      const letterId = messageIdFor(accountId, 'first-notice', 'letter');
      const missing = await http.get(`/accounts/${accountId}/letters/${randomUUID()}.pdf`).set('authorization', staff('collector')).expect(404);
      expect(missing.body).toMatchObject({ rule: 'letter-unknown', status: 404 });
      const emailIsNoLetter = await http.get(`/accounts/${accountId}/letters/${messageIdFor(accountId, 'first-notice', 'email')}.pdf`).set('authorization', staff('collector')).expect(404);
      expect(emailIsNoLetter.body.rule).toBe('letter-unknown');
      await http.get(`/accounts/not-a-uuid/letters`).set('authorization', staff('collector')).expect(400);
      await http.get(`/accounts/${accountId}/letters/not-a-uuid.pdf`).set('authorization', staff('collector')).expect(400);
      await http.get(`/accounts/${accountId}/letters`).expect(401);
      await http.get(`/accounts/${accountId}/letters/${letterId}.pdf`).expect(401);
      for (const role of ['accountant', 'legal', 'admin'] as const) {
        await http.get(`/accounts/${accountId}/letters`).set('authorization', staff(role)).expect(403);
        await http.get(`/accounts/${accountId}/letters/${letterId}.pdf`).set('authorization', staff(role)).expect(403);
      }
    });
  });

  it('sends a company the first demand by letter and email, not the consumer validation notice', async () => {
    const accountId = await place(ACME, 750_050);
    await waitForEvents(accountId, 'MessageSent', 2);
    await waitFor('the first demand by email', () => mailTo(ACME.email).some((m) => m.headers.subject?.includes(accountId.slice(0, 8).toUpperCase())), WAIT);
    const mail = mailTo(ACME.email).find((m) => m.headers.subject?.includes(accountId.slice(0, 8).toUpperCase()))!;
    expect(mail.headers.subject).toMatch(/^First demand for payment/);
    expect(mail.text).toContain('Please pay USD 7500.50');
    const letters = await http.get(`/accounts/${accountId}/letters`).set('authorization', staff('collector')).expect(200);
    expect(letters.body).toMatchObject([{ templateId: 'first-demand', templateVersion: 1, status: 'sent' }]);
  });

  it('retries an email the SMTP server turned away for a moment, and sends it once', async () => {
    smtp.refuseNext(1);
    const debtor = { ...PAT, email: `retry-${randomUUID().slice(0, 8)}@example.com`, phone: undefined };
    const accountId = await place(debtor);
    const sent = await waitForEvents(accountId, 'MessageSent', 2);
    expect(sent.map((e) => (e.data as { channel: string }).channel).sort()).toEqual(['email', 'letter']);
    expect(mailTo(debtor.email)).toHaveLength(1);
  });

  it('sends nothing judged after the case closed: a message the rules see on a closed case is cancelled with the rule', async () => {
    const accountId = randomUUID();
    // Placement and recall arrive together: the dispatcher may find the case closed already.
    await publish(AccountPlaced, accountId, placed(accountId, { ...PAT, email: `closed-${accountId.slice(0, 8)}@example.com` }, 700_050));
    await publish(AccountClosed, accountId, { accountId, clientId: 'client-1', closingCode: 'recalled', closedAt: MONDAY_10_NEW_YORK });
    await eventually('every message settled', async () => (await eventsOf(accountId, 'MessageSent')).length + (await eventsOf(accountId, 'MessageCancelled')).length >= 3);
    const [closure] = await eventsOf(accountId, 'ContactCaseClosed');
    // A message judged once the closure was stored was cancelled; one sent was judged on the open case before it.
    for (const sent of await eventsOf(accountId, 'MessageSent')) expect((sent.data as { judgedAtVersion: number }).judgedAtVersion).toBeLessThan(closure.version);
    for (const cancelled of await eventsOf(accountId, 'MessageCancelled')) expect(cancelled.version).toBeGreaterThan(closure.version);
    for (const cancelled of await eventsOf(accountId, 'MessageCancelled')) expect(cancelled.data).toMatchObject({ rule: 'case-closed', version: 1 });
    const emailed = mailTo(`closed-${accountId.slice(0, 8)}@example.com`).length;
    expect(emailed).toBe((await eventsOf(accountId, 'MessageSent')).filter((e) => (e.data as { channel: string }).channel === 'email').length);
  });

  /** A binary answer, collected whole. */
  function download(path: string, header: string, value: string) {
    return http
      .get(path)
      .set(header, value)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200) as unknown as Promise<{ body: Buffer; headers: Record<string, string> }>;
  }
});

const PAT = { kind: 'person', legalName: 'Pat Doe', country: 'US', region: 'NY', email: 'pat.doe@example.com', phone: '+12125550123' };
const ACME = { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY', email: 'ap@acme.example' };

type TestDebtor = Pick<AccountPlacedV2['debtor'], 'kind' | 'legalName' | 'country' | 'region'> & { email?: string; phone?: string };

function placed(accountId: string, { email, phone, ...debtor }: TestDebtor, placedAmount: number): AccountPlacedV2 {
  return {
    accountId,
    clientId: 'client-1',
    clientReference: `REF-${accountId.slice(0, 8)}`,
    commercial: debtor.kind === 'company',
    category: 'standard',
    buckets: { principal: placedAmount, interest: 0, fees: 0, costs: 0 },
    debtor: {
      ...debtor,
      taxId: null,
      addresses: [],
      emails: email ? [{ address: email, consent: true, doNotContact: false }] : [],
      phones: phone ? [{ number: phone, consent: true, doNotContact: false }] : [],
    },
    invoices: [
      { number: 'INV-1', issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: 300_000, currency: 'USD' },
      { number: 'INV-2', issueDate: '2025-11-15', dueDate: '2025-12-15', originalAmount: 450_050, currency: 'USD' },
    ],
    currency: 'USD',
    placedAmount,
    commissionRateBp: 2_500,
    placedAt: MONDAY_10_NEW_YORK,
  };
}
