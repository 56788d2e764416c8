import { randomUUID } from 'node:crypto';
import { AccountPaidInFull, AccountPlacedV1, AUDIT_EVENTS, Contract, LegalStageChanged, LegalStageChangedV1, PAYMENTS_LEDGER, PaymentPosted, PaymentReversed } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { signStaffToken } from '@lib/platform';
import { fixedClientKeys, HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { PaymentsModule } from './payments.module';

const CLIENT_KEY = 'ck_test-client';
const WAIT = { timeoutMs: 5_000 };

describe('payments over HTTP (PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let http: HttpClient;
  let published: IncomingMessage[];
  let audit: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({
      name: 'payments',
      clockStart: '2026-06-01T09:00:00.000Z',
      module: (deps) => PaymentsModule.register(deps),
      extraImports: [fixedClientKeys({ [CLIENT_KEY]: 'client-1' })],
      listenTo: [PAYMENTS_LEDGER, AUDIT_EVENTS],
    });
    ({ store, bus, http, close } = sut);
    published = sut.received(PAYMENTS_LEDGER);
    audit = sut.received(AUDIT_EVENTS);
  });
  afterAll(() => close());

  /** What intake would publish for a placement; the ledger opening shows in the audit copy. */
  async function placeAccount(invoices = defaultInvoices(), accountId: string = randomUUID()): Promise<string> {
    await publish(AccountPlacedV1, accountId, placedData(accountId, invoices));
    await waitForStored(accountId, 'LedgerOpened');
    return accountId;
  }

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data, messageId: string = randomUUID()): Promise<string> {
    await bus.publish([
      {
        topic: contract.topic,
        key,
        value,
        headers: { 'message-type': contract.type, 'message-id': messageId, 'correlation-id': 'c', 'causation-id': 'c', 'source-stream': `account-${key}`, 'source-version': '0' },
      },
    ]);
    return messageId;
  }

  const storedOf = (accountId: string, type: string) => audit.filter((m) => m.key === `ledger-${accountId}` && (m.value as { type: string }).type === type);
  const waitForStored = (accountId: string, type: string, count = 1) =>
    waitFor(`${count} ${type} in ledger-${accountId}`, () => storedOf(accountId, type).length >= count, WAIT, () => `seen ${storedOf(accountId, type).length}`);
  const publishedOf = (accountId: string, type: string) => published.filter((m) => m.key === accountId && m.headers['message-type'] === type);
  const waitForPublished = (accountId: string, type: string, count = 1) =>
    waitFor(`${count} ${type} for ${accountId}`, () => publishedOf(accountId, type).length >= count, WAIT, () => `seen ${publishedOf(accountId, type).length}`);
  const ledgerEvents = async (accountId: string) => store.readStream(`ledger-${accountId}`);

  it('opens a ledger from a placement, once, however often the placement is delivered', async () => {
    const accountId = randomUUID();
    const data = placedData(accountId, defaultInvoices());
    const messageId = await publish(AccountPlacedV1, accountId, data);
    await publish(AccountPlacedV1, accountId, data, messageId);
    // Same partition key, published after the duplicate: once it is applied, the duplicate was handled.
    const later = randomUUID();
    await publish(AccountPlacedV1, accountId, placedData(later, defaultInvoices()));
    await waitForStored(later, 'LedgerOpened');

    expect((await ledgerEvents(accountId)).map((e) => e.type)).toEqual(['LedgerOpened']);
    const ledger = await http.get(`/ledgers/${accountId}`).set('authorization', staff('collector')).expect(200);
    expect(ledger.body).toEqual({
      accountId,
      clientId: 'client-1',
      currency: 'USD',
      balance: 750_050,
      invoices: [
        { number: 'INV-1', dueDate: '2026-01-31', amount: 300_000, open: 300_000 },
        { number: 'INV-2', dueDate: '2026-03-03', amount: 450_050, open: 450_050 },
      ],
      payments: [],
      commissionTotal: 0,
      commissionOwedByClient: 0,
      cancellationFeeOwed: 0,
      preCollectionFeeOwed: 0,
      creditOwed: 0,
      rateBp: 2_500,
      legalRateApplies: false,
      legalRateEndedAt: null,
      ratePlanInForce: null,
    });
  });

  it('posts a payment oldest invoice first, answers a retry with the same key identically, and publishes it once', async () => {
    const accountId = await placeAccount();
    const body = { accountId, amount: 300_002, currency: 'USD', method: 'ach' };
    const first = await http.post('/payments').set('authorization', staff('collector')).set('idempotency-key', 'pay-k-1').send(body).expect(201);
    expect(first.body).toEqual({
      paymentId: expect.any(String),
      accountId,
      allocations: [
        { invoiceNumber: 'INV-1', amount: 300_000 },
        { invoiceNumber: 'INV-2', amount: 2 },
      ],
      commission: 75_001,
      // No rate plan was published for this client: the rate fixed at placement, unstamped.
      commissionRateBp: 2_500,
      plan: null,
      credit: 0,
      balanceAfter: 450_048,
      paidInFull: false,
      // No agreement: the default ACH hold of five days (docs/payments.md, "Cleared funds").
      clearsAt: '2026-06-06T09:00:00.000Z',
    });
    const retry = await http.post('/payments').set('authorization', staff('collector')).set('idempotency-key', 'pay-k-1').send(body).expect(201);
    expect(retry.body).toEqual(first.body);

    const stored = (await ledgerEvents(accountId)).filter((e) => e.type === 'PaymentPosted.v2');
    expect(stored).toHaveLength(1);
    expect(stored[0].metadata.principal).toEqual({ role: 'collector', id: 'collector-1' });
    expect(stored[0].data).toMatchObject({ method: 'ach', commissionRateBp: 2_500, postedAt: '2026-06-01T09:00:00.000Z' });

    await waitForPublished(accountId, PaymentPosted.type);
    const [message] = publishedOf(accountId, PaymentPosted.type);
    expect(PaymentPosted.parse(message.value)).toEqual({
      accountId,
      clientId: 'client-1',
      paymentId: first.body.paymentId,
      amount: 300_002,
      currency: 'USD',
      allocations: first.body.allocations,
      commission: 75_001,
      credit: 0,
      balanceAfter: 450_048,
      postedAt: '2026-06-01T09:00:00.000Z',
      method: 'ach',
      commissionRateBp: 2_500,
      direct: false,
      plan: null,
      clearsAt: '2026-06-06T09:00:00.000Z',
    });
    expect(message.headers['message-type']).toBe('PaymentPosted.v3');
    expect(publishedOf(accountId, PaymentPosted.type)).toHaveLength(1);
  });

  it('pays designated invoices first, turns an over-payment into credit, and announces paid in full once', async () => {
    const accountId = await placeAccount();
    const designated = await http
      .post('/payments')
      .set('authorization', staff('supervisor'))
      .send({ accountId, amount: 450_050, currency: 'USD', method: 'wire', designatedInvoices: ['INV-2'] })
      .expect(201);
    expect(designated.body).toMatchObject({ allocations: [{ invoiceNumber: 'INV-2', amount: 450_050 }], balanceAfter: 300_000, paidInFull: false });

    const overPaid = await http.post('/payments').set('authorization', staff('accountant')).send({ accountId, amount: 310_000, currency: 'USD', method: 'check' }).expect(201);
    expect(overPaid.body).toMatchObject({ allocations: [{ invoiceNumber: 'INV-1', amount: 300_000 }], commission: 75_000, credit: 10_000, balanceAfter: 0, paidInFull: true });

    await waitForPublished(accountId, AccountPaidInFull.type);
    expect(AccountPaidInFull.parse(publishedOf(accountId, AccountPaidInFull.type)[0].value)).toEqual({ accountId, clientId: 'client-1', paidAt: '2026-06-01T09:00:00.000Z' });

    const before = (await ledgerEvents(accountId)).length;
    const refused = await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount: 100, currency: 'USD', method: 'cash' }).expect(409);
    expect(refused.body).toMatchObject({ type: 'urn:collections:problem:account-paid', status: 409, rule: 'account-paid' });
    expect((await ledgerEvents(accountId)).length).toBe(before);

    const ledger = await http.get(`/ledgers/${accountId}`).set('authorization', staff('accountant')).expect(200);
    expect(ledger.body).toMatchObject({ balance: 0, commissionTotal: 187_513, creditOwed: 10_000 });
    expect((await ledgerEvents(accountId)).filter((e) => e.type === 'AccountPaidInFull')).toHaveLength(1);
  });

  it('refuses payments the ledger cannot take, with the rule, and stores nothing', async () => {
    const accountId = await placeAccount();
    const before = (await ledgerEvents(accountId)).length;
    const collector = staff('collector');

    const unknown = await http.post('/payments').set('authorization', collector).send({ accountId: randomUUID(), amount: 100, currency: 'USD', method: 'ach' }).expect(404);
    expect(unknown.body).toMatchObject({ type: 'urn:collections:problem:ledger-unknown', status: 404, rule: 'ledger-unknown' });
    const mismatch = await http.post('/payments').set('authorization', collector).send({ accountId, amount: 100, currency: 'EUR', method: 'ach' }).expect(422);
    expect(mismatch.body).toMatchObject({ type: 'urn:collections:problem:currency-mismatch', status: 422, rule: 'currency-mismatch' });
    const badInvoice = await http.post('/payments').set('authorization', collector).send({ accountId, amount: 100, currency: 'USD', method: 'ach', designatedInvoices: ['INV-9'] }).expect(422);
    expect(badInvoice.body).toMatchObject({ type: 'urn:collections:problem:unknown-invoice', status: 422, rule: 'unknown-invoice', unknownInvoices: ['INV-9'] });
    const invalid = await http.post('/payments').set('authorization', collector).send({ accountId: 'nope', amount: 0, currency: 'usd', method: 'bitcoin' }).expect(400);
    expect(invalid.body.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['accountId', 'amount', 'currency', 'method']));

    expect((await ledgerEvents(accountId)).length).toBe(before);
    // The refusals leave their record on the account's compliance stream (a 404 has no account to record on).
    expect((await store.readStream(`compliance-${accountId}`)).map((e) => [e.type, e.data.command, e.data.rule, e.data.reason, e.metadata.principal.role])).toEqual([
      ['CommandRefused', 'PostPayment', 'currency-mismatch', mismatch.body.detail, 'collector'],
      ['CommandRefused', 'PostPayment', 'unknown-invoice', badInvoice.body.detail, 'collector'],
    ]);
  });

  it('refuses an amount beyond the largest safe integer as an invalid field, before any rule', async () => {
    const accountId = await placeAccount();
    const before = (await ledgerEvents(accountId)).length;
    const refused = await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount: 1e20, currency: 'USD', method: 'ach' }).expect(400);
    expect(refused.body.problems).toEqual([{ field: 'amount', reason: 'amount must not be greater than 9007199254740991' }]);
    expect((await ledgerEvents(accountId)).length).toBe(before);
  });

  it('refuses an Idempotency-Key reused for a payment to another account with 422, and posts nothing for it', async () => {
    const first = await placeAccount();
    const second = await placeAccount();
    const collector = staff('collector');
    const paid = await http.post('/payments').set('authorization', collector).set('idempotency-key', 'reused-pay').send({ accountId: first, amount: 100, currency: 'USD', method: 'ach' }).expect(201);
    const reused = await http.post('/payments').set('authorization', collector).set('idempotency-key', 'reused-pay').send({ accountId: second, amount: 100, currency: 'USD', method: 'ach' }).expect(422);
    expect(reused.body).toMatchObject({ type: 'urn:collections:problem:idempotency-key-reused', status: 422, rule: 'idempotency-key-reused', idempotencyKey: 'reused-pay' });
    expect(reused.body.detail).toContain('reused-pay');
    expect((await ledgerEvents(second)).map((e) => e.type)).toEqual(['LedgerOpened']);
    // The first request, retried, still gets its own answer.
    const retried = await http.post('/payments').set('authorization', collector).set('idempotency-key', 'reused-pay').send({ currency: 'USD', method: 'ach', amount: 100, accountId: first }).expect(201);
    expect(retried.body).toEqual(paid.body);
  });

  it('refuses the key of a payment reused for its reversal with 422, and reverses nothing', async () => {
    const accountId = await placeAccount();
    const accountant = staff('accountant');
    const paid = await http.post('/payments').set('authorization', accountant).set('idempotency-key', 'pay-then-reverse').send({ accountId, amount: 500, currency: 'USD', method: 'card' }).expect(201);
    const reused = await http.post(`/payments/${paid.body.paymentId}/reversal`).set('authorization', accountant).set('idempotency-key', 'pay-then-reverse').send({ accountId, reason: 'nsf' }).expect(422);
    expect(reused.body).toMatchObject({ type: 'urn:collections:problem:idempotency-key-reused', status: 422, rule: 'idempotency-key-reused' });
    expect((await ledgerEvents(accountId)).map((e) => e.type)).toEqual(['LedgerOpened', 'PaymentPosted.v2']);
  });

  it('reverses a payment exactly, refuses a second reversal, and publishes the reversal', async () => {
    const accountId = await placeAccount();
    const paid = await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount: 1_002, currency: 'USD', method: 'card' }).expect(201);
    expect(paid.body.commission).toBe(251);
    const { paymentId } = paid.body;

    const reversed = await http.post(`/payments/${paymentId}/reversal`).set('authorization', staff('accountant')).set('idempotency-key', 'rev-1').send({ accountId, reason: 'nsf' }).expect(201);
    expect(reversed.body).toEqual({ paymentId, accountId, amount: 1_002, allocations: [{ invoiceNumber: 'INV-1', amount: 1_002 }], commission: 251, credit: 0, reason: 'nsf', balanceAfter: 750_050, stage: 'in-hold' });
    const retried = await http.post(`/payments/${paymentId}/reversal`).set('authorization', staff('accountant')).set('idempotency-key', 'rev-1').send({ accountId, reason: 'nsf' }).expect(201);
    expect(retried.body).toEqual(reversed.body);

    const before = (await ledgerEvents(accountId)).length;
    const twice = await http.post(`/payments/${paymentId}/reversal`).set('authorization', staff('accountant')).send({ accountId, reason: 'chargeback' }).expect(409);
    expect(twice.body).toMatchObject({ type: 'urn:collections:problem:payment-already-reversed', status: 409, rule: 'payment-already-reversed' });
    const unknown = await http.post(`/payments/${randomUUID()}/reversal`).set('authorization', staff('accountant')).send({ accountId, reason: 'error' }).expect(404);
    expect(unknown.body).toMatchObject({ type: 'urn:collections:problem:payment-unknown', status: 404, rule: 'payment-unknown' });
    expect((await ledgerEvents(accountId)).length).toBe(before);

    const ledger = await http.get(`/ledgers/${accountId}`).set('authorization', staff('compliance')).expect(200);
    expect(ledger.body).toMatchObject({ balance: 750_050, commissionTotal: 0, payments: [{ paymentId, reversed: true, reversal: { reason: 'nsf' } }] });
    expect(ledger.body.invoices[0]).toMatchObject({ number: 'INV-1', open: 300_000 });

    await waitForPublished(accountId, PaymentReversed.type);
    expect(PaymentReversed.parse(publishedOf(accountId, PaymentReversed.type)[0].value)).toEqual({
      accountId,
      clientId: 'client-1',
      paymentId,
      amount: 1_002,
      currency: 'USD',
      commission: 251,
      reason: 'nsf',
      balanceAfter: 750_050,
      reversedAt: '2026-06-01T09:00:00.000Z',
      allocations: [{ invoiceNumber: 'INV-1', amount: 1_002 }],
      credit: 0,
    });
    expect(publishedOf(accountId, PaymentReversed.type)).toHaveLength(1);

    // Every allow is recorded beside the refusals: the payment and the reversal passed their rules (the retry recorded nothing again).
    expect((await store.readStream(`compliance-${accountId}`)).map((e) => [e.type, e.data.command, e.data.rules ? (e.data.rules as Array<{ rule: string }>).map((r) => r.rule) : e.data.rule])).toEqual([
      ['CommandAllowed', 'PostPayment', ['payment-amount-positive', 'currency-mismatch', 'payment-id-unique', 'account-paid', 'unknown-invoice']],
      ['CommandAllowed', 'ReversePayment', ['payment-already-reversed']],
      ['CommandRefused', 'ReversePayment', 'payment-already-reversed'],
    ]);
    const allowances = () => audit.filter((m) => m.key === `compliance-${accountId}` && (m.value as { type: string }).type === 'CommandAllowed');
    await waitFor('the allowances on the audit topic, for reporting', () => allowances().length === 2, WAIT, () => `seen ${allowances().length}`);
  });

  it('charges the legal rate on payments after a forwarding to an attorney, and ignores other stages', async () => {
    const accountId = await placeAccount();
    await publish(LegalStageChanged, accountId, legalStage(accountId, 'authorized'));
    const forwarded = await publish(LegalStageChanged, accountId, legalStage(accountId, 'forwarded'));
    await publish(LegalStageChanged, accountId, legalStage(accountId, 'forwarded'), forwarded);
    await waitForStored(accountId, 'LegalRateApplied');
    // Same key, after the duplicate: a second ledger's forwarding proves the duplicate was handled.
    const marker = await placeAccount();
    await publish(LegalStageChanged, accountId, legalStage(marker, 'forwarded'));
    await waitForStored(marker, 'LegalRateApplied');

    expect((await ledgerEvents(accountId)).map((e) => e.type)).toEqual(['LedgerOpened', 'LegalRateApplied']);
    const paid = await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount: 1_002, currency: 'USD', method: 'ach' }).expect(201);
    expect(paid.body.commission).toBe(401);
    const ledger = await http.get(`/ledgers/${accountId}`).set('authorization', staff('supervisor')).expect(200);
    expect(ledger.body).toMatchObject({ rateBp: 4_000, payments: [{ rateBp: 4_000, commission: 401 }] });
  });

  it('lets each endpoint be called only by the roles it states', async () => {
    const accountId = await placeAccount();
    const payment = { accountId, amount: 100, currency: 'USD', method: 'cash' };
    const paid = await http.post('/payments').set('authorization', staff('accountant')).send(payment).expect(201);
    const reversal = { accountId, reason: 'error' };
    const reversalPath = `/payments/${paid.body.paymentId}/reversal`;
    const before = (await ledgerEvents(accountId)).length;

    await http.post('/payments').send(payment).expect(401);
    await http.post(reversalPath).send(reversal).expect(401);
    await http.get(`/ledgers/${accountId}`).expect(401);
    await http.get(`/audit/payments/accounts/${accountId}`).expect(401);

    for (const role of ['legal', 'compliance', 'admin'] as const) await http.post('/payments').set('authorization', staff(role)).send(payment).expect(403);
    for (const role of ['collector', 'supervisor', 'legal', 'compliance', 'admin'] as const) await http.post(reversalPath).set('authorization', staff(role)).send(reversal).expect(403);
    for (const role of ['legal', 'admin'] as const) await http.get(`/ledgers/${accountId}`).set('authorization', staff(role)).expect(403);
    for (const role of ['collector', 'supervisor', 'accountant', 'legal', 'admin'] as const) {
      await http.get(`/audit/payments/accounts/${accountId}`).set('authorization', staff(role)).expect(403);
    }
    await http.post('/payments').set('x-api-key', CLIENT_KEY).send(payment).expect(403);
    await http.post(reversalPath).set('x-api-key', CLIENT_KEY).send(reversal).expect(403);
    await http.get(`/ledgers/${accountId}`).set('x-api-key', CLIENT_KEY).expect(403);
    await http.get(`/audit/payments/accounts/${accountId}`).set('x-api-key', CLIENT_KEY).expect(403);
    const forged = signStaffToken('another-secret', { role: 'accountant', id: 'mallory' }, new Date(Date.now() + 3_600_000));
    await http.post(reversalPath).set('authorization', `Bearer ${forged}`).send(reversal).expect(401);

    expect((await ledgerEvents(accountId)).length).toBe(before);
  });

  it("shows compliance the ledger's stored events with a verified hash chain", async () => {
    const accountId = await placeAccount();
    await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount: 500, currency: 'USD', method: 'ach' }).expect(201);
    const trail = await http.get(`/audit/payments/accounts/${accountId}`).set('authorization', staff('compliance')).expect(200);
    expect(trail.body.service).toBe('payments');
    // The ledger, and the account's compliance stream with the payment's allowance (the rules it passed).
    expect(trail.body.streams).toHaveLength(2);
    expect(trail.body.streams[0]).toMatchObject({ streamId: `ledger-${accountId}`, integrity: { ok: true } });
    expect(trail.body.streams[0].events.map((e: { type: string }) => e.type)).toEqual(['LedgerOpened', 'PaymentPosted.v2']);
    expect(trail.body.streams[1]).toMatchObject({ streamId: `compliance-${accountId}`, integrity: { ok: true } });
    expect(trail.body.streams[1].events.map((e: { type: string }) => e.type)).toEqual(['CommandAllowed']);
  });
});

function defaultInvoices(): AccountPlacedV1['invoices'] {
  return [
    { number: 'INV-2', issueDate: '2026-02-01', dueDate: '2026-03-03', originalAmount: 450_050, currency: 'USD' },
    { number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 300_000, currency: 'USD' },
  ];
}

function placedData(accountId: string, invoices: AccountPlacedV1['invoices']): AccountPlacedV1 {
  return {
    accountId,
    clientId: 'client-1',
    clientReference: `REF-${accountId.slice(0, 8)}`,
    commercial: true,
    debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY' },
    invoices,
    currency: 'USD',
    placedAmount: invoices.reduce((sum, i) => sum + i.originalAmount, 0),
    commissionRateBp: 2_500,
    placedAt: '2026-06-01T08:00:00.000Z',
  };
}

function legalStage(accountId: string, stage: LegalStageChangedV1['stage']): LegalStageChangedV1 {
  return { accountId, clientId: 'client-1', stage, balance: 750_050, currency: 'USD', attorneyId: 'att-1', changedAt: '2026-06-01T08:30:00.000Z' };
}
