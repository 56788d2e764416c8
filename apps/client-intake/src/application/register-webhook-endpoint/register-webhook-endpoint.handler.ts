import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES, ShownOnce } from '@lib/platform';
import type { IntakeDependencies } from '../../client-intake.dependencies';
import { webhookEndpointsDecider } from '../../domain/webhooks/webhook-endpoints.decider';
import { WEBHOOK_SECRET_PREFIX } from '../../domain/webhooks/webhook-signature';
import { refuseUnlessOwnClient, refuseUnsafeUrl } from '../webhooks/webhook-access';
import { WEBHOOK_PORTS, WebhookPorts } from '../webhooks/webhook-delivery.tokens';
import { webhookEndpointView } from '../webhooks/webhook-endpoint.view';
import { webhookEndpointsStreamId } from '../webhooks/webhook-streams';
import { RegisterWebhookEndpoint } from './register-webhook-endpoint.command';
import type { RegisteredWebhookEndpointAnswer } from './register-webhook-endpoint.request.dto';

/** 24 random bytes, as Standard Webhooks libraries make them. */
export const newWebhookSecret = () => `${WEBHOOK_SECRET_PREFIX}${randomBytes(24).toString('base64')}`;

/**
 * The URL is checked (scheme, then every address it resolves to) before anything is
 * recorded. The secret is shown once: a retry under the same Idempotency-Key gets a 409
 * naming the endpoint, as for API keys, so no stored answer holds the secret.
 */
@CommandHandler(RegisterWebhookEndpoint)
export class RegisterWebhookEndpointHandler implements ICommandHandler<RegisterWebhookEndpoint> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies,
    @Inject(WEBHOOK_PORTS) private readonly ports: WebhookPorts,
  ) {}

  async execute({ clientId, request, context }: RegisterWebhookEndpoint): Promise<ShownOnce> {
    refuseUnlessOwnClient(context.principal, clientId);
    await refuseUnsafeUrl(request.url, this.ports.settings);
    const endpointId = this.deps.newId();
    const secret = newWebhookSecret();
    const { state } = await decideOrRefuse(
      this.deps.eventStore,
      webhookEndpointsDecider,
      webhookEndpointsStreamId(clientId),
      { type: 'RegisterWebhookEndpoint', clientId, endpointId, url: request.url, eventTypes: request.eventTypes, secret, now: context.now },
      context,
    );
    const shown: RegisteredWebhookEndpointAnswer = { ...webhookEndpointView(state.endpoints[endpointId], context.now), secret };
    const retried = new Refused({
      rule: 'webhook-endpoint-already-registered',
      reason: `webhook endpoint ${endpointId} was already registered under this Idempotency-Key; its secret is shown only once (rotate it if it was lost)`,
      details: { clientId, endpointId },
    });
    return new ShownOnce({ status: retried.status, body: retried.toProblem() }, shown);
  }
}
