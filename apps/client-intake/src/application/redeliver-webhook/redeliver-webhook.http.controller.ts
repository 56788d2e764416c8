import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { RedeliverWebhook } from './redeliver-webhook.command';
import { RedeliveryAnswer } from './redeliver-webhook.request.dto';

/** A client asks for one delivery of one of its endpoints again. */
@Controller('clients/:clientId/webhook-endpoints/:endpointId/deliveries/:deliveryId/redelivery')
export class RedeliverWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['client'], tag: 'webhooks', uuidParams: ['clientId', 'endpointId', 'deliveryId'], answer: RedeliveryAnswer, description: 'A new round of attempts is booked, the first one now.', problems: { 404: 'Not your client id, no such endpoint or no such delivery (rules client-unknown, webhook-endpoint-unknown, webhook-delivery-unknown).', 409: 'The delivery is still being attempted (rule webhook-delivery-pending), or the endpoint is disabled (rule webhook-endpoint-disabled).' } })
  redeliver(@UuidParam('clientId') clientId: string, @UuidParam('endpointId') endpointId: string, @UuidParam('deliveryId') deliveryId: string, @Ctx() context: CommandContext): Promise<RedeliveryAnswer> {
    return this.commands.execute(new RedeliverWebhook(clientId, endpointId, deliveryId, context));
  }
}
