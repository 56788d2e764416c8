import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { APPROVAL_KINDS } from '../../domain/work-queue/approval.decider';
import type { ApprovalKind } from '../../domain/work-queue/approval.decider';

export class ApprovalDecisionRequest {
  @ApiPropertyOptional({ description: 'Why, for the record', maxLength: 2_000 }) @IsOptional() @IsString() @MaxLength(2_000) reason?: string;
}

export class ApprovalDecisionAnswer {
  @ApiProperty() approvalId!: string;
  @ApiProperty({ enum: APPROVAL_KINDS }) kind!: ApprovalKind;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) status!: 'approved' | 'rejected';
  @ApiProperty({ description: 'A settlement approved by a supervisor waits for its client next' }) next!: string;
}
