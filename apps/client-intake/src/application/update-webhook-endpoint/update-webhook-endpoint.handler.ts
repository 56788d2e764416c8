import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import type { IntakeDependencies } from '../../client-intake.dependencies';
import { webhookEndpointsDecider } from '../../domain/webhooks/webhook-endpoints.decider';
import { refuseUnlessOwnClient, refuseUnsafeUrl } from '../webhooks/webhook-access';
import { WEBHOOK_PORTS, WebhookPorts } from '../webhooks/webhook-delivery.tokens';
import { WebhookEndpointView, webhookEndpointView } from '../webhooks/webhook-endpoint.view';
import { webhookEndpointsStreamId } from '../webhooks/webhook-streams';
import { UpdateWebhookEndpoint } from './update-webhook-endpoint.command';

/** A new URL is checked as at registration; deliveries already scheduled go to the new URL from their next attempt. */
@CommandHandler(UpdateWebhookEndpoint)
export class UpdateWebhookEndpointHandler implements ICommandHandler<UpdateWebhookEndpoint> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies,
    @Inject(WEBHOOK_PORTS) private readonly ports: WebhookPorts,
  ) {}

  async execute({ clientId, endpointId, request, context }: UpdateWebhookEndpoint): Promise<WebhookEndpointView> {
    refuseUnlessOwnClient(context.principal, clientId);
    if (request.url !== undefined) await refuseUnsafeUrl(request.url, this.ports.settings);
    const { state } = await decideOrRefuse(
      this.deps.eventStore,
      webhookEndpointsDecider,
      webhookEndpointsStreamId(clientId),
      { type: 'UpdateWebhookEndpoint', endpointId, url: request.url, eventTypes: request.eventTypes, now: context.now },
      context,
    );
    return webhookEndpointView(state.endpoints[endpointId], context.now);
  }
}
