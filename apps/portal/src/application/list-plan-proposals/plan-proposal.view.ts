import { ApiProperty } from '@nestjs/swagger';

/** A debtor's plan proposal outside the self-service limits, waiting for a collector to accept or decline it. */
export class PlanProposalView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ type: [String], description: 'Why it was not accepted at once: the self-service limits it is outside, or the rule debtor contact refused it by' }) reasons!: string[];
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: ['weekly', 'biweekly', 'monthly'] }) frequency!: string;
  @ApiProperty({ format: 'date' }) firstDueDate!: string;
  @ApiProperty({ type: [Number], description: 'Minor units, in order' }) installments!: number[];
  @ApiProperty({ type: 'integer', description: 'Minor units' }) total!: number;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
}
