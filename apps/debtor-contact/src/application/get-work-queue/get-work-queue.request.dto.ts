import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_QUEUE_LIMIT = 20;
export const MAX_QUEUE_LIMIT = 200;

export class GetWorkQueueRequest {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_QUEUE_LIMIT, default: DEFAULT_QUEUE_LIMIT, description: 'How many accounts to return' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_QUEUE_LIMIT)
  limit?: number;
}
