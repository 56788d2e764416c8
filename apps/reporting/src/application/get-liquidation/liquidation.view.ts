import { ApiProperty } from '@nestjs/swagger';
import type { LiquidationReport } from '../../read-models/analytics.queries';
import type { LiquidationCohort, LiquidationPoint } from '../../read-models/liquidation';

export class LiquidationPointView implements LiquidationPoint {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Months since placement, the placement month being 1' }) months!: number;
  @ApiProperty({ type: 'integer', description: 'Allocated to the debt (over-payment credit excluded), less reversals, by the end of that month; minor units' }) collected!: number;
  @ApiProperty({ type: 'integer', description: '`collected` / `placedAmount` in basis points, half up' }) shareBp!: number;
}

export class LiquidationCohortView implements LiquidationCohort {
  @ApiProperty({ pattern: '^\\d{4}-\\d{2}$', example: '2026-01', description: 'Placement month (business date, UTC)' }) month!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: 'integer' }) accounts!: number;
  @ApiProperty({ type: 'integer', description: 'Principal placed plus invoices added since; minor units' }) placedAmount!: number;
  @ApiProperty({ type: [LiquidationPointView], description: 'Month 1 up to the month of `asOf` (the last one to date)' }) points!: LiquidationPointView[];
}

/** Cohort curves by placement month: the share of what was placed collected after 1, 2, 3 ... months. */
export class LiquidationView implements LiquidationReport {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The client; null for the whole agency' }) clientId!: string | null;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: [LiquidationCohortView], description: 'By placement month, then currency' }) cohorts!: LiquidationCohortView[];
}
