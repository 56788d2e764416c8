import type { WebhookEventType } from './webhook-event-types';

/** The URL reaches the decider already checked against server-side request forgery (the check needs DNS). */
export interface RegisterWebhookEndpoint {
  type: 'RegisterWebhookEndpoint';
  clientId: string;
  endpointId: string;
  url: string;
  eventTypes: WebhookEventType[];
  secret: string;
  now: Date;
}

export interface UpdateWebhookEndpoint {
  type: 'UpdateWebhookEndpoint';
  endpointId: string;
  url?: string;
  eventTypes?: WebhookEventType[];
  now: Date;
}

export interface RotateWebhookSecret {
  type: 'RotateWebhookSecret';
  endpointId: string;
  secret: string;
  now: Date;
}

export interface DeleteWebhookEndpoint {
  type: 'DeleteWebhookEndpoint';
  endpointId: string;
  now: Date;
}

export interface DisableWebhookEndpoint {
  type: 'DisableWebhookEndpoint';
  endpointId: string;
  deliveryId: string;
  reason: string;
  now: Date;
}

export interface EnableWebhookEndpoint {
  type: 'EnableWebhookEndpoint';
  endpointId: string;
  now: Date;
}

export type WebhookEndpointCommand =
  | RegisterWebhookEndpoint
  | UpdateWebhookEndpoint
  | RotateWebhookSecret
  | DeleteWebhookEndpoint
  | DisableWebhookEndpoint
  | EnableWebhookEndpoint;
