import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AllocationAnswer, PAYMENT_METHODS, PlanStampView } from '../post-payment/post-payment.request.dto';

export class LedgerInvoiceView {
  @ApiProperty() number!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ description: 'As placed, minor units' }) amount!: number;
  @ApiProperty({ description: 'Still owed, minor units' }) open!: number;
}

export class ReversalView {
  @ApiProperty({ enum: ['nsf', 'chargeback', 'error'] }) reason!: string;
  @ApiProperty({ format: 'date-time' }) reversedAt!: string;
}

export class LedgerPaymentView {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: string;
  @ApiProperty({ type: [AllocationAnswer] }) allocations!: AllocationAnswer[];
  @ApiProperty() commission!: number;
  @ApiProperty({ description: 'Commission rate in basis points' }) rateBp!: number;
  @ApiProperty({ type: PlanStampView, nullable: true, description: 'The rate plan the commission came from; null when the rate fixed at placement was charged' }) plan!: PlanStampView | null;
  @ApiProperty({ enum: ['returned-merchandise', 'paid-before-placement'], nullable: true, description: 'The half-fee case the payment was posted as' }) feeCase!: string | null;
  @ApiProperty() credit!: number;
  @ApiProperty({ format: 'date-time' }) postedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the funds clear; absent on payments posted before holds were kept (cleared)' }) clearsAt?: string;
  @ApiProperty() reversed!: boolean;
  @ApiProperty({ description: 'The debtor paid the client, who reported it; its commission is owed by the client' }) direct!: boolean;
  @ApiPropertyOptional({ enum: [true], description: 'Posted inside the pre-collection window: no contingency commission (the flat fee covers it)' }) preCollection?: true;
  @ApiPropertyOptional({ type: ReversalView }) reversal?: ReversalView;
}

export class RatePlanInForceView {
  @ApiProperty() planId!: string;
  @ApiProperty({ description: "The client's agreement version" }) agreementVersion!: number;
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
}

/** An account's ledger as staff read it. Amounts are minor units of `currency`. */
export class LedgerView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty() balance!: number;
  @ApiProperty({ type: [LedgerInvoiceView], description: 'In the order payments reach them' }) invoices!: LedgerInvoiceView[];
  @ApiProperty({ type: [LedgerPaymentView] }) payments!: LedgerPaymentView[];
  @ApiProperty() commissionTotal!: number;
  @ApiProperty({ description: 'The part of commissionTotal owed by the client (direct payments), not deducted from collections' }) commissionOwedByClient!: number;
  @ApiProperty({ description: 'Cancellation fees owed by the client for a recall after work began' }) cancellationFeeOwed!: number;
  @ApiProperty({ description: "The flat pre-collection fee owed by the client (once, at placement); 0 for a third-party account" }) preCollectionFeeOwed!: number;
  @ApiProperty({ description: 'Owed back to the debtor' }) creditOwed!: number;
  @ApiProperty({ description: 'The rate fixed at placement (or the legal rate), basis points: what a payment no rate plan covers is charged' }) rateBp!: number;
  @ApiProperty({ description: 'The account is with an attorney: a payment posted now earns the legal rate' }) legalRateApplies!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "When the legal rate ended (the attorney closed its file and the client's agreement ends the legal rate then); null: it never did" }) legalRateEndedAt!: string | null;
  @ApiProperty({ type: RatePlanInForceView, nullable: true, description: "The client's rate plan a payment posted now is charged under; null: the rate fixed at placement" }) ratePlanInForce!: RatePlanInForceView | null;
}
