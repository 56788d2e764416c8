import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ACCOUNT_CATEGORIES, PAYMENT_HISTORIES, STEP_ACTIONS } from '../../domain/cadences/contact-strategy';
import type { AccountCategory, PaymentHistory, StepAction } from '../../domain/cadences/contact-strategy';

const STRATEGY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_MINOR_UNITS = Number.MAX_SAFE_INTEGER;

export class StrategyStepRequest {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 365, description: 'Days after the case opened' }) @IsInt() @Min(0) @Max(365) day!: number;
  @ApiProperty({ enum: STEP_ACTIONS, description: 'The first step is always `first-notice` on day 0 (the opening sends it)' }) @IsIn(STEP_ACTIONS) action!: StepAction;
}

export class ContactStrategyRequest {
  @ApiProperty({ pattern: STRATEGY_ID.source, maxLength: 64, example: 'large-balances' }) @Matches(STRATEGY_ID, { message: 'strategyId must be lower-case letters, digits and dashes (1-64)' }) @MaxLength(64) strategyId!: string;
  @ApiProperty({ minLength: 1, maxLength: 200 }) @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(200) name!: string;
  @ApiProperty({ type: [StrategyStepRequest], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => StrategyStepRequest)
  steps!: StrategyStepRequest[];
}

export class SegmentRuleRequest {
  @ApiProperty({ pattern: STRATEGY_ID.source, maxLength: 64, description: 'One of the strategies above, or `default-commercial` / `default-consumer`' })
  @Matches(STRATEGY_ID, { message: 'strategyId must be lower-case letters, digits and dashes (1-64)' })
  @MaxLength(64)
  strategyId!: string;
  @ApiPropertyOptional({ description: 'true: commercial accounts only; false: consumer accounts only' }) @IsOptional() @IsBoolean() commercial?: boolean;
  @ApiPropertyOptional({ enum: ACCOUNT_CATEGORIES, description: 'The account category as placed' }) @IsOptional() @IsIn(ACCOUNT_CATEGORIES) category?: AccountCategory;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_MINOR_UNITS, description: 'Minor units, inclusive' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR_UNITS) minBalance?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_MINOR_UNITS, description: 'Minor units, inclusive' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR_UNITS) maxBalance?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 36500, description: "Days from the oldest invoice's due date to placement, inclusive" }) @IsOptional() @IsInt() @Min(0) @Max(36500) minAgeDays?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 36500 }) @IsOptional() @IsInt() @Min(0) @Max(36500) maxAgeDays?: number;
  @ApiPropertyOptional({ enum: PAYMENT_HISTORIES }) @IsOptional() @IsIn(PAYMENT_HISTORIES) paymentHistory?: PaymentHistory;
}

export class DefineContactStrategiesRequest {
  @ApiProperty({ type: [ContactStrategyRequest], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ContactStrategyRequest)
  strategies!: ContactStrategyRequest[];

  @ApiProperty({ type: [SegmentRuleRequest], maxItems: 100, description: 'Tried in order; the first an account matches chooses its strategy; none matching, the default of its category' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SegmentRuleRequest)
  rules!: SegmentRuleRequest[];
}

export class ContactStrategiesAnswer extends DefineContactStrategiesRequest {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ minimum: 1, description: 'The definition\'s version: each one replaces the previous; cases already opened keep the strategy chosen then' }) version!: number;
  @ApiProperty() definedBy!: string;
  @ApiProperty({ format: 'date-time' }) definedAt!: string;
}
