import { ApiProperty } from '@nestjs/swagger';
import { APPROVAL_KINDS } from '../../domain/work-queue/approval.decider';
import type { ApprovalKind, ApprovalStatus } from '../../domain/work-queue/approval.decider';

export class ApprovalView {
  @ApiProperty() approvalId!: string;
  @ApiProperty({ enum: APPROVAL_KINDS }) kind!: ApprovalKind;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Minor units: the settlement offered, the amount to write off, the balance recalled' }) amount!: number | null;
  @ApiProperty({ type: 'string', nullable: true }) currency!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status!: ApprovalStatus;
  @ApiProperty({ type: 'string', nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) decidedAt!: string | null;
}
