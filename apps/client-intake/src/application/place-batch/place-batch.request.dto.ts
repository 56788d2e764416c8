import { ApiProperty } from '@nestjs/swagger';

export class BatchAccepted {
  @ApiProperty({ format: 'uuid', description: 'The same for every retry with the same Idempotency-Key' }) batchId!: string;
  @ApiProperty({ description: 'Rows stored, every one of which will be placed or refused' }) received!: number;
  @ApiProperty({ enum: ['accepted'] }) status!: 'accepted';
  @ApiProperty({ example: '/placements/batches/6f1c…', description: 'Where its status is read (also the Location header)' }) location!: string;
}
