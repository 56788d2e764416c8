import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { accountPage } from '../../web/pages';
import { messagesFor } from '../../web/messages.en';
import { PortalAccess } from '../shared/portal-access';
import { ViewPortalAccount } from './view-portal-account.command';

@CommandHandler(ViewPortalAccount)
export class ViewPortalAccountHandler implements ICommandHandler<ViewPortalAccount> {
  constructor(private readonly access: PortalAccess) {}

  async execute({ session, notice, ip }: ViewPortalAccount): Promise<string> {
    const { deps } = this.access;
    const verified = await this.access.session(session, ip);
    const account = await this.access.account(verified.accountId);
    const now = deps.clock.now();
    await this.access.record({ type: 'ViewAccount', accountId: verified.accountId, linkId: verified.linkId, now });
    return accountPage(messagesFor(), deps.agency, { account, sessionPath: `/portal/s/${session}`, today: now.toISOString().slice(0, 10), notice });
  }
}
