import { Controller, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DurableScheduler } from '@lib/scheduler';
import type { JsonResponse } from '@lib/platform';
import { PrincipalRequest, replyOnce, Roles } from '@lib/platform';
import { LEGAL_REFERRAL_DEPS, LEGAL_REVIEW_SCHEDULER, LegalReferralDependencies } from '../../legal-referral.dependencies';
import { outcomeAnswer } from '../answers';
import { ReferralView } from '../referral.view';
import { reviewForLegal } from './review-for-legal';

/**
 * Runs the legal review now, without waiting for day 45 (e.g. after new facts came in).
 * The outcome, recommended or not, is recorded and answered with every failed rule.
 */
@ApiTags('referrals')
@Controller('referrals/:accountId/review')
export class ReviewForLegalController {
  constructor(
    @Inject(LEGAL_REFERRAL_DEPS) private readonly deps: LegalReferralDependencies,
    @Inject(LEGAL_REVIEW_SCHEDULER) private readonly scheduler: DurableScheduler,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('supervisor', 'legal')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer.' })
  @ApiOkResponse({ type: ReferralView, description: 'The case after the review: stage recommended or not-recommended, with the failed rules.' })
  @ApiNotFoundResponse({ description: 'No referral case for this account.' })
  @ApiConflictResponse({ description: 'rule referral-already-authorized: the client already authorized suit.' })
  async review(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    await replyOnce(this.deps, request, response, key, async (context) => {
      const outcome = await reviewForLegal(this.deps, this.scheduler, accountId, context);
      return outcomeAnswer(accountId, outcome, 200);
    });
  }
}
