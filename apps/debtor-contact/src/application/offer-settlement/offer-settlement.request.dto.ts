import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO4217CurrencyCode, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsPositiveMinorUnits } from '@lib/platform';

export class OfferSettlementRequest {
  @ApiPropertyOptional({ type: 'integer', description: 'Minor units: what the debtor pays to settle, below the balance. Give this or `shareBp`, not both.', example: 60_000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER })
  @IsOptional()
  @IsPositiveMinorUnits()
  amount?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'The offer as a share of the balance, basis points (6000 = 60%); the amount is rounded up to the cent. Give this or `amount`, not both.', example: 6_000, minimum: 1, maximum: 9_999 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9_999)
  shareBp?: number;

  @ApiProperty({ description: "Must be the account's currency", example: 'USD', pattern: '^[A-Z]{3}$' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' })
  @IsISO4217CurrencyCode()
  currency!: string;
}

export const SETTLEMENT_STATUSES = ['awaiting-supervisor', 'awaiting-client', 'approved', 'paid', 'declined'] as const;

export class SettlementAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid', description: 'Also the id of its entry on the approval queue when it is beyond authority' }) settlementId!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ description: 'Minor units: the balance the offer was figured on' }) balance!: number;
  @ApiProperty({ description: 'The amount as a share of the balance, basis points rounded down' }) shareBp!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: "The client's settlement authority in force, basis points; null when no agreement of the client is known" }) authorityBp!: number | null;
  @ApiProperty({ description: 'Within authority the settlement is approved at once; beyond it a supervisor, then the client, approve' }) withinAuthority!: boolean;
  @ApiProperty({ enum: SETTLEMENT_STATUSES }) status!: (typeof SETTLEMENT_STATUSES)[number];
  @ApiProperty({ format: 'date-time' }) offeredAt!: string;
}
