import { ApiProperty } from '@nestjs/swagger';

export class RedeliveryAnswer {
  @ApiProperty({ format: 'uuid', description: 'The same `webhook-id` as before: the receiver may drop it as a duplicate or take it again' }) deliveryId!: string;
  @ApiProperty({ description: 'The new round of attempts' }) round!: number;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
}
