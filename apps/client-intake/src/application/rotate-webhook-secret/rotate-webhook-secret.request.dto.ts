import { ApiProperty } from '@nestjs/swagger';

export class RotatedWebhookSecretAnswer {
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The new signing secret, shown in this answer only' }) secret!: string;
  @ApiProperty({ format: 'date-time', description: 'Until then every message carries a signature by the previous secret too' }) previousSecretExpiresAt!: string;
}
