import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { TrustFigures, TrustSummary } from '../../read-models/trust-summary.projection';

export class TrustFiguresView implements TrustFigures {
  @ApiProperty({ type: 'integer', description: 'Payments posted, minor units' }) received!: number;
  @ApiProperty({ type: 'integer', description: 'Payments reversed, minor units' }) reversed!: number;
  @ApiProperty({ type: 'integer', description: '`received` − `reversed` = `payableToClient` + `commission` + `creditsOwed`' }) trustIn!: number;
  @ApiProperty({ type: 'integer', description: 'The clients\' share (applied minus commission), net of reversals' }) payableToClient!: number;
  @ApiProperty({ type: 'integer', description: 'The agency\'s commission, net of reversals' }) commission!: number;
  @ApiProperty({ type: 'integer', description: 'Over-payments owed back to payers, net of reversals' }) creditsOwed!: number;
  @ApiProperty({ type: 'integer' }) payments!: number;
  @ApiProperty({ type: 'integer' }) reversals!: number;
}

/**
 * Money that entered trust, per currency, as payments has published it: before
 * remittances and credit refunds, which payments does not publish (docs/reporting.md).
 */
@ApiExtraModels(TrustFiguresView)
export class TrustSummaryView implements TrustSummary {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: every client' }) clientId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(TrustFiguresView) }, description: 'Every currency paid in' })
  byCurrency!: Record<string, TrustFiguresView>;
}
