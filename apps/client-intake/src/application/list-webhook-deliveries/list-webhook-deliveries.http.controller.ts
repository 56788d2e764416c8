import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { ListWebhookDeliveries } from './list-webhook-deliveries.query';
import { WebhookDeliveryView } from './webhook-delivery.view';

/** An endpoint's delivery log: every attempt of its newest deliveries. */
@Controller('clients/:clientId/webhook-endpoints/:endpointId/deliveries')
export class ListWebhookDeliveriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['client', 'admin'], tag: 'webhooks', uuidParams: ['clientId', 'endpointId'], answer: [WebhookDeliveryView], description: 'The newest 100 deliveries, newest first, with every attempt.', problems: { 404: 'Not your client id, or no such endpoint (rules client-unknown, webhook-endpoint-unknown).' } })
  list(@UuidParam('clientId') clientId: string, @UuidParam('endpointId') endpointId: string, @CurrentPrincipal() principal: Principal): Promise<WebhookDeliveryView[]> {
    return this.queries.execute(new ListWebhookDeliveries(clientId, endpointId, principal));
  }
}
