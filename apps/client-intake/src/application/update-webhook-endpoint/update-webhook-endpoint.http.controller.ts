import { Body, Controller, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { WebhookEndpointView } from '../webhooks/webhook-endpoint.view';
import { UpdateWebhookEndpoint } from './update-webhook-endpoint.command';
import { UpdateWebhookEndpointRequest } from './update-webhook-endpoint.request.dto';

/** A client changes one of its endpoints. */
@Controller('clients/:clientId/webhook-endpoints/:endpointId')
export class UpdateWebhookEndpointController {
  constructor(private readonly commands: CommandBus) {}

  @Patch()
  @CommandEndpoint({ roles: ['client'], status: 200, tag: 'webhooks', uuidParams: ['clientId', 'endpointId'], answer: WebhookEndpointView, description: 'The endpoint as it is now.', problems: { 404: 'Not your client id, or no such endpoint (rules client-unknown, webhook-endpoint-unknown).', 422: 'The URL is refused (rule webhook-url-refused).' } })
  update(@UuidParam('clientId') clientId: string, @UuidParam('endpointId') endpointId: string, @Body() body: UpdateWebhookEndpointRequest, @Ctx() context: CommandContext): Promise<WebhookEndpointView> {
    return this.commands.execute(new UpdateWebhookEndpoint(clientId, endpointId, body, context));
  }
}
