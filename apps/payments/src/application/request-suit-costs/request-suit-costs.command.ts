import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/**
 * Legal-referral's stage `suit-filed` with what the suit costs: ask the client to advance
 * the attorney's suit fee and the court costs (docs/payments.md, "Court costs from the
 * legal pipeline").
 */
export class RequestSuitCosts extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly suit: { suitFee: number; courtCosts: number; currency: string; filedAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
