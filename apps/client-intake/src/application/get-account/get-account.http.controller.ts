import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { AccountView } from './account.view';
import { GetAccount } from './get-account.query';

/** An account as placed, with its status: staff see any, a client only its own. */
@Controller('accounts')
export class GetAccountController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId')
  @QueryEndpoint({ roles: ['client', 'collector', 'supervisor', 'accountant', 'legal', 'compliance', 'admin'], tag: 'accounts', uuidParams: ['accountId'], answer: AccountView, description: 'The account as placed, with its status.', problems: { 404: 'No such account, or (for a client) not one of its own (rule account-unknown).' } })
  get(@UuidParam('accountId') accountId: string, @CurrentPrincipal() principal: Principal): Promise<AccountView> {
    return this.queries.execute(new GetAccount(accountId, principal));
  }
}
