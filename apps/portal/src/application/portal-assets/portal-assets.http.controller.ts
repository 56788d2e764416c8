import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lib/platform';
import { PORTAL_CSS } from '../../web/portal.css';

/** The portal's stylesheet: public, static, no account data. */
@ApiExcludeController()
@Public()
@Controller('portal/assets')
export class PortalAssetsController {
  @Get('portal.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  css(): string {
    return PORTAL_CSS;
  }
}
