import { ContactAttemptRecorded, INTAKE_ACCOUNTS, PaymentPosted } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { TestClock } from '@lib/clock';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { ClientIntakeModule } from './client-intake.module';
import { accountsUnderTest } from './client-intake.e2e.fixtures';

describe('after placement over HTTP: recall, cancel, staff close, direct payment (PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let http: HttpClient;
  let bus: MessageBus;
  let clock: TestClock;
  let published: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({ name: 'client-intake', clockStart: '2026-06-01T09:00:00.000Z', module: (deps) => ClientIntakeModule.register(deps), listenTo: [INTAKE_ACCOUNTS] });
    ({ store, http, bus, clock, close } = sut);
    published = sut.received(INTAKE_ACCOUNTS);
  });
  afterAll(() => close());

  const { clientWithAccount, publish, eventTypes, noted } = accountsUnderTest(() => ({ http, bus, store }));
  const publishedOf = (accountId: string, type: string) => published.filter((m) => m.key === accountId && m.headers['message-type'] === type);

  it('refuses a recall while a check is in its hold, lets it through once the hold is over, and publishes the fee', async () => {
    const { clientId, apiKey, accountId } = await clientWithAccount('Hold');
    await publish(PaymentPosted, accountId, {
      accountId, clientId, paymentId: 'pay-1', amount: 100_000, currency: 'USD', allocations: [{ invoiceNumber: 'INV-1', amount: 100_000 }],
      commission: 25_000, credit: 0, balanceAfter: 650_050, postedAt: clock.now().toISOString(), method: 'check', commissionRateBp: 2_500,
      direct: false, plan: null, clearsAt: null,
    });
    await noted(accountId, 'PaymentNoted');

    const refused = await http.post(`/accounts/${accountId}/recall`).set('x-api-key', apiKey).send({}).expect(409);
    expect(refused.body).toMatchObject({ rule: 'recall-payment-in-hold', paymentsInHold: ['pay-1'] });
    expect(await eventTypes(accountId)).toEqual(['AccountPlaced', 'PaymentNoted']);

    clock.advance({ days: 10 });
    const recalled = await http.post(`/accounts/${accountId}/recall`).set('x-api-key', apiKey).send({}).expect(200);
    expect(recalled.body).toEqual({ accountId, closingCode: 'recalled', workBegan: true, cancellationFee: 2_500 + 32_503, currency: 'USD', overrides: [] });
    await waitFor('the recall published', () => publishedOf(accountId, 'AccountClosed.v1').length === 1, { timeoutMs: 5_000 });
    expect(publishedOf(accountId, 'AccountRecalled.v1')[0].value).toMatchObject({ workBegan: true, balanceRecalled: 650_050, cancellationFee: 35_003, agreementVersion: 1, forced: null });
    expect(publishedOf(accountId, 'AccountClosed.v1')[0].value).toEqual({ accountId, clientId, closingCode: 'recalled', closedAt: clock.now().toISOString() });
  });

  it('counts a recorded contact attempt as work begun; another client cannot recall the account', async () => {
    const { clientId, apiKey, accountId } = await clientWithAccount('Contacted');
    const intruder = await clientWithAccount('Intruder');
    await http.post(`/accounts/${accountId}/recall`).set('x-api-key', intruder.apiKey).send({}).expect(404);
    await publish(ContactAttemptRecorded, accountId, { accountId, clientId, attemptId: 'att-1', collectorId: 'c-1', channel: 'letter', direction: 'outbound', outcome: 'no-answer', rightPartyContact: false, occurredAt: clock.now().toISOString() });
    await noted(accountId, 'ContactAttemptNoted');
    const recalled = await http.post(`/accounts/${accountId}/recall`).set('x-api-key', apiKey).send({}).expect(200);
    expect(recalled.body).toMatchObject({ workBegan: true, cancellationFee: 2_500 + 37_503 });
  });

  it('lets supervisors and admins cancel, and staff close by code only in the roles the code allows', async () => {
    const cancelled = await clientWithAccount('Cancelled');
    await http.post(`/accounts/${cancelled.accountId}/cancel`).set('authorization', staff('collector')).send({ reason: 'x' }).expect(403);
    await http.post(`/accounts/${cancelled.accountId}/cancel`).set('authorization', staff('supervisor')).send({}).expect(400);
    expect((await http.post(`/accounts/${cancelled.accountId}/cancel`).set('authorization', staff('admin')).send({ reason: 'conflict of interest' }).expect(200)).body).toEqual({ accountId: cancelled.accountId, closingCode: 'cancelled' });
    const closedEvent = (await store.readStream(`account-${cancelled.accountId}`)).at(-1);
    expect(closedEvent?.data).toMatchObject({ closingCode: 'cancelled', reason: 'conflict of interest' });

    const closed = await clientWithAccount('Closed');
    const refused = await http.post(`/accounts/${closed.accountId}/close`).set('authorization', staff('legal')).send({ closingCode: 'uncollectible', reason: 'no assets' }).expect(403);
    expect(refused.body).toMatchObject({ rule: 'closing-code-role', allowedRoles: ['supervisor'] });
    await http.post(`/accounts/${closed.accountId}/close`).set('authorization', staff('supervisor')).send({ closingCode: 'recalled', reason: 'x' }).expect(400);
    await http.post(`/accounts/${closed.accountId}/close`).set('authorization', staff('legal')).send({ closingCode: 'legal-closed', reason: 'judgment satisfied' }).expect(200);
    expect((await http.get(`/accounts/${closed.accountId}`).set('x-api-key', closed.apiKey).expect(200)).body).toMatchObject({ status: 'closed', closingCode: 'legal-closed' });
    const again = await http.post(`/accounts/${closed.accountId}/close`).set('authorization', staff('supervisor')).send({ closingCode: 'uncollectible', reason: 'x' }).expect(409);
    expect(again.body.rule).toBe('account-closed');
  });

  it('records and publishes a direct payment the client reports on its own account', async () => {
    const { apiKey, accountId } = await clientWithAccount('Direct');
    const today = clock.now().toISOString().slice(0, 10);
    const body = { amount: 100_000, currency: 'USD', method: 'check', paidOn: today };
    const reported = await http.post(`/accounts/${accountId}/direct-payments`).set('x-api-key', apiKey).send(body).expect(201);
    await waitFor('the report published', () => publishedOf(accountId, 'DirectPaymentReported.v1').length === 1, { timeoutMs: 5_000 });
    expect(publishedOf(accountId, 'DirectPaymentReported.v1')[0].value).toMatchObject({ accountId, reportId: reported.body.reportId, amount: 100_000, method: 'check', paidOn: today });
    const euro = await http.post(`/accounts/${accountId}/direct-payments`).set('x-api-key', apiKey).send({ ...body, currency: 'EUR' }).expect(422);
    expect(euro.body.rule).toBe('currency-mismatch');
    await http.post(`/accounts/${accountId}/direct-payments`).set('x-api-key', apiKey).send({ ...body, paidOn: '2026-13-01' }).expect(400);
  });
});
