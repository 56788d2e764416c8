/**
 * What a client can subscribe an endpoint to (docs/domain.md, "Webhooks"). Each type is
 * fed by one source in `integration/inbound/webhook-sources.consumer.ts`.
 */
export const WEBHOOK_EVENT_TYPES = ['account.placed', 'batch.finished', 'account.closed', 'account.reopened', 'payment.collected', 'legal.milestone', 'remittance.issued', 'dispute.opened', 'dispute.resolved'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
