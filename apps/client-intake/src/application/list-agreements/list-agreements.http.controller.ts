import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { ClientAgreements } from './client-agreements.view';
import { ListAgreements } from './list-agreements.query';

/** A client's agreement versions: admins read any client's, a client (by its API key) only its own. */
@Controller('clients/:clientId/agreements')
export class ListAgreementsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['admin', 'client'], tag: 'clients', uuidParams: ['clientId'], answer: ClientAgreements, description: 'The onboarding terms and every version, oldest first.', problems: { 404: 'No such client, or (for a client) not itself (rule client-unknown).' } })
  list(@UuidParam('clientId') clientId: string, @CurrentPrincipal() principal: Principal): Promise<ClientAgreements> {
    return this.queries.execute(new ListAgreements(clientId, principal));
  }
}
