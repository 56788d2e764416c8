import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { DeletedWebhookEndpointAnswer } from './delete-webhook-endpoint.request.dto';

/** A client deletes an endpoint: nothing more is sent to it, and its waiting deliveries are abandoned. */
export class DeleteWebhookEndpoint extends Command<DeletedWebhookEndpointAnswer> {
  constructor(
    readonly clientId: string,
    readonly endpointId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
