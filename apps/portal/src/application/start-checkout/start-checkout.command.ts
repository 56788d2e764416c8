import { Command } from '@nestjs/cqrs';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';
import type { PayNowForm } from './start-checkout.request.dto';

/** Pay now: a checkout at the payment provider for the amount the debtor chose. */
export class StartCheckout extends Command<PortalRedirect> {
  constructor(
    readonly session: string,
    readonly form: PayNowForm,
    readonly ip: string,
  ) {
    super();
  }
}
