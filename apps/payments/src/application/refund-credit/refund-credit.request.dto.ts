import { ApiProperty } from '@nestjs/swagger';
import { IsISO4217CurrencyCode, Matches } from 'class-validator';
import { IsPositiveMinorUnits } from '@lib/platform';

export class RefundCreditRequest {
  @ApiProperty({ description: 'Minor units (cents), at most the credit owed', example: 2500, minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @IsPositiveMinorUnits() amount!: number;
  @ApiProperty({ example: 'USD' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' }) @IsISO4217CurrencyCode() currency!: string;
}

export class CreditRefundAnswer {
  @ApiProperty({ format: 'uuid' }) refundId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ description: 'Refunded, minor units' }) amount!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ description: 'Credit still owed to the payer after the refund, minor units' }) creditOwedAfter!: number;
  @ApiProperty({ format: 'date-time' }) refundedAt!: string;
}
