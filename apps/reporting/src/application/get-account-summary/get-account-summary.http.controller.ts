import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { AsOfRequest, asOfInstant } from '../as-of.request.dto';
import { AccountSummaryView } from './account-summary.view';
import { GetAccountSummary } from './get-account-summary.query';

/** One account as every service has reported it: status, money, contact, promises, legal stage. */
@Controller('reports/accounts')
export class GetAccountSummaryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId')
  @QueryEndpoint({ roles: ['client', 'collector', 'supervisor', 'accountant', 'legal', 'compliance', 'admin'], tag: 'reports', uuidParams: ['accountId'], answer: AccountSummaryView, description: 'The account summary; money in minor units of `currency`. With `asOf`, as it stood at that instant.', problems: { 404: 'Nothing reported of the account (by `asOf`, when given), or another client\'s account (rule account-unknown).' } })
  get(@UuidParam('accountId') accountId: string, @Query() request: AsOfRequest, @CurrentPrincipal() principal: Principal): Promise<AccountSummaryView> {
    return this.queries.execute(new GetAccountSummary(accountId, principal, asOfInstant(request.asOf)));
  }
}
