/**
 * The Stripe Checkout adapter against stripe-mock, Stripe's own API test server (started
 * here as a process; it checks every parameter against the API version the adapter pins),
 * and its webhook verification with webhooks signed by the stripe package's own test helper.
 */
import Stripe from 'stripe';
import { checkoutCompletedEvent, startStripeMock, stripeMockBinary, StripeMock } from '../../../../../test/support/stripe-mock';
import { WebhookSignatureInvalid } from '../../portal.dependencies';
import { STRIPE_API_VERSION, StripeCheckoutProvider } from './stripe-checkout.provider';

const WEBHOOK_SECRET = 'whsec_test_portal_secret';
const signer = new Stripe('sk_test_signer');
const STRIPE_MOCK = stripeMockBinary();
if (!STRIPE_MOCK) {
  process.stderr.write('Stripe adapter tests SKIPPED: no stripe-mock (bash deploy/infra/up.sh builds it from its Go module; or set STRIPE_MOCK_PATH)\n');
}

(STRIPE_MOCK ? describe : describe.skip)('Stripe Checkout adapter against stripe-mock', () => {
  let mock: StripeMock;
  let provider: StripeCheckoutProvider;

  beforeAll(async () => {
    mock = await startStripeMock(STRIPE_MOCK!);
    provider = new StripeCheckoutProvider({ secretKey: 'sk_test_portal', webhookSecret: WEBHOOK_SECRET, apiBase: mock.url });
  }, 30_000);

  afterAll(async () => {
    await mock?.close();
  });

  it('creates a payment-mode session for the amount that stripe-mock accepts, with the account in its metadata and the checkout as idempotency key', async () => {
    const checkout = await provider.createCheckout({
      accountId: 'acc-1',
      checkoutId: 'chk-1',
      amount: 100_000,
      currency: 'USD',
      method: 'ach',
      description: 'Agency: account acc-1',
      successUrl: 'https://pay.example.com/portal/s/x?notice=paid',
      cancelUrl: 'https://pay.example.com/portal/s/x?notice=cancelled',
    });
    expect(checkout.redirectUrl).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    expect(checkout.providerCheckoutId).toMatch(/^cs_test_/);
    const [request] = mock.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', status: 200 });
    expect(request.headers.authorization).toBe('Bearer sk_test_portal');
    expect(request.headers['stripe-version']).toBe(STRIPE_API_VERSION);
    expect(request.headers['idempotency-key']).toBe('portal-checkout-chk-1');
    expect(Object.fromEntries(request.form)).toMatchObject({
      mode: 'payment',
      'payment_method_types[0]': 'us_bank_account',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '100000',
      'line_items[0][price_data][product_data][name]': 'Agency: account acc-1',
      client_reference_id: 'acc-1',
      'metadata[accountId]': 'acc-1',
      'metadata[checkoutId]': 'chk-1',
      'metadata[method]': 'ach',
      success_url: 'https://pay.example.com/portal/s/x?notice=paid',
      cancel_url: 'https://pay.example.com/portal/s/x?notice=cancelled',
    });
  });

  it('is checked: stripe-mock refuses a parameter its API version lacks, and a request of another API version', async () => {
    const pinned = new Stripe('sk_test_portal', { apiVersion: STRIPE_API_VERSION as Stripe.LatestApiVersion, host: '127.0.0.1', port: new URL(mock.directUrl).port, protocol: 'http' });
    const line_items = [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 100, product_data: { name: 'x' } } }];
    await expect(pinned.checkout.sessions.create({ mode: 'payment', allowed_payment_method_types: ['card'], line_items, success_url: 'https://x.example/ok' })).rejects.toThrow(/additional properties are not allowed/);
    const unpinned = new Stripe('sk_test_portal', { host: '127.0.0.1', port: new URL(mock.directUrl).port, protocol: 'http' });
    await expect(unpinned.checkout.sessions.create({ mode: 'payment', line_items, success_url: 'https://x.example/ok' })).rejects.toThrow(/doesn't match version/);
  });

});

describe('Stripe webhooks, signed by the stripe package\'s test helper', () => {
  const provider = new StripeCheckoutProvider({ secretKey: 'sk_test_portal', webhookSecret: WEBHOOK_SECRET });

  const signed = (event: object, secret = WEBHOOK_SECRET) => {
    const payload = JSON.stringify(event);
    return { body: Buffer.from(payload), headers: { 'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret }) } };
  };

  it('reads a paid session from a webhook signed with the endpoint secret', () => {
    const { body, headers } = signed(checkoutCompletedEvent({ id: 'cs_1', accountId: 'acc-1', checkoutId: 'chk-1', amount: 25_000, currency: 'USD', method: 'card', paymentIntent: 'pi_1' }));
    expect(provider.readWebhook(body, headers)).toEqual({ provider: 'stripe', providerReference: 'stripe:pi_1', checkoutId: 'chk-1', accountId: 'acc-1', amount: 25_000, currency: 'USD', method: 'card' });
  });

  it('refuses a webhook signed with another secret, changed after signing, or unsigned', () => {
    const event = checkoutCompletedEvent({ id: 'cs_2', accountId: 'acc-1', checkoutId: 'chk-2', amount: 25_000, currency: 'USD', method: 'card', paymentIntent: 'pi_2' });
    const wrongSecret = signed(event, 'whsec_someone_else');
    expect(() => provider.readWebhook(wrongSecret.body, wrongSecret.headers)).toThrow(WebhookSignatureInvalid);
    const good = signed(event);
    const changed = Buffer.from(good.body.toString().replace('25000', '2500000'));
    expect(() => provider.readWebhook(changed, good.headers)).toThrow(WebhookSignatureInvalid);
    expect(() => provider.readWebhook(good.body, {})).toThrow(WebhookSignatureInvalid);
  });

  it('ignores sessions not paid yet (a bank debit at completion) and other events', () => {
    const unpaid = signed(checkoutCompletedEvent({ id: 'cs_3', accountId: 'acc-1', checkoutId: 'chk-3', amount: 25_000, currency: 'USD', method: 'ach', paymentIntent: 'pi_3', paid: false }));
    expect(provider.readWebhook(unpaid.body, unpaid.headers)).toBeNull();
    const later = signed(checkoutCompletedEvent({ id: 'cs_3', accountId: 'acc-1', checkoutId: 'chk-3', amount: 25_000, currency: 'USD', method: 'ach', paymentIntent: 'pi_3', type: 'checkout.session.async_payment_succeeded' }));
    expect(provider.readWebhook(later.body, later.headers)).toMatchObject({ providerReference: 'stripe:pi_3', method: 'ach' });
    const other = signed({ ...checkoutCompletedEvent({ id: 'cs_4', accountId: 'acc-1', checkoutId: 'chk-4', amount: 1, currency: 'USD', method: 'card', paymentIntent: 'pi_4' }), type: 'customer.created' });
    expect(provider.readWebhook(other.body, other.headers)).toBeNull();
  });
});
