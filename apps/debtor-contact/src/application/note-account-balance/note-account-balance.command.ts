import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Payments changed the open balance by an added invoice or an adjustment: a settlement offered next is figured on the new balance. */
export class NoteAccountBalance extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly change: { causeId: string; balanceAfter: number; changedAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
