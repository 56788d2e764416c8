import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { PortalLinkAnswer } from './issue-portal-link.request.dto';

/** A collector issues (again) the debtor's personal portal link. */
export class IssuePortalLink extends Command<PortalLinkAnswer> {
  constructor(
    readonly accountId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
