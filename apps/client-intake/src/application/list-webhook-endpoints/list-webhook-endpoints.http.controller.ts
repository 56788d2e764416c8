import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { WebhookEndpointView } from '../webhooks/webhook-endpoint.view';
import { ListWebhookEndpoints } from './list-webhook-endpoints.query';

/** A client's webhook endpoints: the client sees its own, admins any client's. */
@Controller('clients/:clientId/webhook-endpoints')
export class ListWebhookEndpointsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['client', 'admin'], tag: 'webhooks', uuidParams: ['clientId'], answer: [WebhookEndpointView], description: 'The endpoints, oldest first, without their secrets.', problems: { 404: 'Not your client id (rule client-unknown).' } })
  list(@UuidParam('clientId') clientId: string, @CurrentPrincipal() principal: Principal): Promise<WebhookEndpointView[]> {
    return this.queries.execute(new ListWebhookEndpoints(clientId, principal));
  }
}
