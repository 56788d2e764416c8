import { Command } from '@nestjs/cqrs';
import type { IdentityCheckForm, PortalRedirect } from './check-portal-identity.request.dto';

/** The debtor answers the identity check; a match opens a session on the account. */
export class CheckPortalIdentity extends Command<PortalRedirect> {
  constructor(
    readonly token: string,
    readonly form: IdentityCheckForm,
    readonly ip: string,
  ) {
    super();
  }
}
