import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@lib/platform';
import { ReferralView } from '../referral.view';
import { GetReferral } from './get-referral.query';

/** Where an account stands in the legal pipeline. */
@ApiTags('referrals')
@Controller('referrals')
export class GetReferralController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId')
  @Roles('legal', 'supervisor', 'compliance')
  @ApiParam({ name: 'accountId', format: 'uuid' })
  @ApiProblems('query', { 404: 'No referral case for the account (rule referral-unknown).' })
  @ApiOkResponse({ type: ReferralView, description: 'The case: stage, balance, the last review, authorization, attorney, closing and reopening.' })
  get(@Param('accountId', new ParseUUIDPipe()) accountId: string): Promise<ReferralView> {
    return this.queries.execute(new GetReferral(accountId));
  }
}
