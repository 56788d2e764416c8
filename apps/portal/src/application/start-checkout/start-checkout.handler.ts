import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { accountPage, parseAmount } from '../../web/pages';
import { messagesFor } from '../../web/messages.en';
import { PortalAccess } from '../shared/portal-access';
import { PortalPageException } from '../shared/portal-page';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';
import { StartCheckout } from './start-checkout.command';

@CommandHandler(StartCheckout)
export class StartCheckoutHandler implements ICommandHandler<StartCheckout> {
  constructor(private readonly access: PortalAccess) {}

  async execute({ session, form, ip }: StartCheckout): Promise<PortalRedirect> {
    const { deps } = this.access;
    const m = messagesFor();
    const verified = await this.access.session(session, ip);
    const account = await this.access.account(verified.accountId);
    const amount = parseAmount(form.amount, account.currency);
    const now = deps.clock.now();
    const sessionPath = `/portal/s/${session}`;
    if (amount === null || amount < 1 || amount > account.balance || !account.caseOpen) {
      throw new PortalPageException(422, accountPage(m, deps.agency, { account, sessionPath, today: now.toISOString().slice(0, 10), error: m.pay.invalidAmount }));
    }
    const checkoutId = deps.newId();
    await this.access.record({ type: 'StartCheckout', accountId: account.accountId, linkId: verified.linkId, checkoutId, provider: deps.provider.name, amount, currency: account.currency, method: form.method, now });
    const checkout = await deps.provider.createCheckout({
      accountId: account.accountId,
      checkoutId,
      amount,
      currency: account.currency,
      method: form.method,
      description: `${deps.agency.name}: account ${account.accountId}`,
      successUrl: `${deps.publicUrl}${sessionPath}?notice=paid`,
      cancelUrl: `${deps.publicUrl}${sessionPath}?notice=cancelled`,
    });
    return { url: checkout.redirectUrl, statusCode: 303 };
  }
}
