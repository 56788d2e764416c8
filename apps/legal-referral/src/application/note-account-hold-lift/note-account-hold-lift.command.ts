import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { NoteAccountHoldLift as NoteAccountHoldLiftDecision } from '../../domain/holds/note-account-hold.decide';

/** Debtor contact lifted a hold (a dispute resolved, a bankruptcy dismissed, ...). */
export class NoteAccountHoldLift extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly lift: Omit<NoteAccountHoldLiftDecision, 'type'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
