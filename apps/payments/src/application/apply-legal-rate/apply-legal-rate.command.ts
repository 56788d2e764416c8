import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** What is collected on the account from the forwarding on earns the legal rate. */
export class ApplyLegalRate extends Command<void> {
  constructor(
    readonly accountId: string,
    /** When legal forwarded the account (LegalStageChanged's `changedAt`). */
    readonly forwardedAt: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
