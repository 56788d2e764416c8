import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream, handleCommand } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { webhookDeliveryDecider } from '../../domain/webhooks/webhook-delivery.decider';
import { endpointsFor, webhookEndpointsDecider } from '../../domain/webhooks/webhook-endpoints.decider';
import { bookAttempt } from '../webhooks/webhook-delivery.work';
import { DELIVERY_LISTED, deliveryIdOf, webhookDeliveryIndexStreamId, webhookDeliveryStreamId, webhookEndpointsStreamId } from '../webhooks/webhook-streams';
import { ScheduleWebhookDeliveries } from './schedule-webhook-deliveries.command';

/**
 * For each endpoint of the client that wants the event type (a disabled one too: its
 * deliveries wait until it is enabled, nothing is lost): list the delivery on the
 * endpoint's log, record it, and book its first attempt now. Every step is idempotent, so
 * the same source message arriving again (or after a crash half way) completes what is
 * missing and doubles nothing: the delivery id follows from endpoint and source event.
 */
@CommandHandler(ScheduleWebhookDeliveries)
export class ScheduleWebhookDeliveriesHandler implements ICommandHandler<ScheduleWebhookDeliveries> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ clientId, eventType, sourceEventId, occurredAt, payload: given, context, clientReferenceOf }: ScheduleWebhookDeliveries): Promise<void> {
    const store = this.deps.eventStore;
    const { state: endpoints } = await aggregateStream(store, webhookEndpointsDecider, webhookEndpointsStreamId(clientId));
    const wanting = endpointsFor(endpoints, eventType);
    if (wanting.length === 0) return;
    const payload = clientReferenceOf === undefined ? given : { ...given, clientReference: await this.clientReferenceOf(clientReferenceOf) };
    for (const endpoint of wanting) {
      const { endpointId } = endpoint;
      const deliveryId = deliveryIdOf(endpointId, sourceEventId);
      const streamId = webhookDeliveryStreamId(deliveryId);
      const known = await aggregateStream(store, webhookDeliveryDecider, streamId);
      if (known.state.status === 'none') {
        // The index first: a crash before the delivery leaves an entry the log skips, never a delivery the log misses.
        await store.appendToStream(
          webhookDeliveryIndexStreamId(endpointId),
          [
            {
              type: DELIVERY_LISTED,
              data: { deliveryId, eventType, sourceEventId },
              metadata: { eventId: context.newId(), principal: context.principal, correlationId: context.correlationId, causationId: context.causationId, occurredAt: context.now.toISOString() },
            },
          ],
          { expectedVersion: 'any' },
        );
        await handleCommand(store, webhookDeliveryDecider, streamId, { type: 'ScheduleDelivery', delivery: { deliveryId, clientId, endpointId, eventType, sourceEventId, occurredAt, payload }, now: context.now }, context);
      }
      const { state } = await aggregateStream(store, webhookDeliveryDecider, streamId);
      if (state.status === 'pending' && state.round === 0 && state.attemptsInRound === 0) {
        await bookAttempt(this.scheduler, { clientId, deliveryId, round: 0, attempt: 1, enablements: endpoint.enablements, dueAt: context.now }, context.causationId, context.correlationId);
      }
    }
  }

  private async clientReferenceOf(accountId: string): Promise<string | null> {
    const { state } = await aggregateStream(this.deps.eventStore, accountDecider, accountStreamId(accountId));
    return state.status === 'none' ? null : state.placement.clientReference;
  }
}
