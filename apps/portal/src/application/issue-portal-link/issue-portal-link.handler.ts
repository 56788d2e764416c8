import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { portalAccessDecider } from '../../domain/access/portal-access.decider';
import { portalStreamId } from '../../domain/access/portal-access.events';
import type { PortalDependencies } from '../../portal.dependencies';
import { personalLink } from './personal-link';
import { IssuePortalLink } from './issue-portal-link.command';
import type { PortalLinkAnswer } from './issue-portal-link.request.dto';

@CommandHandler(IssuePortalLink)
export class IssuePortalLinkHandler implements ICommandHandler<IssuePortalLink> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PortalDependencies) {}

  async execute({ accountId, context }: IssuePortalLink): Promise<PortalLinkAnswer> {
    if (!(await this.deps.accounts.snapshot(accountId))) throw new Refused({ rule: 'case-unknown', reason: `no case and ledger for account ${accountId}` });
    const link = personalLink(this.deps, accountId, context.newId());
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      portalAccessDecider,
      portalStreamId(accountId),
      { type: 'IssueLink', accountId, linkId: link.linkId, expiresAt: link.expiresAt, issuedBy: context.principal.id, now: context.now },
      context,
    );
    // A retry under the same key finds the link it issued first.
    const issued = events.find((event) => event.type === 'PortalLinkIssued');
    if (issued?.type !== 'PortalLinkIssued') throw new Error(`the link of account ${accountId} was issued but not recorded`);
    const again = issued.data.linkId === link.linkId ? link : personalLink(this.deps, accountId, issued.data.linkId, new Date(issued.data.expiresAt));
    return { accountId, linkId: again.linkId, url: again.url, expiresAt: again.expiresAt.toISOString() };
  }
}
