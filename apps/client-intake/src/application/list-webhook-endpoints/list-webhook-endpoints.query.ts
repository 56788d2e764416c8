import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { WebhookEndpointView } from '../webhooks/webhook-endpoint.view';

/** A client's webhook endpoints, as `principal` may see them. */
export class ListWebhookEndpoints extends Query<WebhookEndpointView[]> {
  constructor(
    readonly clientId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
