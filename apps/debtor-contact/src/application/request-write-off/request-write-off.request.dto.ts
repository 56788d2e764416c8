import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO4217CurrencyCode, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { WRITE_OFF_REASONS } from '@lib/contracts';
import { IsPositiveMinorUnits } from '@lib/platform';
import type { WriteOffReason } from '../../domain/write-offs/write-off.decider';

export class RequestWriteOffRequest {
  @ApiPropertyOptional({ type: 'integer', description: 'Minor units to write off, at most the balance; leave it out to write off the whole remaining balance (which closes the account `written-off`).', example: 5_000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER })
  @IsOptional()
  @IsPositiveMinorUnits()
  amount?: number;

  @ApiProperty({ description: "Must be the account's currency", example: 'USD', pattern: '^[A-Z]{3}$' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' })
  @IsISO4217CurrencyCode()
  currency!: string;

  @ApiProperty({ enum: WRITE_OFF_REASONS, description: 'Why the balance is written off' })
  @IsIn(WRITE_OFF_REASONS)
  reason!: WriteOffReason;

  @ApiPropertyOptional({ description: 'For the supervisor, and the record', maxLength: 2_000 })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  note?: string;
}

export class WriteOffAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid', description: 'Also the id of its entry on the approval queue' }) writeOffId!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Minor units asked for; null: the whole remaining balance at approval' }) amount!: number | null;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ description: 'Minor units: the balance when it was asked for' }) balance!: number;
  @ApiProperty({ enum: WRITE_OFF_REASONS }) reason!: WriteOffReason;
  @ApiProperty({ enum: ['awaiting-supervisor'] }) status!: 'awaiting-supervisor';
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
}
