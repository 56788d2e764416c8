import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { WebhookEndpointView } from '../webhooks/webhook-endpoint.view';
import type { UpdateWebhookEndpointRequest } from './update-webhook-endpoint.request.dto';

/** A client changes an endpoint's URL or event types; what it leaves out stays. */
export class UpdateWebhookEndpoint extends Command<WebhookEndpointView> {
  constructor(
    readonly clientId: string,
    readonly endpointId: string,
    readonly request: UpdateWebhookEndpointRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
