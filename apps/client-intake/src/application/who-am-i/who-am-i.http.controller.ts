import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { principalOf, PrincipalRequest, Roles } from '@lib/platform';

/**
 * `GET /clients/me`: which client an API key belongs to. Client-intake alone keeps the
 * keys; services in other processes (reporting) ask here to authenticate a client.
 */
@ApiTags('clients')
@Controller('clients/me')
export class WhoAmIController {
  @Get()
  @Roles('client')
  @ApiOkResponse({ description: 'The client the API key belongs to.' })
  whoAmI(@Req() request: PrincipalRequest): { clientId: string } {
    return { clientId: principalOf(request).id };
  }
}
