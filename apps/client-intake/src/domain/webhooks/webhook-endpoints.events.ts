import type { DomainEvent } from '@lib/es-core';
import type { WebhookEventType } from './webhook-event-types';

/**
 * The endpoints of one client, stream `webhooks-<clientId>`. The signing secrets are
 * kept here because signing needs them in the clear; the stream is never published (the
 * gateway publishes account streams only) and no read answers a secret.
 */
export type WebhookEndpointRegistered = DomainEvent<
  'WebhookEndpointRegistered',
  { clientId: string; endpointId: string; url: string; eventTypes: WebhookEventType[]; secret: string; registeredAt: string }
>;
export type WebhookEndpointUpdated = DomainEvent<'WebhookEndpointUpdated', { clientId: string; endpointId: string; url: string; eventTypes: WebhookEventType[]; updatedAt: string }>;
/** The new secret signs from now on; the previous one keeps signing alongside it until `previousSecretExpiresAt`. */
export type WebhookSecretRotated = DomainEvent<'WebhookSecretRotated', { clientId: string; endpointId: string; secret: string; previousSecretExpiresAt: string; rotatedAt: string }>;
export type WebhookEndpointDeleted = DomainEvent<'WebhookEndpointDeleted', { clientId: string; endpointId: string; deletedAt: string }>;
/** Persistent failure: every attempt of `deliveryId` failed over the whole retry window. */
export type EndpointDisabled = DomainEvent<'EndpointDisabled', { clientId: string; endpointId: string; reason: string; deliveryId: string; disabledAt: string }>;
export type WebhookEndpointEnabled = DomainEvent<'WebhookEndpointEnabled', { clientId: string; endpointId: string; enabledAt: string }>;

export type WebhookEndpointEvent =
  | WebhookEndpointRegistered
  | WebhookEndpointUpdated
  | WebhookSecretRotated
  | WebhookEndpointDeleted
  | EndpointDisabled
  | WebhookEndpointEnabled;
