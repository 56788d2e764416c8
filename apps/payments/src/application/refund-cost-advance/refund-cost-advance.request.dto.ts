import { ApiProperty } from '@nestjs/swagger';
import { IsISO4217CurrencyCode, Matches } from 'class-validator';
import { IsPositiveMinorUnits } from '@lib/platform';

export class RefundCostAdvanceRequest {
  @ApiProperty({ description: 'Minor units (cents)', example: 10000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @IsPositiveMinorUnits() amount!: number;
  @ApiProperty({ example: 'USD', description: "The advance's currency" }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' }) @IsISO4217CurrencyCode() currency!: string;
}
