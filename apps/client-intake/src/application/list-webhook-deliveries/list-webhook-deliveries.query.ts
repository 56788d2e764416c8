import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { WebhookDeliveryView } from './webhook-delivery.view';

/** An endpoint's delivery log, as `principal` may see it. */
export class ListWebhookDeliveries extends Query<WebhookDeliveryView[]> {
  constructor(
    readonly clientId: string,
    readonly endpointId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
