import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Legal referral says the account is time-barred: close it unless something else keeps it open. */
export class CloseTimeBarredAccount extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly expiredOn: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
