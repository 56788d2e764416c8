import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Intake reopened the account it had closed: the case opens again, with no new notice. */
export class ReopenContactCase extends Command<void> {
  constructor(
    readonly accountId: string,
    /** Intake's reason, e.g. `payment-reversed`. */
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
