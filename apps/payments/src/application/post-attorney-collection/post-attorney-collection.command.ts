import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/**
 * Post what the receiving attorney collected (legal-referral's stage `collected`) as a
 * payment of method `attorney`, under the payment id legal-referral gave it.
 */
export class PostAttorneyCollection extends Command<unknown> {
  constructor(
    readonly accountId: string,
    readonly collection: { paymentId: string; amount: number; currency: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
