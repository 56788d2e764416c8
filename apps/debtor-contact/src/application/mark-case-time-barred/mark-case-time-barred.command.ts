import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { AccountTimeBarredV1 } from '@lib/contracts';

/** Legal referral found the account past its statute of limitations (AccountTimeBarred.v1). */
export class MarkCaseTimeBarred extends Command<void> {
  constructor(
    readonly barred: AccountTimeBarredV1,
    readonly context: CommandContext,
  ) {
    super();
  }
}
