import { Decider, Decision, reject } from '@lib/es-core';
import type { WebhookEndpointCommand } from './webhook-endpoints.commands';
import type { WebhookEndpointEvent } from './webhook-endpoints.events';
import {
  evolveWebhookEndpoints,
  initialWebhookEndpointsState,
  MAX_WEBHOOK_ENDPOINTS_PER_CLIENT,
  SECRET_ROTATION_GRACE_MS,
  WebhookEndpoint,
  WebhookEndpointsState,
} from './webhook-endpoints.state';

function decide(command: WebhookEndpointCommand, state: WebhookEndpointsState): Decision<WebhookEndpointEvent> {
  const now = command.now.toISOString();
  if (command.type === 'RegisterWebhookEndpoint') {
    const { clientId, endpointId, url, eventTypes, secret } = command;
    const kept = Object.values(state.endpoints).filter((e) => e.status !== 'deleted');
    if (kept.length >= MAX_WEBHOOK_ENDPOINTS_PER_CLIENT) {
      return reject('webhook-endpoint-limit', `a client keeps at most ${MAX_WEBHOOK_ENDPOINTS_PER_CLIENT} webhook endpoints; delete one first`);
    }
    return [{ type: 'WebhookEndpointRegistered', data: { clientId, endpointId, url, eventTypes: [...new Set(eventTypes)], secret, registeredAt: now } }];
  }
  const endpoint = state.endpoints[command.endpointId];
  // A deleted endpoint is gone for its client: the same answer as one that never was.
  if (!endpoint || endpoint.status === 'deleted') return reject('webhook-endpoint-unknown', `no webhook endpoint ${command.endpointId}`);
  const { clientId, endpointId } = endpoint;
  switch (command.type) {
    case 'UpdateWebhookEndpoint': {
      const url = command.url ?? endpoint.url;
      const eventTypes = command.eventTypes ? [...new Set(command.eventTypes)] : endpoint.eventTypes;
      if (url === endpoint.url && sameTypes(eventTypes, endpoint.eventTypes)) return [];
      return [{ type: 'WebhookEndpointUpdated', data: { clientId, endpointId, url, eventTypes, updatedAt: now } }];
    }
    case 'RotateWebhookSecret': {
      const previousSecretExpiresAt = new Date(command.now.getTime() + SECRET_ROTATION_GRACE_MS).toISOString();
      return [{ type: 'WebhookSecretRotated', data: { clientId, endpointId, secret: command.secret, previousSecretExpiresAt, rotatedAt: now } }];
    }
    case 'DeleteWebhookEndpoint':
      return [{ type: 'WebhookEndpointDeleted', data: { clientId, endpointId, deletedAt: now } }];
    case 'DisableWebhookEndpoint':
      // Several deliveries may give up one after another: the first disables, the others find it done.
      if (endpoint.status === 'disabled') return [];
      return [{ type: 'EndpointDisabled', data: { clientId, endpointId, reason: command.reason, deliveryId: command.deliveryId, disabledAt: now } }];
    case 'EnableWebhookEndpoint':
      if (endpoint.status === 'enabled') return reject('webhook-endpoint-enabled', `webhook endpoint ${endpointId} is enabled already`);
      return [{ type: 'WebhookEndpointEnabled', data: { clientId, endpointId, enabledAt: now } }];
  }
}

function sameTypes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((type) => b.includes(type));
}

/** One client's webhook endpoints per stream, `webhooks-<clientId>`: registration, secrets, enabling. */
export const webhookEndpointsDecider: Decider<WebhookEndpointsState, WebhookEndpointCommand, WebhookEndpointEvent> = {
  initialState: initialWebhookEndpointsState,
  evolve: evolveWebhookEndpoints,
  decide,
};

/** The endpoints of a client that want `eventType`, deleted ones left out (a disabled one holds its deliveries). */
export function endpointsFor(state: WebhookEndpointsState, eventType: string): WebhookEndpoint[] {
  return Object.values(state.endpoints).filter((e) => e.status !== 'deleted' && (e.eventTypes as string[]).includes(eventType));
}
