import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { CurrencyFigures, Portfolio } from '../../read-models/portfolio.projection';

export class CurrencyFiguresView implements CurrencyFigures {
  @ApiProperty({ type: 'integer', description: 'Placed, minor units' }) placedAmount!: number;
  @ApiProperty({ type: 'integer', description: 'Payments minus reversals, minor units' }) collected!: number;
  @ApiProperty({ type: 'integer', description: '`collected` / `placedAmount` in basis points, rounded half up' }) recoveryRateBp!: number;
}

/**
 * A client's portfolio. Money at the top level is in `currency`, the currency of the
 * client's earliest placement; `byCurrency` has every currency, since two never add up.
 */
@ApiExtraModels(CurrencyFiguresView)
export class PortfolioView implements Portfolio {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'USD', description: 'Null while the client has placed nothing' }) currency!: string | null;
  @ApiProperty({ type: 'integer' }) placedCount!: number;
  @ApiProperty({ type: 'integer', description: 'Minor units of `currency`' }) placedAmount!: number;
  @ApiProperty({ type: 'integer', description: 'Payments minus reversals, minor units of `currency`' }) collected!: number;
  @ApiProperty({ type: 'integer', description: 'Basis points, rounded half up' }) recoveryRateBp!: number;
  @ApiProperty({ type: 'integer', description: 'Placed accounts not closed (a reopened account is active again)' }) active!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'paid-in-full': 1 }, description: 'Accounts closed now, by closing code' })
  closedByCode!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(CurrencyFiguresView) }, description: 'Every currency placed or paid in' })
  byCurrency!: Record<string, CurrencyFiguresView>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'third-party': 3, 'pre-collection': 1 }, description: 'Accounts placed, by service' })
  placedByService!: Record<string, number>;
  @ApiProperty({ type: 'integer', description: 'Pre-collection accounts that converted to third-party collection' }) convertedToThirdParty!: number;
}
