import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { SKIP_EVIDENCE, SkipEvidence } from '../../domain/holds/hold.events';

export class ReportSkipRequest {
  @ApiProperty({ enum: SKIP_EVIDENCE }) @IsIn(SKIP_EVIDENCE) evidence!: SkipEvidence;
  @ApiProperty({ minLength: 1, maxLength: 500, example: '+12125550100 reached a florist', description: 'The number or the letter, and what happened' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  detail!: string;
}

export class SkipReportedAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid', description: 'The skip hold in force (the one already there, when the account was in skip before)' }) holdId!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}
