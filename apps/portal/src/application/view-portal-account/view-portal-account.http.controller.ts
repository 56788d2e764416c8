import { Controller, Get, Header, Ip, Param, Query, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lib/platform';
import { PortalPageFilter } from '../shared/portal-page';
import { ViewPortalAccount } from './view-portal-account.command';

/** Public, guarded by the session token the identity check handed out. */
@ApiExcludeController()
@Public()
@UseFilters(PortalPageFilter)
@Controller('portal/s')
export class ViewPortalAccountController {
  constructor(private readonly commands: CommandBus) {}

  @Get(':session')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header('x-frame-options', 'DENY')
  @Header('referrer-policy', 'no-referrer')
  view(@Param('session') session: string, @Query('notice') notice: string | undefined, @Ip() ip: string): Promise<string> {
    return this.commands.execute(new ViewPortalAccount(session, typeof notice === 'string' ? notice : undefined, ip));
  }
}
