import { ApiProperty } from '@nestjs/swagger';

export class DeletedWebhookEndpointAnswer {
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ format: 'date-time' }) deletedAt!: string;
}
