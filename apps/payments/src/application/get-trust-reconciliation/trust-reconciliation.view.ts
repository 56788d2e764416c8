import { ApiProperty } from '@nestjs/swagger';

export class ClientAmountView {
  @ApiProperty() clientId!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
}

export class CurrencyReconciliationView {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ description: 'Trust cash (debit balance), minor units' }) trustCash!: number;
  @ApiProperty({ type: [ClientAmountView], description: 'Payable to each client (credit balance): its money held in trust' }) clientPayables!: ClientAmountView[];
  @ApiProperty() payablesTotal!: number;
  @ApiProperty({ description: 'Agency fee income not yet taken out of trust (negative: fee the agency owes back after a claw-back)' }) feeIncome!: number;
  @ApiProperty({ description: 'Over-payment credits owed back to payers' }) creditsOwed!: number;
  @ApiProperty({ type: [ClientAmountView], description: 'What each client owes the trust (debit balance): direct-payment commission, claw-backs' }) clientReceivables!: ClientAmountView[];
  @ApiProperty() receivablesTotal!: number;
  @ApiProperty({ type: [ClientAmountView], description: "Each client's money held in trust for the costs of its suits (credit balance): cost advances received, not yet spent or refunded" }) costAdvancesHeld!: ClientAmountView[];
  @ApiProperty() costAdvancesHeldTotal!: number;
  @ApiProperty({ description: 'Money collected and not yet remitted, with the cost advances still held, counted from the payments, reversals, refunds, remittances and cost advances themselves' }) collectedNotRemitted!: number;
  @ApiProperty({ description: "Every journal entry's debits equal its credits" }) entriesBalanced!: boolean;
  @ApiProperty({ description: 'Trust cash + receivables = payables + fee income + credits owed + cost advances held' }) ledgerBalanced!: boolean;
  @ApiProperty({ description: 'Trust cash equals money collected and not yet remitted, to the cent, and the ledger balances' }) invariantHolds!: boolean;
}

export class TrustReconciliationView {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The client the figures are limited to; null for the whole trust account' }) clientId!: string | null;
  @ApiProperty({ description: 'The invariant holds in every currency' }) invariantHolds!: boolean;
  @ApiProperty({ description: 'Journal entries the figures come from' }) journalEntries!: number;
  @ApiProperty({ type: [CurrencyReconciliationView], description: 'One trust ledger per currency' }) currencies!: CurrencyReconciliationView[];
}
