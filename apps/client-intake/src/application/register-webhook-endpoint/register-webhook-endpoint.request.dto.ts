import { ApiProperty } from '@nestjs/swagger';
import { WebhookEndpointView } from '../webhooks/webhook-endpoint.view';
import { WebhookEndpointFields } from '../webhooks/webhook-endpoint.request.dto';

export class RegisterWebhookEndpointRequest extends WebhookEndpointFields {}

export class RegisteredWebhookEndpointAnswer extends WebhookEndpointView {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The signing secret (Standard Webhooks), shown in this answer only' }) secret!: string;
}
