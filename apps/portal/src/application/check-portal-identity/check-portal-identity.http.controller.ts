import { Body, Controller, Ip, Param, Post, Redirect, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lib/platform';
import { PortalPageFilter } from '../shared/portal-page';
import { CheckPortalIdentity } from './check-portal-identity.command';
import { IdentityCheckForm, PortalRedirect } from './check-portal-identity.request.dto';

/** Public, guarded by the signed link; the form of the identity check page. */
@ApiExcludeController()
@Public()
@UseFilters(PortalPageFilter)
@Controller('portal/l')
export class CheckPortalIdentityController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':token')
  @Redirect()
  check(@Param('token') token: string, @Body() form: IdentityCheckForm, @Ip() ip: string): Promise<PortalRedirect> {
    return this.commands.execute(new CheckPortalIdentity(token, form, ip));
  }
}
