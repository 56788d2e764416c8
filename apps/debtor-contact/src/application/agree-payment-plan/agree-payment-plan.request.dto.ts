import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO4217CurrencyCode, IsISO8601, Matches, ValidateNested } from 'class-validator';
import { IsPositiveMinorUnits } from '@lib/platform';
import { PLAN_FREQUENCIES, PlanFrequency } from '../../domain/payment-plans/payment-plan.events';

/** Beyond this no agreement could allow it; the terms' own limit (36 by default) is a 422 with its rule. */
export const MAX_INSTALLMENTS_ACCEPTED = 520;

export class InstallmentRequest {
  @ApiProperty({ type: 'integer', description: "Minor units (cents); at least the terms' minimum (25.00 by default)", example: 250_000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER })
  @IsPositiveMinorUnits()
  amount!: number;
}

export class AgreePaymentPlanRequest {
  @ApiProperty({ type: [InstallmentRequest], minItems: 1, maxItems: MAX_INSTALLMENTS_ACCEPTED, description: "In the order they fall due, one `frequency` apart from `firstDueDate`; at most the terms' maximum (36 by default)" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INSTALLMENTS_ACCEPTED)
  @ValidateNested({ each: true })
  @Type(() => InstallmentRequest)
  installments!: InstallmentRequest[];

  @ApiProperty({ description: "Must be the account's currency", example: 'USD', pattern: '^[A-Z]{3}$' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' })
  @IsISO4217CurrencyCode()
  currency!: string;

  @ApiProperty({ enum: PLAN_FREQUENCIES }) @IsIn(PLAN_FREQUENCIES) frequency!: PlanFrequency;

  @ApiProperty({ description: "YYYY-MM-DD: the first installment's due date, not before today in the debtor's time", example: '2026-01-31', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'firstDueDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  firstDueDate!: string;
}

export class InstallmentAnswer {
  @ApiProperty({ minimum: 1 }) number!: number;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty({ format: 'date-time', description: 'Not covered by then (the due date plus the grace days, over everywhere), the installment is missed' }) deadline!: string;
}

export class PaymentPlanAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ enum: PLAN_FREQUENCIES }) frequency!: PlanFrequency;
  @ApiProperty({ description: 'Minor units: the installments together' }) total!: number;
  @ApiProperty({ type: [InstallmentAnswer] }) installments!: InstallmentAnswer[];
  @ApiProperty({ description: 'Days after each due date a payment still counts' }) graceDays!: number;
  @ApiProperty({ description: 'The plan defaults when this many installments were missed' }) missedInstallmentsToDefault!: number;
  @ApiProperty({ format: 'date-time' }) agreedAt!: string;
}
