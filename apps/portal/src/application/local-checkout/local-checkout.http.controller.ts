import { Controller, Get, Header, Ip, Param, Post, Redirect, UseFilters } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lib/platform';
import { PortalPageFilter } from '../shared/portal-page';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';
import { CompleteLocalCheckout } from './complete-local-checkout.command';
import { ShowLocalCheckout } from './local-checkout.query';

/** The all-in-one's checkout stand-in; public, guarded by the signed checkout token. Mounted only with PAYMENT_PROVIDER=local. */
@ApiExcludeController()
@Public()
@UseFilters(PortalPageFilter)
@Controller('portal/checkout')
export class LocalCheckoutController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header('x-frame-options', 'DENY')
  @Header('referrer-policy', 'no-referrer')
  show(@Param('token') token: string, @Ip() ip: string): Promise<string> {
    return this.queries.execute(new ShowLocalCheckout(token, ip));
  }

  @Post(':token')
  @Redirect()
  complete(@Param('token') token: string, @Ip() ip: string): Promise<PortalRedirect> {
    return this.commands.execute(new CompleteLocalCheckout(token, ip));
  }
}
