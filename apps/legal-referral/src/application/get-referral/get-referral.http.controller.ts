import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { ReferralView } from '../referral.view';
import { GetReferral } from './get-referral.query';

/** Where an account stands in the legal pipeline. */
@Controller('referrals')
export class GetReferralController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId')
  @QueryEndpoint({ roles: ['legal', 'supervisor', 'compliance', 'attorney'], tag: 'referrals', uuidParams: ['accountId'], answer: ReferralView, description: 'The case: stage, balance, the last review, authorization, attorney, closing and reopening.', problems: { 404: 'No referral case for the account, or (an attorney) a case not forwarded to it (rule referral-unknown).' } })
  get(@UuidParam('accountId') accountId: string, @CurrentPrincipal() principal: Principal): Promise<ReferralView> {
    return this.queries.execute(new GetReferral(accountId, principal));
  }
}
