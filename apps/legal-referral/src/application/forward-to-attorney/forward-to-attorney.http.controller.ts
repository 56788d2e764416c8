import { Body, Controller, Headers, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { handleCommand } from '@lib/es-core';
import type { JsonResponse } from '@lib/platform';
import { PrincipalRequest, replyOnce, Roles } from '@lib/platform';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LEGAL_REFERRAL_DEPS, LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { outcomeAnswer } from '../answers';
import { ReferralView } from '../referral.view';
import { ForwardToAttorneyRequest } from './forward-to-attorney.request.dto';

/**
 * Legal forwards an authorized account to a receiving attorney of the agency's panel for
 * the debtor's jurisdiction, if the account still meets the legal criteria now.
 * The agency stays the forwarder: correspondence with the attorney flows through it.
 */
@ApiTags('referrals')
@Controller('referrals/:accountId/forwarding')
export class ForwardToAttorneyController {
  constructor(@Inject(LEGAL_REFERRAL_DEPS) private readonly deps: LegalReferralDependencies) {}

  @Post()
  @Roles('legal', 'supervisor')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer.' })
  @ApiCreatedResponse({ type: ReferralView, description: 'Forwarded: the case with its attorney.' })
  @ApiNotFoundResponse({ description: 'No referral case for this account.' })
  @ApiConflictResponse({
    description:
      'rule referral-not-authorized, already-forwarded or referral-closed; a legal criterion that no longer holds (e.g. within-statute-of-limitations, balance-at-least-5000); or attorney-jurisdiction-mismatch. Nothing is stored.',
  })
  async forward(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Body() body: ForwardToAttorneyRequest,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    await replyOnce(this.deps, request, response, key, async (context) => {
      const outcome = await handleCommand(
        this.deps.eventStore,
        referralDecider,
        referralStreamId(accountId),
        { type: 'ForwardToAttorney', attorneyId: body.attorneyId, attorneyName: body.attorneyName, jurisdiction: body.jurisdiction, now: context.now },
        context,
      );
      return outcomeAnswer(accountId, outcome, 201);
    });
  }
}
