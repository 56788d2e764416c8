import type { WebhookRetryPolicy } from '../../domain/webhooks/webhook-retry.policy';
import type { WebhookSender } from '../../integration/webhooks/webhook-sender';
import type { WebhookSettings } from '../../integration/webhooks/webhook-settings';

/** What the webhook use cases are given by the module: the deployment's URL rules, the HTTP sender and the retry policy. */
export interface WebhookPorts {
  settings: WebhookSettings;
  send: WebhookSender;
  retryPolicy: WebhookRetryPolicy;
}

export const WEBHOOK_PORTS = Symbol('WEBHOOK_PORTS');
