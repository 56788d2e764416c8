import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import type { IntakeDependencies } from '../../client-intake.dependencies';
import { webhookDeliveryDecider } from '../../domain/webhooks/webhook-delivery.decider';
import { webhookEndpointsDecider } from '../../domain/webhooks/webhook-endpoints.decider';
import { refuseUnlessOwnClient } from '../webhooks/webhook-access';
import { listedDeliveryIds } from '../webhooks/webhook-delivery-index';
import { bookAttempt } from '../webhooks/webhook-delivery.work';
import { WebhookEndpointView, webhookEndpointView } from '../webhooks/webhook-endpoint.view';
import { webhookDeliveryStreamId, webhookEndpointsStreamId } from '../webhooks/webhook-streams';
import { EnableWebhookEndpoint } from './enable-webhook-endpoint.command';

/**
 * Every delivery of the endpoint still pending (held while it was disabled, or scheduled
 * meanwhile) gets its next attempt booked now, under the endpoint's new enablement count
 * so the booking is new even where an earlier one for the same attempt already fired.
 * The deliveries that gave up stay given up: the client redelivers those it wants.
 */
@CommandHandler(EnableWebhookEndpoint)
export class EnableWebhookEndpointHandler implements ICommandHandler<EnableWebhookEndpoint> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ clientId, endpointId, context }: EnableWebhookEndpoint): Promise<WebhookEndpointView> {
    refuseUnlessOwnClient(context.principal, clientId);
    const store = this.deps.eventStore;
    const { state } = await decideOrRefuse(store, webhookEndpointsDecider, webhookEndpointsStreamId(clientId), { type: 'EnableWebhookEndpoint', endpointId, now: context.now }, context);
    const endpoint = state.endpoints[endpointId];
    for (const deliveryId of await listedDeliveryIds(store, endpointId)) {
      const { state: delivery } = await aggregateStream(store, webhookDeliveryDecider, webhookDeliveryStreamId(deliveryId));
      if (delivery.status !== 'pending') continue;
      const booking = { clientId, deliveryId, round: delivery.round, attempt: delivery.attemptsInRound + 1, enablements: endpoint.enablements, dueAt: context.now };
      await bookAttempt(this.scheduler, booking, context.causationId, context.correlationId);
    }
    return webhookEndpointView(endpoint, context.now);
  }
}
