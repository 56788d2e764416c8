import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { fold } from '@lib/es-core';
import { Roles } from '@lib/platform';
import { ReferralEvent } from '../../domain/referral/referral.events';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LEGAL_REFERRAL_DEPS, LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { referralView, ReferralView } from '../referral.view';

/** Where an account stands in the legal pipeline, folded from its referral stream. */
@ApiTags('referrals')
@Controller('referrals')
export class GetReferralController {
  constructor(@Inject(LEGAL_REFERRAL_DEPS) private readonly deps: LegalReferralDependencies) {}

  @Get(':accountId')
  @Roles('legal', 'supervisor', 'compliance')
  @ApiOkResponse({ type: ReferralView })
  @ApiNotFoundResponse({ description: 'No referral case for this account.' })
  async get(@Param('accountId', new ParseUUIDPipe()) accountId: string): Promise<ReferralView> {
    const events = await this.deps.eventStore.readStream(referralStreamId(accountId));
    const state = fold(referralDecider, events as unknown as ReferralEvent[]);
    if (state.stage === 'none') throw new NotFoundException({ statusCode: 404, error: 'Not Found', rule: 'referral-unknown', message: `referral ${accountId} not found` });
    return referralView(state);
  }
}
