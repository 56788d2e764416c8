import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { WriteOffApprovedV1 } from '@lib/contracts';

/** Debtor contact says a supervisor approved a write-off: the balance comes down, and a full one closes the account `written-off`. */
export class WriteOffBalance extends Command<void> {
  constructor(
    readonly approved: WriteOffApprovedV1,
    readonly context: CommandContext,
  ) {
    super();
  }
}
