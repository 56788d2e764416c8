import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { ReferralView } from '../referral.view';
import { ApproveRecommendation } from './approve-recommendation.command';

/** A supervisor approves a recommendation before the client is asked. */
@Controller('referrals/:accountId/approval')
export class ApproveRecommendationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['supervisor'], tag: 'referrals', uuidParams: ['accountId'], status: 200, answer: ReferralView, description: 'The case, recommended: the client is asked to authorize suit.', problems: { 404: 'No referral case for the account (rule referral-unknown).', 409: 'No recommendation awaits approval (rule recommendation-not-pending), or a legal criterion no longer holds, named by the first that fails. Nothing is stored.' } })
  approve(@UuidParam('accountId') accountId: string, @Ctx() context: CommandContext): Promise<ReferralView> {
    return this.commands.execute(new ApproveRecommendation(accountId, context));
  }
}
