import { ApiProperty } from '@nestjs/swagger';
import type { LegalStage } from '@lib/contracts';
import type { PromiseSummary } from '../../read-models/account-summary.projection';
import { LEGAL_STAGES } from '../../read-models/legal-pipeline.projection';
import type { AccountSummaryReport } from '../../read-models/reporting.queries';

export class PromiseSummaryView implements PromiseSummary {
  @ApiProperty() promiseId!: string;
  @ApiProperty({ type: 'integer', description: 'Minor units of `currency`' }) amount!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ format: 'date-time' }) madeAt!: string;
}

/**
 * One account as every service has reported it. Money in minor units of `currency`. A
 * field no service has reported yet is null.
 */
export class AccountSummaryView implements AccountSummaryReport {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ type: String, nullable: true, description: "The client's own reference; null until the placement is reported" }) clientReference!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'USD' }) currency!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) placedAt!: string | null;
  @ApiProperty({ enum: ['active', 'closed'], description: 'As client-intake last said: active again after a reopening' }) status!: 'active' | 'closed';
  @ApiProperty({ type: String, nullable: true, example: 'paid-in-full', description: 'While closed' }) closingCode!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'While closed' }) closedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The latest reopening, kept after the account closes again' }) reopenedAt!: string | null;
  @ApiProperty({ type: 'integer' }) placedAmount!: number;
  @ApiProperty({ type: 'integer', description: 'Payments minus reversals' }) collected!: number;
  @ApiProperty({ type: 'integer', description: "The ledger's latest balance; before any payment, placed minus collected" }) balance!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Cleared by a reversal that leaves a balance owing' }) paidInFullAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Latest notice or contact attempt' }) lastContactAt!: string | null;
  @ApiProperty({ type: 'integer' }) noticesSent!: number;
  @ApiProperty({ type: 'integer' }) contactAttempts!: number;
  @ApiProperty({ type: 'integer' }) rightPartyContacts!: number;
  @ApiProperty({ type: [PromiseSummaryView] }) promises!: PromiseSummaryView[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "When the client's authorization of suit took effect in legal-referral" })
  legalAuthorizedAt!: string | null;
  @ApiProperty({ enum: [...LEGAL_STAGES], nullable: true, description: 'Null before any referral' }) legalStage!: LegalStage | null;
  @ApiProperty({ enum: ['pre-collection', 'third-party'], description: "How the client placed it: pre-collection (reminders in the client's name first) stays so after converting" })
  service!: 'pre-collection' | 'third-party';
  @ApiProperty({ type: 'integer', description: "Pre-collection reminders sent in the client's name" }) preCollectionRemindersSent!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a pre-collection account became third-party (its window end); null otherwise' })
  convertedAt!: string | null;
}
