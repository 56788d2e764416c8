import { Controller, Get, Header, Ip, Param, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lib/platform';
import { PortalPageFilter } from '../shared/portal-page';
import { OpenPortalLink } from './open-portal-link.command';

/** Public, guarded by the signed link itself (docs/portal.md); an HTML page, not part of the API document. */
@ApiExcludeController()
@Public()
@UseFilters(PortalPageFilter)
@Controller('portal/l')
export class OpenPortalLinkController {
  constructor(private readonly commands: CommandBus) {}

  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header('x-frame-options', 'DENY')
  @Header('referrer-policy', 'no-referrer')
  open(@Param('token') token: string, @Ip() ip: string): Promise<string> {
    return this.commands.execute(new OpenPortalLink(token, ip));
  }
}
