import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ClosingCode } from '../../domain/account/account.events';

/** Close an account for the reason given (today: payments says it is paid in full). */
export class CloseAccount extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly closingCode: ClosingCode,
    readonly context: CommandContext,
  ) {
    super();
  }
}
