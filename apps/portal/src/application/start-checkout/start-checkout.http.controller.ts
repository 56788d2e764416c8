import { Body, Controller, Ip, Param, Post, Redirect, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lib/platform';
import { PortalPageFilter } from '../shared/portal-page';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';
import { StartCheckout } from './start-checkout.command';
import { PayNowForm } from './start-checkout.request.dto';

/** Public, guarded by the session token. */
@ApiExcludeController()
@Public()
@UseFilters(PortalPageFilter)
@Controller('portal/s')
export class StartCheckoutController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':session/payments')
  @Redirect()
  pay(@Param('session') session: string, @Body() form: PayNowForm, @Ip() ip: string): Promise<PortalRedirect> {
    return this.commands.execute(new StartCheckout(session, form, ip));
  }
}
