/**
 * Journey 7: a client's webhook endpoint gets its placement and the payment collected on
 * it, each signed by the Standard Webhooks convention, after the receiver failed on
 * purpose; every attempt is on the delivery log. The receiver is a real HTTP server on
 * 127.0.0.1, which the deployment allows explicitly (WEBHOOK_TEST_ENV).
 */
import { startWebhookReceiver, verifyStandardWebhook } from '../../support/webhook-receiver';
import { Deployment } from './deployment';
import { as, call, eventually, onboardClient, placeAccount } from './journeys';

export async function journeyWebhook(d: Deployment, reference: string): Promise<void> {
  const receiver = await startWebhookReceiver();
  try {
    const client = await onboardClient(d, `Webhook Journey ${reference}`);
    receiver.on('/hooks', (n) => (n <= 2 ? 503 : 200));
    const registered = await call(d, 'client-intake', 'POST', `/clients/${client.clientId}/webhook-endpoints`, {
      as: as.client(client.apiKey),
      body: { url: receiver.url('/hooks'), eventTypes: ['account.placed', 'payment.collected'] },
    });
    expect(registered.status).toBe(201);
    const { endpointId, secret } = registered.body as { endpointId: string; secret: string };
    const log = async () => (await call(d, 'client-intake', 'GET', `/clients/${client.clientId}/webhook-endpoints/${endpointId}/deliveries`, { as: as.client(client.apiKey) })).body as Array<Record<string, any>>;

    const accountId = await placeAccount(d, client, reference);
    await eventually('the first, failed attempt', async () => ((await log())[0]?.attempts.length === 1 ? true : undefined));
    // The retries are due 30 s, then 60 s after the failures: a clock move fires the next
    // (or the scheduler's own tick just after it, when a tick was running as the clock moved).
    const placed = await eventually('the placement delivered', async () => {
      const [delivery] = await log();
      if (delivery?.status === 'succeeded') return delivery;
      await d.advanceClock({ hours: 1 });
      return undefined;
    });
    expect(placed.attempts.map((a: { status: number }) => a.status)).toEqual([503, 503, 200]);
    const placedRequests = receiver.received.filter((r) => r.path === '/hooks');
    expect(placedRequests).toHaveLength(3);
    for (const request of placedRequests) {
      expect(verifyStandardWebhook(secret, request.headers, request.body)).toBe(true);
      expect(request.headers['webhook-id']).toBe(placed.deliveryId);
      expect(JSON.parse(request.body)).toMatchObject({ type: 'account.placed', eventId: placed.eventId, data: { accountId, clientId: client.clientId, clientReference: reference } });
    }

    await eventually('the ledger', async () => ((await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') })).status === 200 ? true : undefined));
    const payment = await call(d, 'payments', 'POST', '/payments', { as: as.staff('collector'), body: { accountId, amount: 25_000, currency: 'USD', method: 'ach' }, idempotencyKey: `pay-${reference}` });
    expect(payment.status).toBe(201);
    const collected = await eventually('the payment delivered', async () => {
      const delivery = (await log()).find((entry) => entry.eventType === 'payment.collected');
      return delivery?.status === 'succeeded' ? delivery : undefined;
    });
    const request = receiver.received.find((r) => r.headers['webhook-id'] === collected.deliveryId)!;
    expect(verifyStandardWebhook(secret, request.headers, request.body)).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({ type: 'payment.collected', data: { accountId, amount: 25_000, currency: 'USD', method: 'ach', direct: false } });
  } finally {
    await receiver.close();
  }
}
