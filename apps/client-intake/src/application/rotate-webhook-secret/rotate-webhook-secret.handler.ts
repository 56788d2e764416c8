import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES, ShownOnce } from '@lib/platform';
import type { IntakeDependencies } from '../../client-intake.dependencies';
import { webhookEndpointsDecider } from '../../domain/webhooks/webhook-endpoints.decider';
import { newWebhookSecret } from '../register-webhook-endpoint/register-webhook-endpoint.handler';
import { refuseUnlessOwnClient } from '../webhooks/webhook-access';
import { webhookEndpointsStreamId } from '../webhooks/webhook-streams';
import { RotateWebhookSecret } from './rotate-webhook-secret.command';
import type { RotatedWebhookSecretAnswer } from './rotate-webhook-secret.request.dto';

/** The new secret is shown once; a retry under the same Idempotency-Key gets a 409, so no stored answer holds it. */
@CommandHandler(RotateWebhookSecret)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecret> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ clientId, endpointId, context }: RotateWebhookSecret): Promise<ShownOnce> {
    refuseUnlessOwnClient(context.principal, clientId);
    const secret = newWebhookSecret();
    const { events } = await decideOrRefuse(this.deps.eventStore, webhookEndpointsDecider, webhookEndpointsStreamId(clientId), { type: 'RotateWebhookSecret', endpointId, secret, now: context.now }, context);
    const rotated = events.find((event) => event.type === 'WebhookSecretRotated');
    if (rotated?.type !== 'WebhookSecretRotated') throw new Error(`the rotation of webhook endpoint ${endpointId} was accepted but not recorded`);
    const shown: RotatedWebhookSecretAnswer = { endpointId, secret, previousSecretExpiresAt: rotated.data.previousSecretExpiresAt };
    const retried = new Refused({ rule: 'webhook-secret-already-rotated', reason: `the secret of webhook endpoint ${endpointId} was already rotated under this Idempotency-Key; the new secret is shown only once`, details: { endpointId } });
    return new ShownOnce({ status: retried.status, body: retried.toProblem() }, shown);
  }
}
