import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsRFC3339 } from 'class-validator';
import { IsCalendarDate } from '@lib/platform';

/** A report as of the end of a business day (aging, liquidation: business dates). */
export class AsOfDayRequest {
  @ApiPropertyOptional({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-06-30', description: 'The report as of the end of this day (UTC), by business dates; today (the clock) when absent' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

/** The `?asOf=` of the reports that can be shown as they stood at a past instant. */
export class AsOfRequest {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-06-01T12:00:00Z',
    description: 'Show the report as it stood at this instant (RFC 3339, with a time zone): folded again from the events recorded up to and including it. Absent: as it stands now.',
  })
  @IsOptional()
  @IsRFC3339()
  asOf?: string;
}

/** The instant in one ISO format (text order is time order), or null for "now". */
export function asOfInstant(asOf: string | undefined): string | null {
  return asOf === undefined ? null : new Date(asOf).toISOString();
}
