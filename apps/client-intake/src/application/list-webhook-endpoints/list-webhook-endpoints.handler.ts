import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import type { IntakeDependencies } from '../../client-intake.dependencies';
import { webhookEndpointsDecider } from '../../domain/webhooks/webhook-endpoints.decider';
import { refuseUnlessOwnClient } from '../webhooks/webhook-access';
import { WebhookEndpointView, webhookEndpointView } from '../webhooks/webhook-endpoint.view';
import { webhookEndpointsStreamId } from '../webhooks/webhook-streams';
import { ListWebhookEndpoints } from './list-webhook-endpoints.query';

/** Folded from the client's endpoints stream, deleted ones left out, oldest first. */
@QueryHandler(ListWebhookEndpoints)
export class ListWebhookEndpointsHandler implements IQueryHandler<ListWebhookEndpoints> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ clientId, principal }: ListWebhookEndpoints): Promise<WebhookEndpointView[]> {
    refuseUnlessOwnClient(principal, clientId);
    const { state } = await aggregateStream(this.deps.eventStore, webhookEndpointsDecider, webhookEndpointsStreamId(clientId));
    const now = this.deps.clock.now();
    return Object.values(state.endpoints)
      .filter((endpoint) => endpoint.status !== 'deleted')
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))
      .map((endpoint) => webhookEndpointView(endpoint, now));
  }
}
