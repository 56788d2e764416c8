import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@lib/es-core';
import { ApiProblems, CurrentPrincipal, Roles } from '@lib/platform';
import { AccountView } from './account.view';
import { GetAccount } from './get-account.query';

@ApiTags('accounts')
@Controller('accounts')
export class GetAccountController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId')
  @Roles('client', 'collector', 'supervisor', 'accountant', 'legal', 'compliance', 'admin')
  @ApiParam({ name: 'accountId', format: 'uuid' })
  @ApiProblems('query', { 404: 'No such account, or (for a client) not one of its own (rule account-unknown).' })
  @ApiOkResponse({ type: AccountView, description: 'The account as placed, with its status.' })
  get(@Param('accountId', new ParseUUIDPipe()) accountId: string, @CurrentPrincipal() principal: Principal): Promise<AccountView> {
    return this.queries.execute(new GetAccount(accountId, principal));
  }
}
