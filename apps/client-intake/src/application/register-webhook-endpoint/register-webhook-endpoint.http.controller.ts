import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, ShownOnce, UuidParam } from '@lib/platform';
import { RegisterWebhookEndpoint } from './register-webhook-endpoint.command';
import { RegisteredWebhookEndpointAnswer, RegisterWebhookEndpointRequest } from './register-webhook-endpoint.request.dto';

/** A client registers a webhook endpoint: its URL and the event types it wants. */
@Controller('clients/:clientId/webhook-endpoints')
export class RegisterWebhookEndpointController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['client'], tag: 'webhooks', uuidParams: ['clientId'], answer: RegisteredWebhookEndpointAnswer, description: 'The endpoint, with its signing secret (shown in this answer only).', problems: { 404: 'Not your client id (rule client-unknown).', 409: 'Too many endpoints (rule webhook-endpoint-limit), or a retry under an Idempotency-Key (rule webhook-endpoint-already-registered).', 422: 'The URL is not https or resolves to a loopback, private, link-local or metadata address (rule webhook-url-refused).' } })
  register(@UuidParam('clientId') clientId: string, @Body() body: RegisterWebhookEndpointRequest, @Ctx() context: CommandContext): Promise<ShownOnce> {
    return this.commands.execute(new RegisterWebhookEndpoint(clientId, body, context));
  }
}
