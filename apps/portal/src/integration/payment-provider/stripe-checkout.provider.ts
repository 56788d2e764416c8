import { createRequire } from 'node:module';
import type Stripe from 'stripe';
import type { PortalPaymentMethod } from '../../domain/access/portal-access.events';
import { PaymentProvider, ProviderPayment, WebhookSignatureInvalid } from '../../portal.dependencies';

export interface StripeSettings {
  secretKey: string;
  /** The endpoint secret (`whsec_…`) Stripe signs this portal's webhooks with. */
  webhookSecret: string;
  /** Another API host (stripe-mock, a test stub): `http://127.0.0.1:12111`. */
  apiBase?: string;
}

/**
 * The Stripe API version this adapter is written for and sends on every request: the one
 * stripe-mock v0.203.0 (the newest on the Go module proxy) describes, so the tests check
 * the requests against the same API the adapter speaks. The stripe package's types follow
 * its own newer default version; a Stripe account answers each request by the version sent.
 */
export const STRIPE_API_VERSION = '2026-08-26.dahlia';

/** A session is paid when Stripe says so: at completion for cards, later (async_payment_succeeded) for bank debits. */
const PAYMENT_EVENTS = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);

/**
 * Stripe Checkout: the debtor pays on Stripe's hosted page; Stripe's signed webhook
 * (`Stripe-Signature`, checked by the stripe package's `constructEvent`) confirms it. The
 * provider reference is the session's PaymentIntent (the session id when it has none).
 */
export class StripeCheckoutProvider implements PaymentProvider {
  readonly name = 'stripe';
  private readonly stripe: Stripe;

  constructor(private readonly settings: StripeSettings) {
    const base = settings.apiBase ? new URL(settings.apiBase) : undefined;
    this.stripe = new (stripePackage())(settings.secretKey, {
      // Cast: the package's types accept only its own newest version (see STRIPE_API_VERSION).
      apiVersion: STRIPE_API_VERSION as Stripe.LatestApiVersion,
      maxNetworkRetries: 2,
      timeout: 10_000,
      ...(base ? { host: base.hostname, port: base.port || (base.protocol === 'http:' ? 80 : 443), protocol: base.protocol === 'http:' ? 'http' : 'https' } : {}),
    });
  }

  async createCheckout(request: Parameters<PaymentProvider['createCheckout']>[0]) {
    const params = {
      mode: 'payment' as const,
      // `payment_method_types` is the parameter of STRIPE_API_VERSION (the package's newer
      // `allowed_payment_method_types` is refused by it); its types no longer list it, hence the cast below.
      payment_method_types: [request.method === 'ach' ? 'us_bank_account' : 'card'],
      line_items: [{ quantity: 1, price_data: { currency: request.currency.toLowerCase(), unit_amount: request.amount, product_data: { name: request.description } } }],
      client_reference_id: request.accountId,
      metadata: { accountId: request.accountId, checkoutId: request.checkoutId, method: request.method },
      payment_intent_data: { metadata: { accountId: request.accountId, checkoutId: request.checkoutId } },
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
    };
    const session = await this.stripe.checkout.sessions.create(
      params as Stripe.Checkout.SessionCreateParams,
      // A retried creation of the same checkout gets the same session.
      { idempotencyKey: `portal-checkout-${request.checkoutId}` },
    );
    if (!session.url) throw new Error(`Stripe created checkout session ${session.id} without a URL`);
    return { redirectUrl: session.url, providerCheckoutId: session.id };
  }

  readWebhook(rawBody: Buffer, headers: Record<string, string | undefined>): ProviderPayment | null {
    const signature = headers['stripe-signature'];
    let event: Stripe.Event;
    try {
      if (!signature) throw new Error('no Stripe-Signature header');
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret);
    } catch (error) {
      throw new WebhookSignatureInvalid(error instanceof Error ? error.message : String(error));
    }
    if (!PAYMENT_EVENTS.has(event.type)) return null;
    const session = event.data.object as Stripe.Checkout.Session;
    if (session.payment_status !== 'paid') return null;
    const { accountId, checkoutId, method } = session.metadata ?? {};
    if (!accountId || !checkoutId || (method !== 'card' && method !== 'ach') || session.amount_total === null || !session.currency) return null;
    const paymentIntent = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
    return {
      provider: this.name,
      providerReference: `stripe:${paymentIntent ?? session.id}`,
      checkoutId,
      accountId,
      amount: session.amount_total,
      currency: session.currency.toUpperCase(),
      method: method as PortalPaymentMethod,
    };
  }
}

const requireHere = createRequire(__filename);

/**
 * The stripe package (about 200 modules) is loaded when a Stripe provider is made: a portal
 * without Stripe settings, like the all-in-one by default, does not carry it
 * (docs/benchmarks.md, the all-in-one's idle memory).
 */
function stripePackage(): typeof Stripe {
  return requireHere('stripe') as typeof Stripe;
}
