import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@lib/es-core';
import { ApiProblems, CurrentPrincipal, Roles } from '@lib/platform';
import { AccountSummaryView } from './account-summary.view';
import { GetAccountSummary } from './get-account-summary.query';

/** One account as every service has reported it: status, money, contact, promises, legal stage. */
@ApiTags('reports')
@Controller('reports/accounts')
export class GetAccountSummaryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId')
  @Roles('client', 'collector', 'supervisor', 'accountant', 'legal', 'compliance', 'admin')
  @ApiParam({ name: 'accountId', format: 'uuid' })
  @ApiProblems('query', { 404: 'Nothing reported of the account, or another client\'s account (rule account-unknown).' })
  @ApiOkResponse({ type: AccountSummaryView, description: 'The account summary; money in minor units of `currency`.' })
  get(@Param('accountId', new ParseUUIDPipe()) accountId: string, @CurrentPrincipal() principal: Principal): Promise<AccountSummaryView> {
    return this.queries.execute(new GetAccountSummary(accountId, principal));
  }
}
