import { ApiProperty } from '@nestjs/swagger';

export class WebhookAttemptView {
  @ApiProperty({ description: '0 for the first round, one more per manual redelivery' }) round!: number;
  @ApiProperty({ description: 'From 1 in each round' }) attempt!: number;
  @ApiProperty({ nullable: true, type: Number, description: "The receiver's status code; null when no answer came" }) status!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the attempt failed without a status (timeout, refused address, connection error) or why a status counts as failure' }) error!: string | null;
  @ApiProperty({ description: "The start of the receiver's answer (at most 256 characters)" }) responseExcerpt!: string;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ format: 'date-time' }) attemptedAt!: string;
}

export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid', description: 'Also the `webhook-id` header of every attempt' }) deliveryId!: string;
  @ApiProperty({ example: 'payment.collected' }) eventType!: string;
  @ApiProperty({ description: 'The source event; the same for every endpoint that got it' }) eventId!: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed', 'abandoned'] }) status!: 'pending' | 'succeeded' | 'failed' | 'abandoned';
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the next attempt is due while pending' }) nextAttemptAt!: string | null;
  @ApiProperty({ type: [WebhookAttemptView] }) attempts!: WebhookAttemptView[];
}
