import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { SettlementDecidedByClientV1 } from '@lib/contracts';

/** Client intake says the owning client approved or declined a settlement that waited for it. */
export class NoteSettlementClientDecision extends Command<void> {
  constructor(
    readonly decided: SettlementDecidedByClientV1,
    readonly context: CommandContext,
  ) {
    super();
  }
}
