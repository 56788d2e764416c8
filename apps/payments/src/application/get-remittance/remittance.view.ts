import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REMITTANCE_TYPES, RemittanceType } from '../../domain/trust-ledger/remittance';

export class RemittanceTotalsView {
  @ApiProperty({ description: 'Applied by the agency payments listed, minor units (over-payment credit excluded)' }) agencyCollected!: number;
  @ApiProperty() agencyCommission!: number;
  @ApiProperty({ description: 'agencyCollected − agencyCommission' }) agencyClientShare!: number;
  @ApiProperty() directCollected!: number;
  @ApiProperty() directCommission!: number;
  @ApiProperty({ description: 'Client shares of payments reversed after remittance, owed back' }) clawedBack!: number;
  @ApiProperty({ description: 'Commission kept out of trust from agency collections (0 in gross)' }) commissionDeducted!: number;
  @ApiProperty({ description: 'What the client owed, taken off this payout' }) netted!: number;
  @ApiProperty({ description: 'What leaves trust for the client' }) paidToClient!: number;
  @ApiProperty({ description: 'What the client is invoiced' }) invoiced!: number;
  @ApiPropertyOptional({ description: 'Commission corrected after an earlier statement, on agency payments (signed); only on a statement that lists corrections' }) agencyCommissionCorrected?: number;
  @ApiPropertyOptional({ description: 'Commission corrected after an earlier statement, on direct payments (signed); only on a statement that lists corrections' }) directCommissionCorrected?: number;
}

export class RemittanceInvoiceView {
  @ApiProperty({ format: 'uuid' }) invoiceId!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty({ description: 'Commission the remittance type invoices (gross: all; combined: direct)' }) commissionInvoiced!: number;
  @ApiProperty({ description: 'Claw-backs (and, in net, direct commission) the payout could not cover' }) shortfall!: number;
}

/** One issued statement without its lines: what a list shows. */
export class RemittanceSummaryView {
  @ApiProperty({ format: 'uuid' }) remittanceId!: string;
  @ApiProperty({ description: "Per client, 1, 2, 3, ... in issue order" }) statementNumber!: number;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ enum: REMITTANCE_TYPES }) remittanceType!: RemittanceType;
  @ApiProperty({ type: Number, nullable: true, description: 'The agreement version whose remittance type applied; null: the default agreement (net)' }) agreementVersion!: number | null;
  @ApiProperty({ format: 'date-time' }) periodStart!: string;
  @ApiProperty({ format: 'date-time' }) periodEnd!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ type: RemittanceTotalsView }) totals!: RemittanceTotalsView;
  @ApiProperty({ type: RemittanceInvoiceView, nullable: true }) invoice!: RemittanceInvoiceView | null;
  @ApiProperty({ description: 'SHA-256 (hex) of the CSV rendering as issued' }) csvSha256!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the PDF rendering as issued' }) pdfSha256!: string;
  @ApiProperty() paymentCount!: number;
  @ApiProperty() directPaymentCount!: number;
  @ApiProperty() clawbackCount!: number;
}

export class AgencyLineView {
  @ApiProperty() paymentId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() method!: string;
  @ApiProperty({ format: 'date-time' }) postedAt!: string;
  @ApiProperty({ format: 'date-time' }) clearsAt!: string;
  @ApiProperty() collected!: number;
  @ApiProperty() commission!: number;
  @ApiProperty() clientShare!: number;
}

export class DirectLineView {
  @ApiProperty() paymentId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'date-time' }) postedAt!: string;
  @ApiProperty() collected!: number;
  @ApiProperty() commission!: number;
}

export class ClawbackLineView {
  @ApiProperty() paymentId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid', description: 'The remittance that paid the payment out' }) remittanceId!: string;
  @ApiProperty({ format: 'date-time' }) reversedAt!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() collected!: number;
  @ApiProperty() commission!: number;
  @ApiProperty({ description: 'What the client was paid for it and owes back' }) clientShare!: number;
}

export class CommissionCorrectionLineView {
  @ApiProperty() paymentId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid', description: 'The statement that paid the payment out (agency) or settled its commission (direct)' }) remittanceId!: string;
  @ApiProperty() direct!: boolean;
  @ApiProperty({ description: 'The commission that statement (or a later correction line) settled' }) commissionBefore!: number;
  @ApiProperty({ description: 'The commission now' }) commission!: number;
  @ApiProperty({ description: 'commission − commissionBefore, owed by the client when positive' }) difference!: number;
}

/** An issued statement with every line. */
export class RemittanceView extends RemittanceSummaryView {
  @ApiProperty({ type: [AgencyLineView] }) payments!: AgencyLineView[];
  @ApiProperty({ type: [DirectLineView] }) directPayments!: DirectLineView[];
  @ApiProperty({ type: [ClawbackLineView] }) clawbacks!: ClawbackLineView[];
  @ApiProperty({ type: [CommissionCorrectionLineView] }) commissionCorrections!: CommissionCorrectionLineView[];
}
