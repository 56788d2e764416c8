import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TRUST_LEDGER_ACCOUNTS, TrustLedgerAccount, TrustLedgerBalances, TrustLedgerCurrency, TrustLedgerEntryKind, TrustLedgerReport, TrustLedgerReportEntry } from '../../read-models/trust-ledger.projection';

const KINDS: TrustLedgerEntryKind[] = [
  'payment-collected', 'direct-payment-reported', 'payment-reversed', 'payment-clawed-back', 'direct-payment-reversed', 'credit-refunded', 'remittance-issued', 'commission-corrected', 'cost-advance-received', 'cost-advance-spent', 'cost-advance-refunded',
];

export class TrustLedgerLineView {
  @ApiProperty({ enum: TRUST_LEDGER_ACCOUNTS }) account!: TrustLedgerAccount;
  @ApiProperty({ type: 'integer', minimum: 0 }) debit!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) credit!: number;
}

export class TrustLedgerSourceView {
  @ApiPropertyOptional({ format: 'uuid' }) accountId?: string;
  @ApiPropertyOptional() paymentId?: string;
  @ApiPropertyOptional() refundId?: string;
  @ApiPropertyOptional() remittanceId?: string;
  @ApiPropertyOptional() advanceId?: string;
}

/** Balances in minor units: trust cash and the receivable as debit balances, the others as credit balances. */
export class TrustLedgerBalancesView implements TrustLedgerBalances {
  @ApiProperty({ type: 'integer' }) trustCash!: number;
  @ApiProperty({ type: 'integer', description: 'What the client owes the trust (direct-payment commission, claw-backs, gross commission)' }) clientReceivable!: number;
  @ApiProperty({ type: 'integer', description: "The client's money in trust" }) clientPayable!: number;
  @ApiProperty({ type: 'integer', description: "The agency's fee on the client's collections, not yet taken out of trust" }) feeIncome!: number;
  @ApiProperty({ type: 'integer', description: "Over-payments owed back to the client's debtors" }) creditsOwed!: number;
  @ApiProperty({ type: 'integer' }) costAdvancesHeld!: number;
}

export class TrustLedgerEntryView implements TrustLedgerReportEntry {
  @ApiProperty({ enum: KINDS }) kind!: TrustLedgerEntryKind;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: TrustLedgerSourceView }) source!: TrustLedgerSourceView;
  @ApiProperty({ type: [TrustLedgerLineView] }) lines!: TrustLedgerLineView[];
  @ApiPropertyOptional({ type: 'integer', description: 'On a remittance: what the statement invoiced the client' }) invoiced?: number;
  @ApiPropertyOptional({ description: 'On a remittance: whether the payments reporting marks as paid out match the statement\'s count and amount' }) listingMatched?: boolean;
  @ApiProperty({ type: TrustLedgerBalancesView, description: 'Every account after this entry' }) balances!: TrustLedgerBalancesView;
}

export class TrustLedgerCurrencyView implements TrustLedgerCurrency {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: [TrustLedgerEntryView], description: 'By date, arrival order within an instant' }) entries!: TrustLedgerEntryView[];
  @ApiProperty({ type: 'integer' }) totalDebits!: number;
  @ApiProperty({ type: 'integer' }) totalCredits!: number;
  @ApiProperty({ type: TrustLedgerBalancesView, description: 'After the last entry' }) balances!: TrustLedgerBalancesView;
}

/** A client's trust ledger, per currency in currency order. */
export class TrustLedgerView implements TrustLedgerReport {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ type: [TrustLedgerCurrencyView] }) currencies!: TrustLedgerCurrencyView[];
}
