import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { WebhookEndpointView } from '../webhooks/webhook-endpoint.view';
import { EnableWebhookEndpoint } from './enable-webhook-endpoint.command';

/** A client enables again an endpoint disabled after persistent failure. */
@Controller('clients/:clientId/webhook-endpoints/:endpointId/enablement')
export class EnableWebhookEndpointController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['client'], status: 200, tag: 'webhooks', uuidParams: ['clientId', 'endpointId'], answer: WebhookEndpointView, description: 'Enabled; its waiting deliveries are attempted again now.', problems: { 404: 'Not your client id, or no such endpoint (rules client-unknown, webhook-endpoint-unknown).', 409: 'The endpoint is enabled already (rule webhook-endpoint-enabled).' } })
  enable(@UuidParam('clientId') clientId: string, @UuidParam('endpointId') endpointId: string, @Ctx() context: CommandContext): Promise<WebhookEndpointView> {
    return this.commands.execute(new EnableWebhookEndpoint(clientId, endpointId, context));
  }
}
