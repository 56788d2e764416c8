import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '@lib/platform';

const CALENDAR_DATE = '^\\d{4}-\\d{2}-\\d{2}$';

export class RecordDebtAcknowledgementRequest {
  @ApiProperty({ format: 'date', pattern: CALENDAR_DATE, example: '2026-02-20', description: 'The day the debtor signed the acknowledgement (not after today)' }) @IsCalendarDate() acknowledgedOn!: string;

  @ApiProperty({ example: 'Letter signed by the CFO confirming the balance of invoice INV-1001', minLength: 1, maxLength: 500, description: 'What the writing is and where it is kept' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;
}
