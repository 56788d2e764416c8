import { Command } from '@nestjs/cqrs';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';

/** The debtor presses Pay on the local checkout stand-in: the payment is confirmed as a provider's webhook would confirm it. */
export class CompleteLocalCheckout extends Command<PortalRedirect> {
  constructor(
    readonly token: string,
    readonly ip: string,
  ) {
    super();
  }
}
