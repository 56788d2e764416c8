import type { WebhookEndpointEvent } from './webhook-endpoints.events';
import type { WebhookEventType } from './webhook-event-types';

export interface SigningSecret {
  secret: string;
  /** Null for the current secret; a rotated-out one signs until then. */
  expiresAt: string | null;
}

export interface WebhookEndpoint {
  endpointId: string;
  clientId: string;
  url: string;
  eventTypes: WebhookEventType[];
  /** The current secret first. */
  secrets: SigningSecret[];
  status: 'enabled' | 'disabled' | 'deleted';
  registeredAt: string;
  disabledAt: string | null;
  disabledReason: string | null;
  /** How many times it was enabled again: names the rebooked deliveries' work apart from the earlier bookings. */
  enablements: number;
}

export interface WebhookEndpointsState {
  endpoints: Record<string, WebhookEndpoint>;
}

export const initialWebhookEndpointsState = (): WebhookEndpointsState => ({ endpoints: {} });

/** The most endpoints one client keeps (deleted ones do not count). */
export const MAX_WEBHOOK_ENDPOINTS_PER_CLIENT = 10;

/** How long a rotated-out secret keeps signing alongside the new one. */
export const SECRET_ROTATION_GRACE_MS = 24 * 60 * 60_000;

export function evolveWebhookEndpoints(state: WebhookEndpointsState, event: WebhookEndpointEvent): WebhookEndpointsState {
  const endpoint = state.endpoints[event.data.endpointId];
  const put = (next: WebhookEndpoint): WebhookEndpointsState => ({ endpoints: { ...state.endpoints, [next.endpointId]: next } });
  switch (event.type) {
    case 'WebhookEndpointRegistered': {
      const { endpointId, clientId, url, eventTypes, secret, registeredAt } = event.data;
      return put({ endpointId, clientId, url, eventTypes, secrets: [{ secret, expiresAt: null }], status: 'enabled', registeredAt, disabledAt: null, disabledReason: null, enablements: 0 });
    }
    case 'WebhookEndpointUpdated':
      return put({ ...endpoint, url: event.data.url, eventTypes: event.data.eventTypes });
    case 'WebhookSecretRotated': {
      const { secret, previousSecretExpiresAt, rotatedAt } = event.data;
      const stillSigning = endpoint.secrets.filter((s) => s.expiresAt === null || s.expiresAt > rotatedAt);
      const rotatedOut = stillSigning.map((s) => (s.expiresAt === null ? { ...s, expiresAt: previousSecretExpiresAt } : s));
      return put({ ...endpoint, secrets: [{ secret, expiresAt: null }, ...rotatedOut] });
    }
    case 'WebhookEndpointDeleted':
      return put({ ...endpoint, status: 'deleted' });
    case 'EndpointDisabled':
      return put({ ...endpoint, status: 'disabled', disabledAt: event.data.disabledAt, disabledReason: event.data.reason });
    case 'WebhookEndpointEnabled':
      return put({ ...endpoint, status: 'enabled', disabledAt: null, disabledReason: null, enablements: endpoint.enablements + 1 });
  }
}

/** The secrets that sign a message sent at `now`: the current one and any rotated out less than the grace period ago. */
export function signingSecretsAt(endpoint: WebhookEndpoint, now: Date): string[] {
  const at = now.toISOString();
  return endpoint.secrets.filter((s) => s.expiresAt === null || s.expiresAt > at).map((s) => s.secret);
}
