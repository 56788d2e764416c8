import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { ReferralView } from '../referral.view';
import { ReviewForLegal } from './review-for-legal.command';

/**
 * Runs the legal review now, without waiting for day 45 (e.g. after new facts came in).
 * The outcome, recommended or not, is recorded and answered with every failed rule.
 */
@Controller('referrals/:accountId/review')
export class ReviewForLegalController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['supervisor', 'legal'], tag: 'referrals', uuidParams: ['accountId'], status: 200, answer: ReferralView, description: 'The case after the review: stage recommended or not-recommended, with the failed rules.', problems: { 404: 'No referral case for the account (rule referral-unknown).', 409: 'The client already authorized suit, or the case was forwarded (rule referral-already-authorized).' } })
  review(@UuidParam('accountId') accountId: string, @Ctx() context: CommandContext): Promise<ReferralView> {
    return this.commands.execute(new ReviewForLegal(accountId, context));
  }
}
