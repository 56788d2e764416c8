import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from '../../domain/webhooks/webhook-event-types';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoints.state';

/** An endpoint as its client and admins see it: never its secrets. */
export class WebhookEndpointView {
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: 'https://hooks.example.com/collections' }) url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) eventTypes!: WebhookEventType[];
  @ApiProperty({ enum: ['enabled', 'disabled'], description: 'disabled after persistent failure; its deliveries wait until the client enables it again' }) status!: 'enabled' | 'disabled';
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) disabledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledReason!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'While a rotated-out secret still signs alongside the new one: until when' }) previousSecretExpiresAt!: string | null;
}

export function webhookEndpointView(endpoint: WebhookEndpoint, now: Date): WebhookEndpointView {
  const at = now.toISOString();
  const previous = endpoint.secrets.filter((s) => s.expiresAt !== null && s.expiresAt > at).map((s) => s.expiresAt as string);
  return {
    endpointId: endpoint.endpointId,
    clientId: endpoint.clientId,
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    status: endpoint.status === 'disabled' ? 'disabled' : 'enabled',
    registeredAt: endpoint.registeredAt,
    disabledAt: endpoint.disabledAt,
    disabledReason: endpoint.disabledReason,
    previousSecretExpiresAt: previous.sort().at(-1) ?? null,
  };
}
