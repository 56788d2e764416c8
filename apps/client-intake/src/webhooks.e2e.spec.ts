import { randomUUID } from 'node:crypto';
import { DisputeOpened, DisputeOpenedV1, DisputeResolved, DisputeResolvedV1, PaymentPosted, PaymentPostedV2, RemittanceIssuedV1 } from '@lib/contracts';
import { handleCommand } from '@lib/es-core';
import { PgliteEventStore } from '@lib/event-store';
import { MessageBus } from '@lib/message-bus';
import { TestClock } from '@lib/clock';
import { HttpClient, ServiceUnderTest, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { eventually, startWebhookReceiver, verifyStandardWebhook, WebhookReceiver } from '../../../test/support/webhook-receiver';
import { CommandBus } from '@nestjs/cqrs';
import { DeliverWebhook } from './application/deliver-webhook/deliver-webhook.command';
import { WEBHOOK_SENDER_PRINCIPAL } from './application/webhooks/webhook-delivery.work';
import { webhookDeliveryDecider } from './domain/webhooks/webhook-delivery.decider';
import { WEBHOOK_RETRY_POLICY } from './domain/webhooks/webhook-retry.policy';
import { ClientIntakeModule } from './client-intake.module';
import { httpWebhookSender } from './integration/webhooks/webhook-sender';
import { loadWebhookSettings } from './integration/webhooks/webhook-settings';

/**
 * Webhooks end to end in client-intake: the real HTTP app on a PGlite store, its relay and
 * consumer on the in-process bus, its durable scheduler moved by the test clock, and a real
 * HTTP receiver on 127.0.0.1 (allowed explicitly, as a deployment would have to) that fails on purpose.
 */
describe('client intake webhooks (real receiver on 127.0.0.1)', () => {
  let service: ServiceUnderTest;
  let store: PgliteEventStore;
  let http: HttpClient;
  let bus: MessageBus;
  let clock: TestClock;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const settings = { ...loadWebhookSettings({ WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }), timeoutMs: 500 };
    service = await startServiceUnderTest({ name: 'client-intake', clockStart: '2026-06-01T09:00:00.000Z', module: (deps) => ClientIntakeModule.register(deps, { settings }) });
    ({ store, http, bus, clock } = service);
  });
  afterAll(async () => {
    await service.close();
    await receiver.close();
  });

  /** Moves the test clock and runs the service's scheduler, as `POST /test-clock/advance` does. */
  async function advanceAndTick(by: { days?: number; hours?: number; seconds?: number }): Promise<void> {
    clock.advance(by);
    for (const scheduler of service.deps.clockControl.schedulers) {
      // The runtime's own timer may be mid-tick from before the move; the second tick starts after it.
      await scheduler.tick();
      await scheduler.tick();
    }
  }

  async function onboardClientWithKey(name: string): Promise<{ clientId: string; apiKey: string }> {
    const { clientId } = (await http.post('/clients').set('authorization', staff('admin')).send({ name }).expect(201)).body as { clientId: string };
    const { apiKey } = (await http.post(`/clients/${clientId}/api-keys`).set('authorization', staff('admin')).expect(201)).body as { apiKey: string };
    return { clientId, apiKey };
  }

  async function register(clientId: string, apiKey: string, path: string, eventTypes: string[]): Promise<{ endpointId: string; secret: string }> {
    const answer = await http.post(`/clients/${clientId}/webhook-endpoints`).set('x-api-key', apiKey).send({ url: receiver.url(path), eventTypes }).expect(201);
    expect(answer.body).toMatchObject({ status: 'enabled', eventTypes, url: receiver.url(path) });
    expect(answer.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    return answer.body;
  }

  const deliveries = (clientId: string, apiKey: string, endpointId: string) =>
    http.get(`/clients/${clientId}/webhook-endpoints/${endpointId}/deliveries`).set('x-api-key', apiKey).expect(200).then((r) => r.body as Array<Record<string, any>>);
  const receivedOn = (path: string) => receiver.received.filter((r) => r.path === path);

  async function place(apiKey: string, reference: string): Promise<string> {
    const placed = await http.post('/placements').set('x-api-key', apiKey).send(placement(reference)).expect(201);
    return placed.body.accountId as string;
  }

  it('delivers a placement signed by the standard, retried after failures at 30 s, 60 s and 120 s, with every attempt on the log', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Northwind');
    receiver.on('/flaky', (n) => (n <= 3 ? 503 : 204));
    const { endpointId, secret } = await register(clientId, apiKey, '/flaky', ['account.placed']);
    const accountId = await place(apiKey, 'NW-1');

    const [first] = await eventually('the first attempt', () => deliveries(clientId, apiKey, endpointId), (log) => log.length === 1 && log[0].attempts.length === 1);
    expect(first.attempts[0]).toMatchObject({ round: 0, attempt: 1, status: 503, attemptedAt: '2026-06-01T09:00:00.000Z' });
    expect(first.attempts[0].responseExcerpt).toMatch(/^failing on purpose \(request 1\)/);
    expect(first.attempts[0].responseExcerpt.length).toBe(256);
    expect(first.nextAttemptAt).toBe('2026-06-01T09:00:30.000Z');

    await advanceAndTick({ seconds: 29 });
    expect(receivedOn('/flaky')).toHaveLength(1);
    await advanceAndTick({ seconds: 1 });
    await advanceAndTick({ seconds: 60 });
    await advanceAndTick({ seconds: 120 });

    const [log] = await deliveries(clientId, apiKey, endpointId);
    expect(log).toMatchObject({ status: 'succeeded', eventType: 'account.placed', nextAttemptAt: null });
    expect(log.attempts.map((a: { status: number; attemptedAt: string }) => [a.status, a.attemptedAt])).toEqual([
      [503, '2026-06-01T09:00:00.000Z'],
      [503, '2026-06-01T09:00:30.000Z'],
      [503, '2026-06-01T09:01:30.000Z'],
      [204, '2026-06-01T09:03:30.000Z'],
    ]);

    const sent = receivedOn('/flaky');
    expect(sent.map((r) => r.answered)).toEqual([503, 503, 503, 204]);
    const placed = (await store.readStream(`account-${accountId}`)).find((e) => e.type === 'AccountPlaced')!;
    for (const request of sent) {
      expect(verifyStandardWebhook(secret, request.headers, request.body)).toBe(true);
      expect(request.headers['webhook-id']).toBe(log.deliveryId);
      expect(JSON.parse(request.body)).toEqual({
        type: 'account.placed',
        timestamp: '2026-06-01T09:00:00.000Z',
        eventId: placed.metadata.eventId,
        data: { accountId, clientId, clientReference: 'NW-1', placedAmount: 750_050, currency: 'USD', placedAt: '2026-06-01T09:00:00.000Z' },
      });
    }
    // The timestamp is the attempt's, so a receiver's freshness window accepts a late retry.
    expect(sent.map((r) => Number(r.headers['webhook-timestamp']))).toEqual([0, 30, 90, 210].map((s) => Date.parse('2026-06-01T09:00:00.000Z') / 1000 + s));
    expect(verifyStandardWebhook('whsec_' + Buffer.from('not the secret').toString('base64'), sent[0].headers, sent[0].body)).toBe(false);
    expect(verifyStandardWebhook(secret, sent[0].headers, sent[0].body.replace('NW-1', 'NW-2'))).toBe(false);

    const types = (await store.readStream(`webhook-delivery-${log.deliveryId}`)).map((e) => e.type);
    expect(types).toEqual(['DeliveryScheduled', 'DeliveryAttempted', 'DeliveryAttempted', 'DeliveryAttempted', 'DeliveryAttempted', 'DeliverySucceeded']);

    const redelivered = await http.post(`/clients/${clientId}/webhook-endpoints/${endpointId}/deliveries/${log.deliveryId}/redelivery`).set('x-api-key', apiKey).expect(201);
    expect(redelivered.body).toMatchObject({ deliveryId: log.deliveryId, round: 1 });
    await advanceAndTick({ seconds: 1 });
    expect(receivedOn('/flaky')).toHaveLength(5);
    expect(receivedOn('/flaky')[4].headers['webhook-id']).toBe(log.deliveryId);
    expect((await deliveries(clientId, apiKey, endpointId))[0]).toMatchObject({ status: 'succeeded', attempts: expect.arrayContaining([expect.objectContaining({ round: 1, attempt: 1, status: 204 })]) });
  });

  it('delivers a payment collected from the payments topic once, however often the message comes, saying how it was paid and whether the client reported it', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Contoso');
    const { endpointId, secret } = await register(clientId, apiKey, '/payments', ['payment.collected']);
    const accountId = await place(apiKey, 'CT-1');
    const payment = {
      accountId, clientId, paymentId: 'pay-1', amount: 50_000, currency: 'USD', allocations: [{ invoiceNumber: 'INV-1', amount: 50_000 }], commission: 12_500, credit: 0,
      balanceAfter: 700_050, postedAt: clock.now().toISOString(), method: 'check' as const, commissionRateBp: 2_500,
      direct: true, plan: { planId: 'contoso-2026', agreementVersion: 1, tierId: 'base' }, clearsAt: clock.now().toISOString(),
    };
    const eventId = randomUUID();
    const message = { topic: PaymentPosted.topic, key: accountId, value: payment, headers: { 'message-type': PaymentPosted.type, 'message-id': `${eventId}:${PaymentPosted.type}`, 'correlation-id': 'corr-pay-1', 'causation-id': eventId } };
    await bus.publish([message]);
    await bus.publish([message]);
    await eventually('the payment delivered', async () => receivedOn('/payments'), (r) => r.length >= 1);
    await advanceAndTick({ seconds: 1 });

    const log = await deliveries(clientId, apiKey, endpointId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ eventType: 'payment.collected', eventId, status: 'succeeded' });
    const [request] = receivedOn('/payments');
    expect(receivedOn('/payments')).toHaveLength(1);
    expect(verifyStandardWebhook(secret, request.headers, request.body)).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({
      type: 'payment.collected',
      eventId,
      data: { accountId, paymentId: 'pay-1', amount: 50_000, method: 'check', direct: true, commission: 12_500, balanceAfter: 700_050 },
    });

    // A PaymentPosted.v2 still on the topic is upcast: whether the client reported it is not known.
    const { direct: _direct, plan: _plan, clearsAt: _clearsAt, ...v2 } = { ...payment, paymentId: 'pay-0', method: 'ach' as const };
    const olderId = randomUUID();
    await bus.publish([{ topic: PaymentPostedV2.topic, key: accountId, value: v2, headers: { 'message-type': PaymentPostedV2.type, 'message-id': `${olderId}:${PaymentPostedV2.type}`, 'correlation-id': 'corr-pay-0', 'causation-id': olderId } }]);
    const [, older] = await eventually('the older payment delivered', async () => receivedOn('/payments'), (r) => r.length === 2);
    expect(JSON.parse(older.body)).toMatchObject({ type: 'payment.collected', eventId: olderId, data: { paymentId: 'pay-0', method: 'ach', direct: null } });
  });

  it('announces a finished bulk batch with its counts, from the batch\'s BatchCompleted event, signed', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Adatum');
    receiver.on('/batches', (n) => (n === 1 ? 503 : 204));
    const { endpointId, secret } = await register(clientId, apiKey, '/batches', ['batch.finished']);
    const header = 'clientReference,commercial,debtorKind,debtorLegalName,debtorCountry,invoiceNumber,issueDate,dueDate,originalAmount,currency';
    const good = (reference: string) => `${reference},true,company,Acme Widgets LLC,US,INV-${reference},2026-01-15,2026-02-14,125000,USD`;
    const file = [header, good('AD-1'), 'AD-2,true,company,Acme Widgets LLC,XX,INV-AD-2,2026-01-15,2026-02-14,12.50,USD', good('AD-3'), good('AD-1')].join('\n');
    const accepted = await http.post('/placements/batches').set('x-api-key', apiKey).set('content-type', 'text/csv').send(file).expect(202);
    const batchId = accepted.body.batchId as string;

    await eventually('the first batch.finished attempt', async () => receivedOn('/batches'), (r) => r.length === 1);
    const completion = (await store.readStream(`batch-${batchId}`)).find((event) => event.type === 'BatchCompleted')!;
    await advanceAndTick({ seconds: 30 });
    const sent = receivedOn('/batches');
    expect(sent.map((r) => r.answered)).toEqual([503, 204]);
    for (const request of sent) expect(verifyStandardWebhook(secret, request.headers, request.body)).toBe(true);
    expect(JSON.parse(sent[1].body)).toEqual({
      type: 'batch.finished',
      timestamp: completion.metadata.occurredAt,
      eventId: completion.metadata.eventId,
      data: { batchId, clientId, rows: 4, placed: 2, alreadyPlaced: 1, refused: 1, receivedAt: expect.any(String), completedAt: completion.metadata.occurredAt },
    });
    const [log] = await deliveries(clientId, apiKey, endpointId);
    expect(log).toMatchObject({ eventType: 'batch.finished', eventId: completion.metadata.eventId, status: 'succeeded' });
    const status = await http.get(`/placements/batches/${batchId}`).set('x-api-key', apiKey).expect(200);
    expect(status.body).toMatchObject({ status: 'completed', placed: 2, alreadyPlaced: 1, refused: 1, receivedAt: JSON.parse(sent[1].body).data.receivedAt });
  });

  it('announces a remittance statement issued to the client, and to no other client', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Fabrikam');
    const other = await onboardClientWithKey('Tailspin');
    const { endpointId, secret } = await register(clientId, apiKey, '/remittances', ['remittance.issued']);
    const otherEndpoint = await register(other.clientId, other.apiKey, '/remittances-other', ['remittance.issued', 'payment.collected']);
    const issued: RemittanceIssuedV1 = {
      remittanceId: randomUUID(),
      clientId,
      statementNumber: 3,
      currency: 'USD',
      remittanceType: 'gross',
      periodStart: '2026-05-01T00:00:00.000Z',
      periodEnd: '2026-06-01T00:00:00.000Z',
      issuedAt: clock.now().toISOString(),
      paymentCount: 2,
      directPaymentCount: 1,
      clawbackCount: 0,
      agencyCollected: 300_000,
      agencyCommission: 75_000,
      directCollected: 80_000,
      directCommission: 20_000,
      clawedBack: 0,
      paidToClient: 300_000,
      invoiced: 95_000,
      csvSha256: 'a'.repeat(64),
      pdfSha256: 'b'.repeat(64),
    };
    const eventId = randomUUID();
    const message = { topic: RemittanceIssuedV1.topic, key: clientId, value: issued, headers: { 'message-type': RemittanceIssuedV1.type, 'message-id': `${eventId}:${RemittanceIssuedV1.type}`, 'correlation-id': 'corr-remit-1', 'causation-id': eventId } };
    await bus.publish([message]);
    await bus.publish([message]);
    await eventually('the statement announced', async () => receivedOn('/remittances'), (r) => r.length >= 1);
    await advanceAndTick({ seconds: 1 });

    const log = await deliveries(clientId, apiKey, endpointId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ eventType: 'remittance.issued', eventId, status: 'succeeded' });
    const [request] = receivedOn('/remittances');
    expect(receivedOn('/remittances')).toHaveLength(1);
    expect(verifyStandardWebhook(secret, request.headers, request.body)).toBe(true);
    expect(JSON.parse(request.body)).toEqual({
      type: 'remittance.issued',
      timestamp: issued.issuedAt,
      eventId,
      data: {
        remittanceId: issued.remittanceId,
        clientId,
        statementNumber: 3,
        currency: 'USD',
        remittanceType: 'gross',
        periodStart: issued.periodStart,
        periodEnd: issued.periodEnd,
        issuedAt: issued.issuedAt,
        paymentCount: 2,
        directPaymentCount: 1,
        clawbackCount: 0,
        paidToClient: 300_000,
        invoiced: 95_000,
        csvSha256: issued.csvSha256,
        pdfSha256: issued.pdfSha256,
      },
    });
    expect(await deliveries(other.clientId, other.apiKey, otherEndpoint.endpointId)).toEqual([]);
    expect(receivedOn('/remittances-other')).toEqual([]);
  });

  it('asks the client for documents when its account is disputed, with its own reference, and tells it the outcome while the balance is adjusted', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Litware');
    const { endpointId, secret } = await register(clientId, apiKey, '/disputes', ['dispute.opened', 'dispute.resolved']);
    const accountId = await place(apiKey, 'LW-7');
    const disputeId = randomUUID();
    const opened: DisputeOpenedV1 = {
      accountId, clientId, disputeId, openedBy: 'debtor', invoices: [{ invoiceNumber: 'INV-2', amount: 450_050 }], amount: 450_050, currency: 'USD',
      reason: 'goods returned on 2026-02-10', openedAt: clock.now().toISOString(),
    };
    const openedId = randomUUID();
    const openedMessage = { topic: DisputeOpened.topic, key: accountId, value: opened, headers: { 'message-type': DisputeOpened.type, 'message-id': `${openedId}:${DisputeOpened.type}`, 'correlation-id': 'corr-dispute-1', 'causation-id': openedId } };
    await bus.publish([openedMessage]);
    await bus.publish([openedMessage]);
    const [request] = await eventually('the dispute announced', async () => receivedOn('/disputes'), (r) => r.length >= 1);
    await advanceAndTick({ seconds: 1 });
    expect(receivedOn('/disputes')).toHaveLength(1);
    expect(verifyStandardWebhook(secret, request.headers, request.body)).toBe(true);
    expect(JSON.parse(request.body)).toEqual({
      type: 'dispute.opened',
      timestamp: opened.openedAt,
      eventId: openedId,
      data: {
        accountId, clientId, clientReference: 'LW-7', disputeId, scope: 'invoices', invoices: [{ invoiceNumber: 'INV-2', amount: 450_050 }], amount: 450_050, currency: 'USD',
        reason: 'goods returned on 2026-02-10', openedBy: 'debtor', openedAt: opened.openedAt, documentsRequested: true, documentsRequest: expect.stringMatching(/documents that show the disputed part is owed/),
      },
    });

    const resolved: DisputeResolvedV1 = { accountId, clientId, disputeId, outcome: 'upheld', amount: 450_050, currency: 'USD', evidence: 'return note RN-4 confirmed', resolvedAt: clock.now().toISOString() };
    const resolvedId = randomUUID();
    await bus.publish([{ topic: DisputeResolved.topic, key: accountId, value: resolved, headers: { 'message-type': DisputeResolved.type, 'message-id': `${resolvedId}:${DisputeResolved.type}`, 'correlation-id': 'corr-dispute-2', 'causation-id': resolvedId } }]);
    const [, outcome] = await eventually('the outcome announced', async () => receivedOn('/disputes'), (r) => r.length === 2);
    expect(verifyStandardWebhook(secret, outcome.headers, outcome.body)).toBe(true);
    expect(JSON.parse(outcome.body)).toEqual({
      type: 'dispute.resolved',
      timestamp: resolved.resolvedAt,
      eventId: resolvedId,
      data: { accountId, clientId, clientReference: 'LW-7', disputeId, outcome: 'upheld', adjustedAmount: 450_050, currency: 'USD', evidence: 'return note RN-4 confirmed', resolvedAt: resolved.resolvedAt },
    });
    // Both of intake's effects of the message ran: the webhook and the balance adjustment.
    const adjusted = await eventually('the balance adjusted', async () => (await store.readStream(`account-${accountId}`)).filter((e) => e.type === 'BalanceAdjusted'), (events) => events.length === 1);
    expect(adjusted[0].data).toMatchObject({ amount: -450_050, currency: 'USD' });
    expect((await deliveries(clientId, apiKey, endpointId)).map((d) => [d.eventType, d.status])).toEqual(expect.arrayContaining([['dispute.opened', 'succeeded'], ['dispute.resolved', 'succeeded']]));
  });

  it('signs with the old and the new secret during a rotation', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Fabrikam');
    const { endpointId, secret: oldSecret } = await register(clientId, apiKey, '/rotating', ['account.placed']);
    const rotated = await http.post(`/clients/${clientId}/webhook-endpoints/${endpointId}/secret-rotations`).set('x-api-key', apiKey).expect(201);
    expect(rotated.body.previousSecretExpiresAt).toBe(new Date(clock.now().getTime() + 24 * 3_600_000).toISOString());
    await place(apiKey, 'FB-1');
    const [request] = await eventually('the rotated delivery', async () => receivedOn('/rotating'), (r) => r.length === 1);
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifyStandardWebhook(rotated.body.secret, request.headers, request.body)).toBe(true);
    expect(verifyStandardWebhook(oldSecret, request.headers, request.body)).toBe(true);

    await advanceAndTick({ hours: 25 });
    await place(apiKey, 'FB-2');
    const later = await eventually('the delivery after the grace period', async () => receivedOn('/rotating'), (r) => r.length === 2);
    expect(String(later[1].headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verifyStandardWebhook(oldSecret, later[1].headers, later[1].body)).toBe(false);
    expect(verifyStandardWebhook(rotated.body.secret, later[1].headers, later[1].body)).toBe(true);
  });

  it('disables an endpoint that failed every attempt for five days, holds its deliveries, and sends them when the client enables it', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Tailspin');
    let down = true;
    receiver.on('/down', () => (down ? 500 : 200));
    const { endpointId } = await register(clientId, apiKey, '/down', ['account.placed']);
    await place(apiKey, 'TS-1');
    await eventually('the first attempt', () => deliveries(clientId, apiKey, endpointId), (log) => log.length === 1 && log[0].attempts.length === 1);
    for (let hours = 0; hours < 5 * 24 + 12; hours += 6) await advanceAndTick({ hours: 6 });

    const [failed] = await deliveries(clientId, apiKey, endpointId);
    expect(failed.status).toBe('failed');
    expect(failed.attempts.length).toBeGreaterThanOrEqual(15);
    const disabled = (await store.readStream(`webhooks-${clientId}`)).filter((e) => e.type === 'EndpointDisabled');
    expect(disabled).toHaveLength(1);
    expect(disabled[0].data).toMatchObject({ endpointId, deliveryId: failed.deliveryId });
    const [endpoint] = (await http.get(`/clients/${clientId}/webhook-endpoints`).set('x-api-key', apiKey).expect(200)).body;
    expect(endpoint).toMatchObject({ status: 'disabled', disabledReason: expect.stringContaining(failed.deliveryId) });

    const before = receivedOn('/down').length;
    await place(apiKey, 'TS-2');
    const held = await eventually('the held delivery', () => deliveries(clientId, apiKey, endpointId), (log) => log.length === 2);
    await advanceAndTick({ seconds: 1 });
    expect(receivedOn('/down')).toHaveLength(before);
    expect(held[0]).toMatchObject({ status: 'pending', attempts: [] });
    await http.post(`/clients/${clientId}/webhook-endpoints/${endpointId}/deliveries/${held[0].deliveryId}/redelivery`).set('x-api-key', apiKey).expect(409);

    down = false;
    const enabled = await http.post(`/clients/${clientId}/webhook-endpoints/${endpointId}/enablement`).set('x-api-key', apiKey).expect(200);
    expect(enabled.body.status).toBe('enabled');
    await advanceAndTick({ seconds: 1 });
    const after = await deliveries(clientId, apiKey, endpointId);
    expect(after.map((d) => d.status)).toEqual(['succeeded', 'failed']);
    await http.post(`/clients/${clientId}/webhook-endpoints/${endpointId}/enablement`).set('x-api-key', apiKey).expect(409);
  });

  it('records a redirect (not followed) and a receiver that does not answer in time as failed attempts', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Litware');
    receiver.on('/redirect', () => 302);
    receiver.on('/hang', () => 'hang');
    const redirecting = await register(clientId, apiKey, '/redirect', ['account.placed']);
    const hanging = await register(clientId, apiKey, '/hang', ['account.placed']);
    await place(apiKey, 'LW-1');
    const [redirected] = await eventually('the redirect attempt', () => deliveries(clientId, apiKey, redirecting.endpointId), (log) => log[0]?.attempts.length === 1);
    expect(redirected.attempts[0]).toMatchObject({ status: 302, error: 'redirect to http://127.0.0.1:1/elsewhere not followed' });
    const [timedOut] = await eventually('the timed-out attempt', () => deliveries(clientId, apiKey, hanging.endpointId), (log) => log[0]?.attempts.length === 1);
    expect(timedOut.attempts[0]).toMatchObject({ status: null, error: 'no answer within 500 ms' });
    expect(timedOut.status).toBe('pending');
  });

  it('refuses endpoint URLs aimed at internal addresses, and checks them again when sending', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Woodgrove');
    for (const url of ['http://169.254.169.254/latest/meta-data', 'http://10.0.0.1/hook', 'http://[::1]:8080/hook', 'http://127.0.0.2/hook', 'ftp://127.0.0.1/hook', 'http://localhost/hook']) {
      const refused = await http.post(`/clients/${clientId}/webhook-endpoints`).set('x-api-key', apiKey).send({ url, eventTypes: ['account.placed'] }).expect(422);
      expect(refused.body.rule).toBe('webhook-url-refused');
    }
    await http.post(`/clients/${clientId}/webhook-endpoints`).set('x-api-key', apiKey).send({ url: receiver.url('/x'), eventTypes: ['settlement.offered'] }).expect(400);
    const { endpointId } = await register(clientId, apiKey, '/ok', ['account.placed']);
    const moved = await http.patch(`/clients/${clientId}/webhook-endpoints/${endpointId}`).set('x-api-key', apiKey).send({ url: 'http://192.168.1.10/hook' }).expect(422);
    expect(moved.body.rule).toBe('webhook-url-refused');

    // A deployment that no longer allows 127.0.0.1 refuses to send there, and the receiver never hears of it.
    const strictSender = httpWebhookSender(loadWebhookSettings({ WEBHOOK_ALLOW_HTTP: 'true' }));
    const before = receiver.received.length;
    const answer = await strictSender({ url: receiver.url('/ok'), headers: {}, body: '{}' });
    expect(answer).toMatchObject({ status: null, error: expect.stringMatching(/^URL refused: .*loopback/) });
    expect(receiver.received.length).toBe(before);
  });

  it('sends nothing again when an attempt runs a second time, and completes what a crash after recording it left undone', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Proseware');
    receiver.on('/rerun', (n) => (n === 1 ? 500 : 200));
    const { endpointId } = await register(clientId, apiKey, '/rerun', ['account.placed']);
    await place(apiKey, 'PW-1');
    const [failed] = await eventually('the first attempt', () => deliveries(clientId, apiKey, endpointId), (log) => log[0]?.attempts.length === 1);
    const streamId = `webhook-delivery-${failed.deliveryId}`;
    const context = (id: string) => ({ principal: WEBHOOK_SENDER_PRINCIPAL, correlationId: id, causationId: id, now: clock.now(), newId: randomUUID, dedupeByCausation: true });

    // The scheduler runs attempt 1 again (it crashed before marking it fired): nothing is sent or recorded twice.
    const before = (await store.readStream(streamId)).length;
    await service.app.get(CommandBus).execute(new DeliverWebhook(clientId, failed.deliveryId, 0, 1, context('rerun-1')));
    expect(receivedOn('/rerun')).toHaveLength(1);
    expect((await store.readStream(streamId)).length).toBe(before);

    // Attempt 2 recorded, then a crash before attempt 3 was booked: when attempt 2's work runs again it books attempt 3.
    const recorded = { type: 'RecordAttempt', round: 0, attempt: 2, status: 503, error: null, responseExcerpt: '', durationMs: 1, policy: WEBHOOK_RETRY_POLICY, now: clock.now() } as const;
    await handleCommand(store, webhookDeliveryDecider, streamId, recorded, context('crashed-attempt-2'));
    await advanceAndTick({ seconds: 30 });
    expect(receivedOn('/rerun')).toHaveLength(1);
    await advanceAndTick({ seconds: 30 });
    expect(receivedOn('/rerun').map((r) => r.answered)).toEqual([500, 200]);
    const [delivered] = await deliveries(clientId, apiKey, endpointId);
    expect(delivered).toMatchObject({ status: 'succeeded' });
    expect(delivered.attempts.map((a: { attempt: number; status: number }) => [a.attempt, a.status])).toEqual([[1, 500], [2, 503], [3, 200]]);
  });

  it('shows a client its own endpoints only, and an admin any client', async () => {
    const owner = await onboardClientWithKey('Adventure Works');
    const intruder = await onboardClientWithKey('Wingtip');
    const { endpointId } = await register(owner.clientId, owner.apiKey, '/mine', ['account.closed', 'legal.milestone']);
    await http.get(`/clients/${owner.clientId}/webhook-endpoints`).set('x-api-key', intruder.apiKey).expect(404);
    await http.get(`/clients/${owner.clientId}/webhook-endpoints/${endpointId}/deliveries`).set('x-api-key', intruder.apiKey).expect(404);
    await http.delete(`/clients/${owner.clientId}/webhook-endpoints/${endpointId}`).set('x-api-key', intruder.apiKey).expect(404);
    await http.delete(`/clients/${intruder.clientId}/webhook-endpoints/${endpointId}`).set('x-api-key', intruder.apiKey).expect(404);
    const seen = await http.get(`/clients/${owner.clientId}/webhook-endpoints`).set('authorization', staff('admin')).expect(200);
    expect(seen.body).toEqual([expect.objectContaining({ endpointId, eventTypes: ['account.closed', 'legal.milestone'] })]);
    expect(JSON.stringify(seen.body)).not.toContain('whsec_');
    await http.post(`/clients/${owner.clientId}/webhook-endpoints`).set('authorization', staff('admin')).send({ url: receiver.url('/x'), eventTypes: ['account.placed'] }).expect(403);
    await http.get(`/clients/${owner.clientId}/webhook-endpoints`).set('authorization', staff('collector')).expect(403);

    await http.delete(`/clients/${owner.clientId}/webhook-endpoints/${endpointId}`).set('x-api-key', owner.apiKey).expect(200);
    expect((await http.get(`/clients/${owner.clientId}/webhook-endpoints`).set('x-api-key', owner.apiKey).expect(200)).body).toEqual([]);
  });
});

function placement(clientReference: string) {
  return {
    clientReference,
    commercial: true,
    debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY' },
    invoices: [
      { number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 300_000, currency: 'USD' },
      { number: 'INV-2', issueDate: '2026-02-01', dueDate: '2026-03-03', originalAmount: 450_050, currency: 'USD' },
    ],
  };
}
