import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TokenPayload, verifyToken } from '../../domain/links/signed-token';
import { isRefusal } from '../../portal.dependencies';
import { checkoutPage } from '../../web/pages';
import { messagesFor } from '../../web/messages.en';
import { PaymentConfirmation } from '../shared/payment-confirmation';
import { PortalAccess } from '../shared/portal-access';
import { portalError } from '../shared/portal-page';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';
import { CompleteLocalCheckout } from './complete-local-checkout.command';
import { ShowLocalCheckout } from './local-checkout.query';

function checkoutOf(access: PortalAccess, token: string, ip: string): Extract<TokenPayload, { kind: 'checkout' }> {
  const verdict = verifyToken(access.deps.linkSecret, token, 'checkout', access.deps.wallClock.now().getTime());
  access.limit(verdict.ok ? `checkout:${verdict.payload.checkoutId}` : `address:${ip}`);
  if (verdict.ok) return verdict.payload;
  throw portalError(access.deps, verdict.reason === 'expired' ? 410 : 404, verdict.reason === 'expired' ? 'session-expired' : 'link-invalid');
}

@QueryHandler(ShowLocalCheckout)
export class ShowLocalCheckoutHandler implements IQueryHandler<ShowLocalCheckout> {
  constructor(private readonly access: PortalAccess) {}

  async execute({ token, ip }: ShowLocalCheckout): Promise<string> {
    const checkout = checkoutOf(this.access, token, ip);
    return checkoutPage(messagesFor(), this.access.deps.agency, { action: `/portal/checkout/${token}`, cancelUrl: checkout.cancelUrl, amount: checkout.amount, currency: checkout.currency, method: checkout.method });
  }
}

@CommandHandler(CompleteLocalCheckout)
export class CompleteLocalCheckoutHandler implements ICommandHandler<CompleteLocalCheckout> {
  constructor(
    private readonly access: PortalAccess,
    private readonly payments: PaymentConfirmation,
  ) {}

  async execute({ token, ip }: CompleteLocalCheckout): Promise<PortalRedirect> {
    const checkout = checkoutOf(this.access, token, ip);
    const { accountId, checkoutId, amount, currency, method } = checkout;
    const confirmed = await this.payments.confirm({ provider: 'local', providerReference: `local:${checkoutId}`, checkoutId, accountId, amount, currency, method });
    if (isRefusal(confirmed)) throw portalError(this.access.deps, 409, 'payment-failed');
    return { url: checkout.successUrl, statusCode: 303 };
  }
}
