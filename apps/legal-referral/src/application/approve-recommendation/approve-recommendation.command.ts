import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ReferralView } from '../referral.view';

/** A supervisor approves the pending recommendation: the client is asked to authorize suit. */
export class ApproveRecommendation extends Command<ReferralView> {
  constructor(
    readonly accountId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
