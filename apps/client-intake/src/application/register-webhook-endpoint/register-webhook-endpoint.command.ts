import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ShownOnce } from '@lib/platform';
import type { RegisterWebhookEndpointRequest } from './register-webhook-endpoint.request.dto';

/** A client registers an endpoint for some event types; the answer shows its signing secret once. */
export class RegisterWebhookEndpoint extends Command<ShownOnce> {
  constructor(
    readonly clientId: string,
    readonly request: RegisterWebhookEndpointRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
