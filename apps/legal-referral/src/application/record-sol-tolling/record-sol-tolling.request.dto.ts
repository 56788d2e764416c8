import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '@lib/platform';

const CALENDAR_DATE = '^\\d{4}-\\d{2}-\\d{2}$';
export const TOLLING_REASONS = ['bankruptcy-stay', 'other'] as const;

export class RecordSolTollingRequest {
  @ApiProperty({ enum: TOLLING_REASONS, description: 'What stopped the clock: a bankruptcy stay (11 U.S.C. § 362), or another stay or statute' }) @IsIn(TOLLING_REASONS) reason!: (typeof TOLLING_REASONS)[number];
  @ApiProperty({ format: 'date', pattern: CALENDAR_DATE, example: '2026-03-10', description: 'The first day the clock stood still (not after today)' }) @IsCalendarDate() startsOn!: string;

  @ApiPropertyOptional({ type: String, format: 'date', pattern: CALENDAR_DATE, nullable: true, example: null, description: 'The day it ran again, when already known (not before startsOn, not after today); absent or null while it still stands still' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @ApiPropertyOptional({ example: 'Chapter 7, Bankr. S.D.N.Y. case 26-10234', maxLength: 500, description: 'The court, case or order' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class EndSolTollingRequest {
  @ApiProperty({ format: 'date', pattern: CALENDAR_DATE, example: '2026-06-01', description: 'The day the clock ran again (the stay lifted, the case dismissed or discharged); not before the start, not after today' }) @IsCalendarDate() endsOn!: string;
}
