import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { REMITTANCE_TYPES, RemittanceType } from '../../domain/trust-ledger/remittance';
import { RemittanceSummaryView } from '../get-remittance/remittance.view';

export class RunRemittanceRequest {
  @ApiProperty({ format: 'date-time', example: '2026-01-01T00:00:00.000Z', description: 'Start of the period (a label: items are chosen by the end)' })
  @IsISO8601({ strict: true, strictSeparator: true })
  periodStart!: string;

  @ApiProperty({ format: 'date-time', example: '2026-02-01T00:00:00.000Z', description: 'End of the period: payments cleared by it are remitted; not after now' })
  @IsISO8601({ strict: true, strictSeparator: true })
  periodEnd!: string;
}

export class RemittanceRunAnswer {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'date-time' }) periodStart!: string;
  @ApiProperty({ format: 'date-time' }) periodEnd!: string;
  @ApiProperty({ enum: REMITTANCE_TYPES }) remittanceType!: RemittanceType;
  @ApiProperty({ type: [RemittanceSummaryView], description: 'One statement per currency with something to list; empty when nothing was due' }) statements!: RemittanceSummaryView[];
}
