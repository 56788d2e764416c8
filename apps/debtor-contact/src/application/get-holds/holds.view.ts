import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISPUTE_OPENERS, DISPUTE_OUTCOMES, DisputeOpener, DisputeOutcome } from '../../domain/disputes/dispute.events';
import { HOLD_KINDS, HoldKind } from '../../domain/holds/hold.events';

export class BankruptcyView {
  @ApiProperty({ example: 7 }) chapter!: number;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ format: 'date' }) filedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dischargedOn!: string | null;
}

export class HoldView {
  @ApiProperty({ format: 'uuid' }) holdId!: string;
  @ApiProperty({ enum: HOLD_KINDS }) kind!: HoldKind;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'Placed, not lifted and its end date not passed (now)' }) inForce!: boolean;
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endsAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) liftedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) liftReason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) disputeId!: string | null;
  @ApiPropertyOptional({ type: [String], description: 'A dispute hold on listed invoices' }) invoices?: string[];
  @ApiProperty({ type: BankruptcyView, nullable: true }) bankruptcy!: BankruptcyView | null;
}

export class DisputedInvoiceView {
  @ApiProperty() invoiceNumber!: string;
  @ApiProperty({ type: 'integer' }) amount!: number;
}

export class DisputeResolutionView {
  @ApiProperty({ enum: DISPUTE_OUTCOMES }) outcome!: DisputeOutcome;
  @ApiProperty({ type: 'integer' }) amount!: number;
  @ApiProperty() evidence!: string;
  @ApiProperty({ format: 'date-time' }) resolvedAt!: string;
}

export class DisputeView {
  @ApiProperty({ format: 'uuid' }) disputeId!: string;
  @ApiProperty({ format: 'uuid' }) holdId!: string;
  @ApiProperty({ enum: DISPUTE_OPENERS }) openedBy!: DisputeOpener;
  @ApiProperty({ type: [DisputedInvoiceView], description: 'Empty: the whole account' }) invoices!: DisputedInvoiceView[];
  @ApiProperty({ type: 'integer' }) amount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ description: 'The debtor disputed in writing' }) written!: boolean;
  @ApiProperty({ type: DisputeResolutionView, nullable: true }) resolution!: DisputeResolutionView | null;
}

export class CaseHoldsView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: [HoldView], description: 'Every hold, oldest first' }) holds!: HoldView[];
  @ApiProperty({ type: [DisputeView], description: 'Every dispute, oldest first' }) disputes!: DisputeView[];
}
