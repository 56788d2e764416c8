import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { NoteAccountHold as NoteAccountHoldDecision } from '../../domain/holds/note-account-hold.decide';

/** Debtor contact placed a hold on the account (a dispute, a bankruptcy stay, ...). */
export class NoteAccountHold extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly hold: NoteAccountHoldDecision['hold'],
    readonly context: CommandContext,
  ) {
    super();
  }
}
