import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Client intake published a version of a client's agreement: its settlement authority decides which offers need approval. */
export class NoteSettlementAuthority extends Command<void> {
  constructor(
    readonly version: { clientId: string; version: number; effectiveFrom: string; settlementAuthorityBp: number },
    readonly context: CommandContext,
  ) {
    super();
  }
}
