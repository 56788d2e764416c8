import { WEBHOOK_RETRY_POLICY, WebhookRetryPolicy } from '../../domain/webhooks/webhook-retry.policy';
import { httpWebhookSender, WebhookSender } from '../../integration/webhooks/webhook-sender';
import { loadWebhookSettings, WebhookSettings } from '../../integration/webhooks/webhook-settings';
import { DeleteWebhookEndpointController } from '../delete-webhook-endpoint/delete-webhook-endpoint.http.controller';
import { DeleteWebhookEndpointHandler } from '../delete-webhook-endpoint/delete-webhook-endpoint.handler';
import { DeliverWebhookHandler } from '../deliver-webhook/deliver-webhook.handler';
import { EnableWebhookEndpointController } from '../enable-webhook-endpoint/enable-webhook-endpoint.http.controller';
import { EnableWebhookEndpointHandler } from '../enable-webhook-endpoint/enable-webhook-endpoint.handler';
import { ListWebhookDeliveriesController } from '../list-webhook-deliveries/list-webhook-deliveries.http.controller';
import { ListWebhookDeliveriesHandler } from '../list-webhook-deliveries/list-webhook-deliveries.handler';
import { ListWebhookEndpointsController } from '../list-webhook-endpoints/list-webhook-endpoints.http.controller';
import { ListWebhookEndpointsHandler } from '../list-webhook-endpoints/list-webhook-endpoints.handler';
import { RedeliverWebhookController } from '../redeliver-webhook/redeliver-webhook.http.controller';
import { RedeliverWebhookHandler } from '../redeliver-webhook/redeliver-webhook.handler';
import { RegisterWebhookEndpointController } from '../register-webhook-endpoint/register-webhook-endpoint.http.controller';
import { RegisterWebhookEndpointHandler } from '../register-webhook-endpoint/register-webhook-endpoint.handler';
import { RotateWebhookSecretController } from '../rotate-webhook-secret/rotate-webhook-secret.http.controller';
import { RotateWebhookSecretHandler } from '../rotate-webhook-secret/rotate-webhook-secret.handler';
import { ScheduleWebhookDeliveriesHandler } from '../schedule-webhook-deliveries/schedule-webhook-deliveries.handler';
import { UpdateWebhookEndpointController } from '../update-webhook-endpoint/update-webhook-endpoint.http.controller';
import { UpdateWebhookEndpointHandler } from '../update-webhook-endpoint/update-webhook-endpoint.handler';
import { WEBHOOK_PORTS, WebhookPorts } from './webhook-delivery.tokens';
import { WebhookDeliveryWork } from './webhook-delivery.work';

/** The webhook use cases, listed once so the module adds them in one line each. */
export const webhookControllers = [
  RegisterWebhookEndpointController,
  ListWebhookEndpointsController,
  UpdateWebhookEndpointController,
  DeleteWebhookEndpointController,
  RotateWebhookSecretController,
  EnableWebhookEndpointController,
  ListWebhookDeliveriesController,
  RedeliverWebhookController,
];

export const webhookHandlers = [
  RegisterWebhookEndpointHandler,
  ListWebhookEndpointsHandler,
  UpdateWebhookEndpointHandler,
  DeleteWebhookEndpointHandler,
  RotateWebhookSecretHandler,
  EnableWebhookEndpointHandler,
  ListWebhookDeliveriesHandler,
  RedeliverWebhookHandler,
  ScheduleWebhookDeliveriesHandler,
  DeliverWebhookHandler,
  WebhookDeliveryWork,
];

/** What a deployment (or a test) may set instead of the defaults: the URL rules, the sender, the retry policy. */
export interface WebhookOptions {
  settings?: WebhookSettings;
  send?: WebhookSender;
  retryPolicy?: WebhookRetryPolicy;
}

/** The ports: settings from the environment unless given, the real HTTP sender, the documented retry policy. */
export function webhookPortsProvider(options: WebhookOptions = {}) {
  const settings = options.settings ?? loadWebhookSettings();
  const ports: WebhookPorts = { settings, send: options.send ?? httpWebhookSender(settings), retryPolicy: options.retryPolicy ?? WEBHOOK_RETRY_POLICY };
  return { provide: WEBHOOK_PORTS, useValue: ports };
}
