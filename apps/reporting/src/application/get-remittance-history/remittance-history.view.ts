import { ApiProperty } from '@nestjs/swagger';
import type { RemittanceHistoryEntry } from '../../read-models/remittance-history.projection';

/** One issued statement, as payments published it; amounts in minor units of `currency`. */
export class RemittanceHistoryEntryView implements RemittanceHistoryEntry {
  @ApiProperty({ format: 'uuid' }) remittanceId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Per client, 1, 2, 3, ... in issue order' }) statementNumber!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ enum: ['net', 'gross', 'combined'] }) remittanceType!: 'net' | 'gross' | 'combined';
  @ApiProperty({ format: 'date-time' }) periodStart!: string;
  @ApiProperty({ format: 'date-time' }) periodEnd!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ type: 'integer' }) paymentCount!: number;
  @ApiProperty({ type: 'integer' }) directPaymentCount!: number;
  @ApiProperty({ type: 'integer' }) clawbackCount!: number;
  @ApiProperty({ type: 'integer', description: 'Applied by the agency payments listed' }) agencyCollected!: number;
  @ApiProperty({ type: 'integer' }) agencyCommission!: number;
  @ApiProperty({ type: 'integer', description: 'Reported by the client as paid to it directly' }) directCollected!: number;
  @ApiProperty({ type: 'integer' }) directCommission!: number;
  @ApiProperty({ type: 'integer', description: 'Client share of payments reversed after an earlier statement paid them out' }) clawedBack!: number;
  @ApiProperty({ type: 'integer' }) paidToClient!: number;
  @ApiProperty({ type: 'integer', description: 'Invoiced to the client with this statement; 0 when nothing, negative for a credit' }) invoiced!: number;
  @ApiProperty({ description: "SHA-256 (hex) of the statement's CSV, as payments' GET /remittances/{remittanceId}.csv serves it" }) csvSha256!: string;
  @ApiProperty({ description: "SHA-256 (hex) of the statement's PDF" }) pdfSha256!: string;
}

/** A client's remittance statements, oldest first. */
export class RemittanceHistoryView {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ type: [RemittanceHistoryEntryView], description: 'By statement number, then currency' }) remittances!: RemittanceHistoryEntryView[];
}
