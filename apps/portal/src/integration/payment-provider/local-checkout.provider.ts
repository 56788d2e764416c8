import { signToken } from '../../domain/links/signed-token';
import type { PaymentProvider } from '../../portal.dependencies';

/**
 * The all-in-one's stand-in for a hosted checkout: a page of the portal itself
 * (`/portal/checkout/<token>`) where the debtor presses Pay. The token is signed with the
 * link secret and names the checkout, so the page can be neither forged nor changed; its
 * Pay button confirms the payment as a provider's webhook would (reference `local:<checkoutId>`).
 */
export class LocalCheckoutProvider implements PaymentProvider {
  readonly name = 'local';

  constructor(
    private readonly secret: string,
    private readonly publicUrl: string,
    private readonly wallNow: () => number,
  ) {}

  async createCheckout(request: Parameters<PaymentProvider['createCheckout']>[0]) {
    const token = signToken(this.secret, {
      kind: 'checkout',
      accountId: request.accountId,
      checkoutId: request.checkoutId,
      amount: request.amount,
      currency: request.currency,
      method: request.method,
      successUrl: request.successUrl,
      cancelUrl: request.cancelUrl,
      expiresAt: this.wallNow() + 30 * 60_000,
    });
    return { redirectUrl: `${this.publicUrl}/portal/checkout/${token}`, providerCheckoutId: request.checkoutId };
  }

  /** The local checkout has no webhooks: its own page confirms. */
  readWebhook(): null {
    return null;
  }
}
