import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ShownOnce } from '@lib/platform';

/** An admin issues a panel attorney an API key to report milestones on its own cases. */
export class IssueAttorneyApiKey extends Command<ShownOnce> {
  constructor(
    readonly attorneyId: string,
    readonly idempotencyKey: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
