import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DISPUTE_OUTCOMES, DisputeOutcome } from '../../domain/disputes/dispute.events';

export class ResolveDisputeRequest {
  @ApiProperty({ enum: DISPUTE_OUTCOMES }) @IsIn(DISPUTE_OUTCOMES) outcome!: DisputeOutcome;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Upheld: minor units to come off the balance (default: all that was disputed). Rejected: absent or 0.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount?: number;
  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'signed delivery note of 2025-11-03', description: 'What decided it (documents received, findings)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  evidence!: string;
}

export class DisputeResolvedAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) disputeId!: string;
  @ApiProperty({ enum: DISPUTE_OUTCOMES }) outcome!: DisputeOutcome;
  @ApiProperty({ type: 'integer', description: 'Minor units to come off the balance (0 when rejected)' }) amount!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ format: 'date-time' }) resolvedAt!: string;
}
