import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from './auth/roles';

export const SERVICE_NAMES = Symbol('SERVICE_NAMES');

/** Liveness and what runs here. Anyone may call it: it reveals no account data. */
@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(@Optional() @Inject(SERVICE_NAMES) private readonly services: string[] = []) {}

  @Get('health')
  @Public()
  @ApiOkResponse({ description: 'The process is up and its modules are started.' })
  health(): { status: 'ok'; services: string[] } {
    return { status: 'ok', services: this.services };
  }
}
