import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '@lib/platform';

/** A report as of the end of a business day. */
export class AsOfRequest {
  @ApiPropertyOptional({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-06-30', description: 'The report as of the end of this day (UTC), by business dates; today (the clock) when absent' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
