import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { WebhookEndpointView } from '../webhooks/webhook-endpoint.view';

/** A client enables an endpoint that was disabled after persistent failure; its waiting deliveries go out again. */
export class EnableWebhookEndpoint extends Command<WebhookEndpointView> {
  constructor(
    readonly clientId: string,
    readonly endpointId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
