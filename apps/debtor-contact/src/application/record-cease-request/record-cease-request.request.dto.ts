import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, Matches } from 'class-validator';
import { CEASE_MODES, CeaseMode } from '../../domain/compliance/compliance-facts.events';

export class RecordCeaseRequestRequest {
  @ApiProperty({ enum: CEASE_MODES, description: '`all-channels`: no outbound contact of any kind; `written-only`: no calls (letters, emails and texts remain)' })
  @IsIn(CEASE_MODES)
  mode!: CeaseMode;

  @ApiProperty({ description: "YYYY-MM-DD: when the debtor's request reached the agency", example: '2026-01-02', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'receivedOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  receivedOn!: string;
}

export class CeaseRequestAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ enum: CEASE_MODES, description: 'The request in force: a request to stop everything is never narrowed by a later written-only one' }) mode!: CeaseMode;
  @ApiProperty({ format: 'date', description: 'When the request in force reached the agency' }) receivedOn!: string;
}
