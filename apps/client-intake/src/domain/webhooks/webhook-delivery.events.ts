import type { DomainEvent } from '@lib/es-core';

/**
 * One message to one endpoint, stream `webhook-delivery-<deliveryId>`; the delivery id
 * follows from the endpoint and the source event, so a source seen twice is scheduled once.
 * `payload` is the body's `data`, fixed when scheduled: every attempt sends the same bytes.
 */
export type DeliveryScheduled = DomainEvent<
  'DeliveryScheduled',
  { deliveryId: string; clientId: string; endpointId: string; eventType: string; sourceEventId: string; occurredAt: string; payload: Record<string, unknown>; scheduledAt: string }
>;
/**
 * One HTTP attempt. `status` is the receiver's status code, null when no answer came
 * (refused address, timeout, connection error: then `error` says which); `responseExcerpt`
 * is the start of its body only. `nextAttemptAt` is null when no retry follows.
 */
export type DeliveryAttempted = DomainEvent<
  'DeliveryAttempted',
  {
    deliveryId: string;
    round: number;
    attempt: number;
    status: number | null;
    error: string | null;
    responseExcerpt: string;
    durationMs: number;
    attemptedAt: string;
    nextAttemptAt: string | null;
  }
>;
export type DeliverySucceeded = DomainEvent<'DeliverySucceeded', { deliveryId: string; round: number; attempt: number; succeededAt: string }>;
/** Every attempt of the round failed for the whole retry window: the endpoint is disabled after it. */
export type DeliveryFailed = DomainEvent<'DeliveryFailed', { deliveryId: string; endpointId: string; round: number; attempts: number; failedAt: string }>;
/** The client asked for the message again: a new round of attempts, numbered from 1. */
export type DeliveryRedeliveryRequested = DomainEvent<'DeliveryRedeliveryRequested', { deliveryId: string; round: number; requestedAt: string }>;
/** The endpoint was deleted while the delivery waited. */
export type DeliveryAbandoned = DomainEvent<'DeliveryAbandoned', { deliveryId: string; reason: string; abandonedAt: string }>;

export type WebhookDeliveryEvent = DeliveryScheduled | DeliveryAttempted | DeliverySucceeded | DeliveryFailed | DeliveryRedeliveryRequested | DeliveryAbandoned;
