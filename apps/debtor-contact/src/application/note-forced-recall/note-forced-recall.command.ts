import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { AccountRecalledV1 } from '@lib/contracts';

/** Intake says a supervisor forced a recall past its refusals: it goes on the approval queue, as decided. */
export class NoteForcedRecall extends Command<void> {
  constructor(
    readonly recall: AccountRecalledV1 & { forced: NonNullable<AccountRecalledV1['forced']> },
    readonly context: CommandContext,
  ) {
    super();
  }
}
