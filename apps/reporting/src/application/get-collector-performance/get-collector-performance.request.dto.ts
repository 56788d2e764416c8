import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '@lib/platform';

export class GetCollectorPerformanceRequest {
  @ApiPropertyOptional({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-06-01', description: 'First day of the period (UTC, by business dates); the first day of the current month when absent' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-06-30', description: 'Last day of the period, included; today when absent. Not before `from`.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
