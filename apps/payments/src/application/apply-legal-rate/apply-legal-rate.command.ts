import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** What is collected on the account from now on earns the legal rate. */
export class ApplyLegalRate extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
