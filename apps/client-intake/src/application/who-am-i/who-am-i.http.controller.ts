import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint } from '@lib/platform';
import { ClientIdentity } from './client-identity.view';
import { WhoAmI } from './who-am-i.query';

/**
 * `GET /clients/me`: which client an API key belongs to. Client-intake alone keeps the
 * keys; services in other processes (reporting) ask here to authenticate a client.
 */
@Controller('clients/me')
export class WhoAmIController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['client'], tag: 'clients', answer: ClientIdentity, description: 'The client the API key belongs to.' })
  whoAmI(@CurrentPrincipal() principal: Principal): Promise<ClientIdentity> {
    return this.queries.execute(new WhoAmI(principal));
  }
}
