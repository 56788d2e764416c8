/**
 * Pay now through Stripe Checkout in the all-in-one: the checkout is created at
 * stripe-mock (Stripe's API test server, a process started here), and Stripe's signed
 * webhook (signed by the stripe package's test helper) posts the payment to payments
 * once, however often it is delivered.
 */
import Stripe from 'stripe';
import { checkoutCompletedEvent, startStripeMock, stripeMockBinary, StripeMock } from '../../../test/support/stripe-mock';
import { PortalHarness, startPortalHarness } from '../../../test/support/portal-harness';

const WEBHOOK_SECRET = 'whsec_portal_e2e_secret';
const signer = new Stripe('sk_test_signer');
const STRIPE_MOCK = stripeMockBinary();
if (!STRIPE_MOCK) {
  process.stderr.write('portal Stripe e2e SKIPPED: no stripe-mock (bash deploy/infra/up.sh builds it from its Go module; or set STRIPE_MOCK_PATH)\n');
}

(STRIPE_MOCK ? describe : describe.skip)('debtor portal with Stripe Checkout against stripe-mock (all-in-one)', () => {
  let mock: StripeMock;
  let harness: PortalHarness;

  beforeAll(async () => {
    mock = await startStripeMock(STRIPE_MOCK!);
    harness = await startPortalHarness({ PAYMENT_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_test_portal', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: mock.url });
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
    await mock?.close();
  });

  const webhook = (event: object, secret = WEBHOOK_SECRET) => {
    const payload = JSON.stringify(event);
    return fetch(`${harness.baseUrl}/portal/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret }) },
      body: payload,
    });
  };

  it('sends the debtor to Stripe, and posts the paid session once however often the webhook comes', async () => {
    const { accountId } = await harness.placeAccount();
    const link = await harness.issueLink(accountId);
    const checked = await fetch(link.url, { method: 'POST', body: new URLSearchParams({ method: 'invoice', answer: 'INV-1002' }), redirect: 'manual' });
    const session = checked.headers.get('location')!;
    const started = await fetch(`${harness.baseUrl}${session}/payments`, { method: 'POST', body: new URLSearchParams({ amount: '250.00', method: 'ach' }), redirect: 'manual' });
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const created = mock.requests.find((request) => request.path === '/v1/checkout/sessions')!;
    expect(created.status).toBe(200);
    expect(created.form.get('success_url')).toBe(`${harness.baseUrl}${session}?notice=paid`);
    expect(created.form.get('payment_method_types[0]')).toBe('us_bank_account');
    const checkoutId = created.form.get('metadata[checkoutId]')!;

    const event = checkoutCompletedEvent({ id: 'cs_test_portal_1', accountId, checkoutId, amount: 25_000, currency: 'USD', method: 'ach', paymentIntent: 'pi_portal_1', type: 'checkout.session.async_payment_succeeded' });
    expect((await webhook(event, 'whsec_forged')).status).toBe(400);
    expect((await harness.ledger(accountId)).payments).toEqual([]);

    const answers = await Promise.all([webhook(event), webhook(event)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const again = await webhook(event);
    expect(again.status).toBe(200);
    const receipts = (await Promise.all([...answers, again].map((answer) => answer.json()))) as Array<{ paymentId: string }>;
    expect(new Set(receipts.map((receipt) => receipt.paymentId)).size).toBe(1);
    const ledger = await harness.ledger(accountId);
    expect(ledger.payments).toEqual([expect.objectContaining({ amount: 25_000, method: 'ach' })]);
    expect(ledger.balance).toBe(725_050);
    // No local checkout stand-in in this mode.
    expect((await fetch(`${harness.baseUrl}/portal/checkout/anything`)).status).toBe(404);
  });
});
