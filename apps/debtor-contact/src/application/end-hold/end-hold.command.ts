import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** A hold's end date came (the scheduler's work): its lifting is recorded. */
export class EndHold extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly holdId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
