import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO4217CurrencyCode, Matches } from 'class-validator';
import { IsPositiveMinorUnits } from '@lib/platform';
import type { PaymentMethod } from '../../domain/account/account.events';

const METHODS: PaymentMethod[] = ['ach', 'card', 'check', 'wire', 'cash'];

export class ReportDirectPaymentRequest {
  @ApiProperty({ description: 'Minor units (cents)', example: 25000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @IsPositiveMinorUnits() amount!: number;
  @ApiProperty({ example: 'USD' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' }) @IsISO4217CurrencyCode() currency!: string;
  @ApiProperty({ enum: METHODS, description: 'How the debtor paid the client' }) @IsIn(METHODS) method!: PaymentMethod;
  @ApiProperty({ format: 'date', example: '2026-03-01', description: 'The day the debtor paid the client (not in the future, not before placement)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'paidOn must be a date YYYY-MM-DD' })
  paidOn!: string;
}

export class DirectPaymentAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid', description: 'The report id; payments posts the payment under the same id' }) reportId!: string;
}
