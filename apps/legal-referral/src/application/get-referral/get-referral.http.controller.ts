import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { ReferralView } from '../referral.view';
import { GetReferral } from './get-referral.query';

/** Where an account stands in the legal pipeline. */
@Controller('referrals')
export class GetReferralController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId')
  @QueryEndpoint({ roles: ['legal', 'supervisor', 'compliance'], tag: 'referrals', uuidParams: ['accountId'], answer: ReferralView, description: 'The case: stage, balance, the last review, authorization, attorney, closing and reopening.', problems: { 404: 'No referral case for the account (rule referral-unknown).' } })
  get(@UuidParam('accountId') accountId: string): Promise<ReferralView> {
    return this.queries.execute(new GetReferral(accountId));
  }
}
