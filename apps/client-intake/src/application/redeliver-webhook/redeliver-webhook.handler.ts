import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import type { IntakeDependencies } from '../../client-intake.dependencies';
import { webhookDeliveryDecider } from '../../domain/webhooks/webhook-delivery.decider';
import { webhookEndpointsDecider } from '../../domain/webhooks/webhook-endpoints.decider';
import { refuseUnlessOwnClient } from '../webhooks/webhook-access';
import { bookAttempt } from '../webhooks/webhook-delivery.work';
import { webhookDeliveryStreamId, webhookEndpointsStreamId } from '../webhooks/webhook-streams';
import { RedeliverWebhook } from './redeliver-webhook.command';
import type { RedeliveryAnswer } from './redeliver-webhook.request.dto';

/** A new round of attempts with the full retry schedule, its first attempt booked now. */
@CommandHandler(RedeliverWebhook)
export class RedeliverWebhookHandler implements ICommandHandler<RedeliverWebhook> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ clientId, endpointId, deliveryId, context }: RedeliverWebhook): Promise<RedeliveryAnswer> {
    refuseUnlessOwnClient(context.principal, clientId);
    const store = this.deps.eventStore;
    const { state: endpoints } = await aggregateStream(store, webhookEndpointsDecider, webhookEndpointsStreamId(clientId));
    const endpoint = endpoints.endpoints[endpointId];
    if (!endpoint || endpoint.status === 'deleted') throw new Refused({ rule: 'webhook-endpoint-unknown', reason: `no webhook endpoint ${endpointId}` });
    const streamId = webhookDeliveryStreamId(deliveryId);
    const { state: known } = await aggregateStream(store, webhookDeliveryDecider, streamId);
    if (known.status === 'none' || known.scheduled.endpointId !== endpointId) throw new Refused({ rule: 'webhook-delivery-unknown', reason: `no delivery ${deliveryId} to endpoint ${endpointId}` });
    if (endpoint.status === 'disabled') throw new Refused({ rule: 'webhook-endpoint-disabled', reason: `webhook endpoint ${endpointId} is disabled; enable it first` });
    const { state } = await decideOrRefuse(store, webhookDeliveryDecider, streamId, { type: 'RequestRedelivery', now: context.now }, context);
    if (state.status === 'none') throw new Error(`delivery ${deliveryId} vanished`);
    await bookAttempt(this.scheduler, { clientId, deliveryId, round: state.round, attempt: 1, enablements: endpoint.enablements, dueAt: context.now }, context.causationId, context.correlationId);
    return { deliveryId, round: state.round, requestedAt: context.now.toISOString() };
  }
}
