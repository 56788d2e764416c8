import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO4217CurrencyCode, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { CHANNELS, Channel, ComplianceDecision, Direction, DIRECTIONS, Outcome, OUTCOMES } from '../../domain/contact-case/contact-case.events';

export class PromiseDto {
  @ApiProperty({ description: 'Minor units (cents)', example: 750050 }) @IsInt() @Min(1) amount!: number;

  @ApiProperty({ description: "Must be the account's currency", example: 'USD' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' })
  @IsISO4217CurrencyCode()
  currency!: string;

  @ApiProperty({ description: "YYYY-MM-DD, not before today in the debtor's time", example: '2026-01-20' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  dueDate!: string;
}

export class RecordContactRequest {
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: Channel;
  @ApiProperty({ enum: DIRECTIONS }) @IsIn(DIRECTIONS) direction!: Direction;
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: Outcome;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) notes?: string;

  @ApiPropertyOptional({ type: PromiseDto, description: 'A promise to pay; needs outcome right-party-contact.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PromiseDto)
  promise?: PromiseDto;
}

export interface ContactRecordedAnswer {
  accountId: string;
  attemptId: string;
  promiseId?: string;
  rightPartyContact: boolean;
  compliance: ComplianceDecision[];
}
