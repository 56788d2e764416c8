import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO4217CurrencyCode, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsPositiveMinorUnits } from '@lib/platform';
import { COST_ADVANCE_KINDS, CostAdvanceKind } from '../../domain/cost-advances/cost-advance.events';

export class RequestCostAdvanceRequest {
  @ApiProperty({ enum: COST_ADVANCE_KINDS, description: 'court-costs (filing, service) or suit-fee (the attorney’s fee to sue)' }) @IsIn(COST_ADVANCE_KINDS) kind!: CostAdvanceKind;
  @ApiProperty({ description: 'Minor units (cents) asked of the client', example: 40000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @IsPositiveMinorUnits() amount!: number;
  @ApiProperty({ example: 'USD', description: "The account's currency" }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' }) @IsISO4217CurrencyCode() currency!: string;
  @ApiProperty({ example: 'Filing fee, Kings County Civil Court', minLength: 1, maxLength: 500 }) @IsString() @MinLength(1) @MaxLength(500) description!: string;
}
