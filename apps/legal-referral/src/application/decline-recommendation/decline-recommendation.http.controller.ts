import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { ReferralView } from '../referral.view';
import { DeclineRecommendation } from './decline-recommendation.command';
import { DeclineRecommendationRequest } from './decline-recommendation.request.dto';

/** A supervisor declines a recommendation: the account is not taken to court and the client is not asked. */
@Controller('referrals/:accountId/decline')
export class DeclineRecommendationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['supervisor'], tag: 'referrals', uuidParams: ['accountId'], status: 200, answer: ReferralView, description: 'The case, not recommended, with the supervisor decision.', problems: { 404: 'No referral case for the account (rule referral-unknown).', 409: 'No recommendation awaits approval (rule recommendation-not-pending).' } })
  decline(@UuidParam('accountId') accountId: string, @Body() body: DeclineRecommendationRequest, @Ctx() context: CommandContext): Promise<ReferralView> {
    return this.commands.execute(new DeclineRecommendation(accountId, body.reason, context));
  }
}
