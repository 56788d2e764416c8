import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, ShownOnce, UuidParam } from '@lib/platform';
import { RotateWebhookSecret } from './rotate-webhook-secret.command';
import { RotatedWebhookSecretAnswer } from './rotate-webhook-secret.request.dto';

/** A client rotates the signing secret of one of its endpoints. */
@Controller('clients/:clientId/webhook-endpoints/:endpointId/secret-rotations')
export class RotateWebhookSecretController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['client'], tag: 'webhooks', uuidParams: ['clientId', 'endpointId'], answer: RotatedWebhookSecretAnswer, description: 'The new secret (shown in this answer only) and until when the previous one still signs.', problems: { 404: 'Not your client id, or no such endpoint (rules client-unknown, webhook-endpoint-unknown).', 409: 'A retry under an Idempotency-Key (rule webhook-secret-already-rotated).' } })
  rotate(@UuidParam('clientId') clientId: string, @UuidParam('endpointId') endpointId: string, @Ctx() context: CommandContext): Promise<ShownOnce> {
    return this.commands.execute(new RotateWebhookSecret(clientId, endpointId, context));
  }
}
