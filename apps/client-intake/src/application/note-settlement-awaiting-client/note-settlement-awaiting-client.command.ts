import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { SettlementAwaitingClientV1 } from '@lib/contracts';

/** Debtor contact asks the owning client to approve a settlement beyond its authority. */
export class NoteSettlementAwaitingClient extends Command<void> {
  constructor(
    readonly request: SettlementAwaitingClientV1,
    readonly context: CommandContext,
  ) {
    super();
  }
}
