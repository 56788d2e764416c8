import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { principalOf, PrincipalRequest, Roles } from '@lib/platform';
import { fold } from '@lib/es-core';
import { accountDecider } from '../../domain/account/account.decider';
import type { AccountEvent, AccountPlaced, ClosingCode } from '../../domain/account/account.events';
import { accountStreamId, INTAKE, IntakeDependencies } from '../../client-intake.dependencies';

export type AccountView = AccountPlaced['data'] & {
  status: 'active' | 'closed';
  closingCode?: ClosingCode;
  /** Set while the account is active again after a closure was undone. */
  reopenedAt?: string;
  legalAuthorized: boolean;
};

/**
 * An account as placed, with its status. A client sees only its own accounts; another
 * client's account answers 404, exactly like a missing one, so existence does not leak.
 */
@ApiTags('accounts')
@Controller('accounts')
export class GetAccountController {
  constructor(@Inject(INTAKE) private readonly deps: IntakeDependencies) {}

  @Get(':accountId')
  @Roles('client', 'collector', 'supervisor', 'accountant', 'legal', 'compliance', 'admin')
  @ApiOkResponse({ description: 'The account as placed, with its status.' })
  async get(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Req() request: PrincipalRequest): Promise<AccountView> {
    const principal = principalOf(request);
    const events = (await this.deps.eventStore.readStream(accountStreamId(accountId))) as unknown as AccountEvent[];
    const account = fold(accountDecider, events);
    if (account.status === 'none' || (principal.role === 'client' && account.placement.clientId !== principal.id)) {
      throw new NotFoundException(`account ${accountId} not found`);
    }
    return {
      ...account.placement,
      status: account.status,
      closingCode: account.status === 'closed' ? account.closingCode : undefined,
      reopenedAt: account.status === 'active' ? (account.reopenedAt ?? undefined) : undefined,
      legalAuthorized: account.legalAuthorized,
    };
  }
}
