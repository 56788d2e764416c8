import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { IssuePortalLink } from './issue-portal-link.command';
import { PortalLinkAnswer } from './issue-portal-link.request.dto';

/** A collector sends the debtor a new personal link (a letter lost, a link expired). */
@Controller('accounts/:accountId/portal-links')
export class IssuePortalLinkController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['collector', 'supervisor'], tag: 'portal', uuidParams: ['accountId'], answer: PortalLinkAnswer, description: "The debtor's personal link and when it expires.", problems: { 404: 'No case and ledger for the account (rule case-unknown).' } })
  issue(@UuidParam('accountId') accountId: string, @Ctx() context: CommandContext): Promise<PortalLinkAnswer> {
    return this.commands.execute(new IssuePortalLink(accountId, context));
  }
}
