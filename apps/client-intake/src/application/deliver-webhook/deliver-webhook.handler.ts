import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream, CommandContext, handleCommand } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import type { IntakeDependencies } from '../../client-intake.dependencies';
import { WebhookDeliveryState, webhookDeliveryDecider } from '../../domain/webhooks/webhook-delivery.decider';
import { webhookEndpointsDecider } from '../../domain/webhooks/webhook-endpoints.decider';
import { signingSecretsAt, WebhookEndpoint } from '../../domain/webhooks/webhook-endpoints.state';
import { signatureHeader } from '../../domain/webhooks/webhook-signature';
import { bookAttempt } from '../webhooks/webhook-delivery.work';
import { WEBHOOK_PORTS, WebhookPorts } from '../webhooks/webhook-delivery.tokens';
import { webhookDeliveryStreamId, webhookEndpointsStreamId } from '../webhooks/webhook-streams';
import { DeliverWebhook } from './deliver-webhook.command';

/** The body every endpoint gets: Standard Webhooks' `type`, `timestamp` and `data`, plus the source event's id. */
export function webhookBody(delivery: Extract<WebhookDeliveryState, { scheduled: unknown }>['scheduled']): string {
  const { eventType, occurredAt, sourceEventId, payload } = delivery;
  return JSON.stringify({ type: eventType, timestamp: occurredAt, eventId: sourceEventId, data: payload });
}

/**
 * One attempt, decided from the delivery's events: nothing is sent for a round that was
 * replaced, an attempt already on the record, or an endpoint that is disabled (the
 * delivery waits for it) or deleted (the delivery is abandoned). The attempt's result is
 * recorded, then what it calls for is done: the next attempt booked, or, when the
 * delivery gave up, its endpoint disabled. A re-run after a crash finds the attempt
 * recorded and only completes that follow-up.
 */
@CommandHandler(DeliverWebhook)
export class DeliverWebhookHandler implements ICommandHandler<DeliverWebhook> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies,
    @Inject(WEBHOOK_PORTS) private readonly ports: WebhookPorts,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ clientId, deliveryId, round, attempt, context }: DeliverWebhook): Promise<void> {
    const store = this.deps.eventStore;
    const streamId = webhookDeliveryStreamId(deliveryId);
    const { state } = await aggregateStream(store, webhookDeliveryDecider, streamId);
    if (state.status === 'none' || state.round !== round) return;
    const { state: endpoints } = await aggregateStream(store, webhookEndpointsDecider, webhookEndpointsStreamId(clientId));
    const endpoint = endpoints.endpoints[state.scheduled.endpointId];
    if (state.attemptsInRound >= attempt) return this.followUp(state, endpoint, context);
    if (state.status !== 'pending' || attempt !== state.attemptsInRound + 1) return;
    if (!endpoint || endpoint.status === 'deleted') {
      await handleCommand(store, webhookDeliveryDecider, streamId, { type: 'AbandonDelivery', reason: 'endpoint-deleted', now: context.now }, context);
      return;
    }
    if (endpoint.status === 'disabled') return;

    const body = webhookBody(state.scheduled);
    const timestamp = Math.floor(context.now.getTime() / 1000);
    const headers = {
      'webhook-id': deliveryId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(signingSecretsAt(endpoint, context.now), deliveryId, timestamp, body),
    };
    const response = await this.ports.send({ url: endpoint.url, headers, body });
    const recorded = await handleCommand(store, webhookDeliveryDecider, streamId, { type: 'RecordAttempt', round, attempt, ...response, policy: this.ports.retryPolicy, now: context.now }, context);
    if (recorded.outcome === 'rejected') return;
    await this.followUp(recorded.state, endpoint, context);
  }

  /** What a recorded attempt calls for: the next attempt booked, or the endpoint disabled after the delivery gave up. */
  private async followUp(state: WebhookDeliveryState, endpoint: WebhookEndpoint | undefined, context: CommandContext): Promise<void> {
    if (state.status === 'none' || !endpoint) return;
    const { deliveryId, clientId, endpointId } = state.scheduled;
    if (state.status === 'pending' && state.nextAttemptAt) {
      const booking = { clientId, deliveryId, round: state.round, attempt: state.attemptsInRound + 1, enablements: endpoint.enablements, dueAt: new Date(state.nextAttemptAt) };
      await bookAttempt(this.scheduler, booking, context.causationId, context.correlationId);
    }
    if (state.status === 'failed') {
      const reason = `every attempt of delivery ${deliveryId} failed (${state.attemptsInRound} attempts since ${state.roundStartedAt})`;
      await handleCommand(this.deps.eventStore, webhookEndpointsDecider, webhookEndpointsStreamId(clientId), { type: 'DisableWebhookEndpoint', endpointId, deliveryId, reason, now: context.now }, context);
    }
  }
}
