import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { principalOf, PrincipalRequest, Roles } from '@lib/platform';
import { AccountEvent, AccountPlaced, ClosingCode } from '../../domain/account/account.events';
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
    const placed = events.find((e): e is AccountPlaced => e.type === 'AccountPlaced');
    if (!placed || (principal.role === 'client' && placed.data.clientId !== principal.id)) {
      throw new NotFoundException(`account ${accountId} not found`);
    }
    // The latest closure or reopening decides the status: a bounced payment reopens an
    // account closed as paid in full, and paying it off closes it again.
    const lastChange = events.filter((e) => e.type === 'AccountClosed' || e.type === 'AccountReopened').at(-1);
    return {
      ...placed.data,
      status: lastChange?.type === 'AccountClosed' ? 'closed' : 'active',
      closingCode: lastChange?.type === 'AccountClosed' ? lastChange.data.closingCode : undefined,
      reopenedAt: lastChange?.type === 'AccountReopened' ? lastChange.data.reopenedAt : undefined,
      legalAuthorized: events.some((e) => e.type === 'LegalReferralAuthorized'),
    };
  }
}
