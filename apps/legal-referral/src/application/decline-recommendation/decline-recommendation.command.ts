import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ReferralView } from '../referral.view';

/** A supervisor declines the pending recommendation, with why; the client is never asked. */
export class DeclineRecommendation extends Command<ReferralView> {
  constructor(
    readonly accountId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
