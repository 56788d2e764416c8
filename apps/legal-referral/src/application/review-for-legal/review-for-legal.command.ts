import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ReferralView } from '../referral.view';

/** Run the legal review of an account now: asked by staff, or by the scheduler on its due day. */
export class ReviewForLegal extends Command<ReferralView> {
  constructor(
    readonly accountId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
