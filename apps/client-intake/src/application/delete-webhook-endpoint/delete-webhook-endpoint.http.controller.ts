import { Controller, Delete } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { DeleteWebhookEndpoint } from './delete-webhook-endpoint.command';
import { DeletedWebhookEndpointAnswer } from './delete-webhook-endpoint.request.dto';

/** A client deletes one of its endpoints. */
@Controller('clients/:clientId/webhook-endpoints/:endpointId')
export class DeleteWebhookEndpointController {
  constructor(private readonly commands: CommandBus) {}

  @Delete()
  @CommandEndpoint({ roles: ['client'], status: 200, tag: 'webhooks', uuidParams: ['clientId', 'endpointId'], answer: DeletedWebhookEndpointAnswer, description: 'Deleted.', problems: { 404: 'Not your client id, or no such endpoint (rules client-unknown, webhook-endpoint-unknown).' } })
  delete(@UuidParam('clientId') clientId: string, @UuidParam('endpointId') endpointId: string, @Ctx() context: CommandContext): Promise<DeletedWebhookEndpointAnswer> {
    return this.commands.execute(new DeleteWebhookEndpoint(clientId, endpointId, context));
  }
}
