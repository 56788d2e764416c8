/**
 * What a client can subscribe an endpoint to (docs/domain.md, "Webhooks"). Each type is
 * fed by one source in `integration/inbound/webhook-sources.consumer.ts`.
 */
export const WEBHOOK_EVENT_TYPES = ['account.placed', 'account.closed', 'account.reopened', 'payment.collected', 'legal.milestone', 'remittance.issued'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * Named in the issue but with no source yet: bulk batches do not exist.
 * The extension point is one entry in WEBHOOK_EVENT_TYPES and one `commandOn` line in
 * the sources consumer once their integration events are published.
 */
export const PLANNED_WEBHOOK_EVENT_TYPES = ['batch.finished'] as const;

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
