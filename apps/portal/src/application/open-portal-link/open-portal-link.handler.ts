import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PortalAccess } from '../shared/portal-access';
import { checkPage } from '../../web/pages';
import { messagesFor } from '../../web/messages.en';
import { OpenPortalLink } from './open-portal-link.command';

@CommandHandler(OpenPortalLink)
export class OpenPortalLinkHandler implements ICommandHandler<OpenPortalLink> {
  constructor(private readonly access: PortalAccess) {}

  async execute({ token, ip }: OpenPortalLink): Promise<string> {
    const link = await this.access.link(token, ip);
    await this.access.record({ type: 'OpenLink', accountId: link.accountId, linkId: link.linkId, expired: false, now: this.access.deps.clock.now() });
    return checkPage(messagesFor(), this.access.deps.agency, { action: `/portal/l/${token}` });
  }
}
