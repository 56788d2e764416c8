import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { principalOf, PrincipalRequest, Roles } from '@lib/platform';
import { AccountEvent, AccountPlaced, ClosingCode } from '../../domain/account/account.events';
import { accountStreamId, INTAKE, IntakeDependencies } from '../../client-intake.ports';

export type AccountView = AccountPlaced['data'] & { status: 'active' | 'closed'; closingCode?: ClosingCode; legalAuthorized: boolean };

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
    const closed = events.find((e) => e.type === 'AccountClosed');
    return {
      ...placed.data,
      status: closed ? 'closed' : 'active',
      closingCode: closed?.type === 'AccountClosed' ? closed.data.closingCode : undefined,
      legalAuthorized: events.some((e) => e.type === 'LegalReferralAuthorized'),
    };
  }
}
