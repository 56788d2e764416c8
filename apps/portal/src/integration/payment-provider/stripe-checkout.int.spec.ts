/**
 * The Stripe Checkout adapter against a local HTTP stand-in for Stripe's API (the request
 * it sends to create a session), and its webhook verification with webhooks signed by the
 * stripe package's own test helper.
 */
import Stripe from 'stripe';
import { checkoutCompletedEvent, startStripeStub, StripeStub } from '../../../../../test/support/stripe-stub';
import { WebhookSignatureInvalid } from '../../portal.dependencies';
import { StripeCheckoutProvider } from './stripe-checkout.provider';

const WEBHOOK_SECRET = 'whsec_test_portal_secret';
const signer = new Stripe('sk_test_signer');

describe('Stripe Checkout adapter', () => {
  let stub: StripeStub;
  let provider: StripeCheckoutProvider;

  beforeAll(async () => {
    stub = await startStripeStub();
    provider = new StripeCheckoutProvider({ secretKey: 'sk_test_portal', webhookSecret: WEBHOOK_SECRET, apiBase: stub.url });
  });

  afterAll(async () => {
    await stub?.close();
  });

  it('creates a payment-mode session for the amount, with the account in its metadata and the checkout as idempotency key', async () => {
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
    expect(checkout).toEqual({ redirectUrl: 'https://checkout.stripe.com/c/pay/cs_test_1', providerCheckoutId: 'cs_test_1' });
    const [request] = stub.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/checkout/sessions');
    expect(request.headers.authorization).toBe('Bearer sk_test_portal');
    expect(request.headers['idempotency-key']).toBe('portal-checkout-chk-1');
    expect(Object.fromEntries(request.form)).toMatchObject({
      mode: 'payment',
      'allowed_payment_method_types[0]': 'us_bank_account',
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
