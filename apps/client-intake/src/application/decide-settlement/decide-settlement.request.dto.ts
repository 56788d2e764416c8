import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class SettlementDecisionRequest {
  @ApiPropertyOptional({ description: 'Why, for the record', maxLength: 2_000 }) @IsOptional() @IsString() @MaxLength(2_000) reason?: string;
}

export class SettlementDecisionAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) settlementId!: string;
  @ApiProperty({ enum: ['approved', 'declined'] }) status!: 'approved' | 'declined';
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}
