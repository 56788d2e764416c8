import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import type { IntakeDependencies } from '../../client-intake.dependencies';
import { webhookDeliveryDecider } from '../../domain/webhooks/webhook-delivery.decider';
import { webhookEndpointsDecider } from '../../domain/webhooks/webhook-endpoints.decider';
import { refuseUnlessOwnClient } from '../webhooks/webhook-access';
import { listedDeliveryIds } from '../webhooks/webhook-delivery-index';
import { webhookDeliveryStreamId, webhookEndpointsStreamId } from '../webhooks/webhook-streams';
import { ListWebhookDeliveries } from './list-webhook-deliveries.query';
import type { WebhookDeliveryView } from './webhook-delivery.view';

/** The log shows this many of the newest deliveries. */
export const DELIVERY_LOG_LENGTH = 100;

/** Folded from the deliveries' own streams (the same folds that decide), newest first. */
@QueryHandler(ListWebhookDeliveries)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveries> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ clientId, endpointId, principal }: ListWebhookDeliveries): Promise<WebhookDeliveryView[]> {
    refuseUnlessOwnClient(principal, clientId);
    const store = this.deps.eventStore;
    const { state } = await aggregateStream(store, webhookEndpointsDecider, webhookEndpointsStreamId(clientId));
    const endpoint = state.endpoints[endpointId];
    if (!endpoint || endpoint.status === 'deleted') throw new Refused({ rule: 'webhook-endpoint-unknown', reason: `no webhook endpoint ${endpointId}` });
    const newest = (await listedDeliveryIds(store, endpointId)).slice(-DELIVERY_LOG_LENGTH).reverse();
    const views: WebhookDeliveryView[] = [];
    for (const deliveryId of newest) {
      const { state: delivery } = await aggregateStream(store, webhookDeliveryDecider, webhookDeliveryStreamId(deliveryId));
      // Listed, then a crash before it was recorded: the source message brings it again.
      if (delivery.status === 'none') continue;
      views.push({
        deliveryId,
        eventType: delivery.scheduled.eventType,
        eventId: delivery.scheduled.sourceEventId,
        status: delivery.status,
        scheduledAt: delivery.scheduled.scheduledAt,
        nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
        attempts: delivery.attempts,
      });
    }
    return views;
  }
}
