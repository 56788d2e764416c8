import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Legal-referral's stage `judgment`: the court costs it awards recover the court-costs advances spent. */
export class RecoverJudgmentCosts extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly judgment: { costs: number; currency: string; judgmentReference: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
