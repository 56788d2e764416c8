import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Intake closed the account: the case closes with the same code. */
export class CloseContactCase extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly closingCode: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
