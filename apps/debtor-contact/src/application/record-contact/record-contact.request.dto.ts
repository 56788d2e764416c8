import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO4217CurrencyCode, IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsPositiveMinorUnits } from '@lib/platform';
import { CHANNELS, Channel, Direction, DIRECTIONS, Outcome, OUTCOMES } from '../../domain/contact-case/contact-case.events';

export const MAX_NOTES_LENGTH = 2000;

export class PromiseDto {
  @ApiProperty({ type: 'integer', description: 'Minor units (cents)', example: 750050, minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @IsPositiveMinorUnits() amount!: number;

  @ApiProperty({ description: "Must be the account's currency", example: 'USD', pattern: '^[A-Z]{3}$' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' })
  @IsISO4217CurrencyCode()
  currency!: string;

  @ApiProperty({ description: "YYYY-MM-DD, not before today in the debtor's time", example: '2026-01-20', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  dueDate!: string;
}

export class RecordContactRequest {
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: Channel;
  @ApiProperty({ enum: DIRECTIONS }) @IsIn(DIRECTIONS) direction!: Direction;
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: Outcome;
  @ApiPropertyOptional({ maxLength: 254, example: '+12125550100', description: 'The phone number (call, text) or email address (email) used; needed to call, text or email a debtor with a number or address marked do-not-contact' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  to?: string;
  @ApiPropertyOptional({ maxLength: MAX_NOTES_LENGTH }) @IsOptional() @IsString() @MaxLength(MAX_NOTES_LENGTH) notes?: string;

  @ApiPropertyOptional({ type: PromiseDto, description: 'A promise to pay; needs outcome right-party-contact.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PromiseDto)
  promise?: PromiseDto;
}

/** One entry of the compliance decision ledger, as recorded with the attempt. */
export class ComplianceDecisionAnswer {
  @ApiProperty({ example: 'call-window' }) rule!: string;
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ enum: ['allow'] }) decision!: 'allow';
  @ApiPropertyOptional({ type: [String], description: "Every zone the debtor's local time was judged in (rules that read it, e.g. call-window from v2)", example: ['America/New_York'] })
  timeZones?: string[];
}

export class ContactRecordedAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) attemptId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'When the contact carried a promise to pay' }) promiseId?: string;
  @ApiProperty() rightPartyContact!: boolean;
  @ApiProperty({ type: [ComplianceDecisionAnswer], description: 'Every contact rule that allowed the attempt, with its version' }) compliance!: ComplianceDecisionAnswer[];
}
