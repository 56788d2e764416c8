import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import type { IntakeDependencies } from '../../client-intake.dependencies';
import { webhookEndpointsDecider } from '../../domain/webhooks/webhook-endpoints.decider';
import { refuseUnlessOwnClient } from '../webhooks/webhook-access';
import { webhookEndpointsStreamId } from '../webhooks/webhook-streams';
import { DeleteWebhookEndpoint } from './delete-webhook-endpoint.command';
import type { DeletedWebhookEndpointAnswer } from './delete-webhook-endpoint.request.dto';

/** Its waiting deliveries find it deleted at their next attempt and are abandoned there (DeliverWebhook). */
@CommandHandler(DeleteWebhookEndpoint)
export class DeleteWebhookEndpointHandler implements ICommandHandler<DeleteWebhookEndpoint> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ clientId, endpointId, context }: DeleteWebhookEndpoint): Promise<DeletedWebhookEndpointAnswer> {
    refuseUnlessOwnClient(context.principal, clientId);
    await decideOrRefuse(this.deps.eventStore, webhookEndpointsDecider, webhookEndpointsStreamId(clientId), { type: 'DeleteWebhookEndpoint', endpointId, now: context.now }, context);
    return { endpointId, deletedAt: context.now.toISOString() };
  }
}
