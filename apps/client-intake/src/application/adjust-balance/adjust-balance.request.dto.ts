import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO4217CurrencyCode, IsString, Matches, Max, MaxLength, Min, MinLength, NotEquals } from 'class-validator';

export class AdjustBalanceRequest {
  @ApiProperty({
    description: 'Minor units, signed: positive when the debtor owes more (fees the client adds), negative when less (a credit note, a pricing error). Not 0; never below what the debtor has paid.',
    example: -25000,
    minimum: -Number.MAX_SAFE_INTEGER,
    maximum: Number.MAX_SAFE_INTEGER,
  })
  @IsInt()
  @NotEquals(0, { message: 'amount must not be 0' })
  @Min(-Number.MAX_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$', description: "The account's currency" })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' })
  @IsISO4217CurrencyCode()
  currency!: string;

  @ApiProperty({ description: 'Why, kept on the record and shown to payments and reports', example: 'Credit note CN-17 for returned goods', minLength: 1, maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class BalanceAdjustedAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid', description: 'The adjustment id; payments records it under the same id' }) adjustmentId!: string;
  @ApiProperty({ description: 'What the debtor owes after it, minor units, as intake knows it (the last balance payments reported, and the changes since)' }) balance!: number;
}
