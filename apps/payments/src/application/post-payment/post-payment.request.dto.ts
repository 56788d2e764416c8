import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO4217CurrencyCode, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsPositiveMinorUnits } from '@lib/platform';
import type { HalfFeeCase } from '../../domain/commission-plan/agreement';
import type { PaymentMethod } from '../../domain/ledger/ledger.events';

export const HALF_FEE_CASES: HalfFeeCase[] = ['returned-merchandise', 'paid-before-placement'];

export const PAYMENT_METHODS: PaymentMethod[] = ['ach', 'card', 'check', 'wire', 'cash', 'attorney'];

export class PostPaymentRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() accountId!: string;
  @ApiProperty({ description: 'Minor units (cents)', example: 25000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @IsPositiveMinorUnits() amount!: number;
  @ApiProperty({ example: 'USD' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' }) @IsISO4217CurrencyCode() currency!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) @IsIn(PAYMENT_METHODS) method!: PaymentMethod;

  @ApiPropertyOptional({ description: 'Invoices the debtor designates, paid first in this order', example: ['INV-2'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(64, { each: true })
  designatedInvoices?: string[];

  @ApiPropertyOptional({ enum: HALF_FEE_CASES, description: "A half-fee case (returned merchandise accepted in settlement, a balance found paid before placement): the client's rate plan decides whether it halves the commission" })
  @IsOptional()
  @IsIn(HALF_FEE_CASES)
  feeCase?: HalfFeeCase;
}

export class AllocationAnswer {
  @ApiProperty() invoiceNumber!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
}

export class PlanStampView {
  @ApiProperty({ example: 'northwind-2026' }) planId!: string;
  @ApiProperty({ description: "The client's agreement version the plan came from" }) agreementVersion!: number;
  @ApiProperty({ example: 'base', description: 'A tier id of the plan, `base` when none matched, `legal` with an attorney' }) tierId!: string;
}

export class PaymentAnswer {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: [AllocationAnswer] }) allocations!: AllocationAnswer[];
  @ApiProperty({ description: 'Agency commission earned, minor units' }) commission!: number;
  @ApiProperty({ description: 'The rate charged (under a plan: the tier’s), basis points' }) commissionRateBp!: number;
  @ApiProperty({ type: PlanStampView, nullable: true, description: 'The rate plan the commission came from; null when the rate fixed at placement was charged' }) plan!: PlanStampView | null;
  @ApiProperty({ description: 'Paid beyond the balance, owed back to the debtor, minor units' }) credit!: number;
  @ApiProperty({ description: 'Balance after the payment, minor units' }) balanceAfter!: number;
  @ApiProperty() paidInFull!: boolean;
  @ApiProperty({ format: 'date-time', description: "When the funds clear: posted plus the agreement's cleared-funds hold days for the method; not remitted before" }) clearsAt!: string;
}
