import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** The attorney closed its file: the legal rate ends then if the client's agreement says so. */
export class EndLegalRate extends Command<void> {
  constructor(
    readonly accountId: string,
    /** When the attorney closed the file (LegalStageChanged's `changedAt`). */
    readonly closedAt: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
