import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from '../../domain/webhooks/webhook-event-types';
import { MAX_WEBHOOK_URL_LENGTH } from '../../integration/webhooks/url-guard';

/** The fields an endpoint is registered or updated with (shared by both requests). */
export class WebhookEndpointFields {
  @ApiProperty({ example: 'https://hooks.example.com/collections', maxLength: MAX_WEBHOOK_URL_LENGTH, description: 'https; must resolve to public addresses only unless the deployment allows otherwise' })
  @IsString()
  @MaxLength(MAX_WEBHOOK_URL_LENGTH)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: WebhookEventType[];
}

export class UpdateWebhookEndpointFields {
  @ApiPropertyOptional({ maxLength: MAX_WEBHOOK_URL_LENGTH }) @IsOptional() @IsString() @MaxLength(MAX_WEBHOOK_URL_LENGTH) url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true, minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: WebhookEventType[];
}
