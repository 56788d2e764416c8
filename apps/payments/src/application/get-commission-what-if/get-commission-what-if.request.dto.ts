import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { ACCOUNT_CATEGORIES, HALF_FEE_CASES } from '@lib/contracts';

const MINOR = 'Minor units of the account currency (cents)';

export class WhatIfPeriodQuery {
  @ApiProperty({ format: 'date-time', description: 'Payments posted at or after this instant' }) @IsISO8601({ strict: true, strictSeparator: true }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'Payments posted before this instant' }) @IsISO8601({ strict: true, strictSeparator: true }) to!: string;
}

export class WhatIfTierDto {
  @ApiProperty({ example: 'aged', minLength: 1, maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) tierId!: string;
  @ApiProperty({ minimum: 0, maximum: 10_000, example: 3_300 }) @IsInt() @Min(0) @Max(10_000) rateBp!: number;
  @ApiPropertyOptional({ enum: ACCOUNT_CATEGORIES }) @IsOptional() @IsIn(ACCOUNT_CATEGORIES) category?: (typeof ACCOUNT_CATEGORIES)[number];
  @ApiPropertyOptional({ minimum: 0, maximum: 100_000, description: 'Age at placement in days, inclusive' }) @IsOptional() @IsInt() @Min(0) @Max(100_000) minAgeDays?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100_000, description: 'Exclusive' }) @IsOptional() @IsInt() @Min(0) @Max(100_000) maxAgeDays?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: `Amount placed, inclusive. ${MINOR}` }) @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) minPlacedAmount?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: `Exclusive. ${MINOR}` }) @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) maxPlacedAmount?: number;
}

export class WhatIfThresholdDto {
  @ApiProperty({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, example: 30_000, description: `Collected to date up to this amount earns rateBp. ${MINOR}` }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) upTo!: number;
  @ApiProperty({ minimum: 0, maximum: 10_000, example: 5_000 }) @IsInt() @Min(0) @Max(10_000) rateBp!: number;
}

/** A rate plan as payments keeps it (amounts in minor units), the shape client-intake publishes. */
export class WhatIfRatePlanDto {
  @ApiProperty({ example: 'what-if-2027', minLength: 1, maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) planId!: string;
  @ApiProperty({ minimum: 0, maximum: 10_000, example: 2_000, description: 'The rate when no tier matches' }) @IsInt() @Min(0) @Max(10_000) baseRateBp!: number;
  @ApiProperty({ type: [WhatIfTierDto], maxItems: 50, description: 'Tried in order; the first whose every condition holds wins' }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => WhatIfTierDto) tiers!: WhatIfTierDto[];
  @ApiProperty({ type: [WhatIfThresholdDto], maxItems: 20, description: 'Ascending upTo' }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => WhatIfThresholdDto) collectedThresholds!: WhatIfThresholdDto[];
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: `Per payment, never above the amount applied. ${MINOR}` }) @ValidateIf((plan: WhatIfRatePlanDto) => plan.minimumFee !== null) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) minimumFee!: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: `Per account, all its commission together. ${MINOR}` }) @ValidateIf((plan: WhatIfRatePlanDto) => plan.maximumFee !== null) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) maximumFee!: number | null;
  @ApiProperty({ minimum: 0, maximum: 10_000, example: 4_000, description: 'Replaces every other rate once the account is with an attorney' }) @IsInt() @Min(0) @Max(10_000) legalRateBp!: number;
  @ApiProperty({ enum: HALF_FEE_CASES, isArray: true, maxItems: 2 }) @IsArray() @ArrayMaxSize(2) @IsIn(HALF_FEE_CASES, { each: true }) halfFeeCases!: Array<(typeof HALF_FEE_CASES)[number]>;
}

export class CommissionWhatIfRequest {
  @ApiProperty({ type: WhatIfRatePlanDto, description: 'The rate plan to recompute under' }) @ValidateNested() @Type(() => WhatIfRatePlanDto) ratePlan!: WhatIfRatePlanDto;
}

export class WhatIfPaymentView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() paymentId!: string;
  @ApiProperty({ format: 'date-time' }) postedAt!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ description: 'Applied to the balance (the credit earns nothing), minor units' }) applied!: number;
  @ApiProperty({ description: 'Reported by the client as paid to it' }) direct!: boolean;
  @ApiProperty({ description: 'Reversed since: listed, counted in no total' }) reversed!: boolean;
  @ApiProperty({ description: 'The commission as it stands charged (posted, or corrected)' }) recorded!: number;
  @ApiProperty({ description: 'The commission under the plan given' }) whatIf!: number;
  @ApiProperty({ description: 'whatIf − recorded' }) difference!: number;
  @ApiProperty({ enum: ['plan', 'pre-collection', 'no-terms'], description: 'plan: recomputed; pre-collection and no-terms: no plan charges it, the recorded figure is kept' }) basis!: string;
}

export class WhatIfTotalView {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty() payments!: number;
  @ApiProperty() recorded!: number;
  @ApiProperty() whatIf!: number;
  @ApiProperty() difference!: number;
}

export class CommissionWhatIfView {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ type: [WhatIfPaymentView], description: 'Every payment of the client posted in the period, oldest first' }) payments!: WhatIfPaymentView[];
  @ApiProperty({ type: [WhatIfTotalView], description: 'Per currency, over the payments that stand' }) totals!: WhatIfTotalView[];
}
