import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class DecidePlanProposalRequest {
  @ApiProperty({ enum: ['accept', 'decline'], description: "accept: the proposal becomes debtor contact's payment plan, agreed by the caller; decline: it leaves the queue" })
  @IsIn(['accept', 'decline'])
  decision!: 'accept' | 'decline';

  @ApiPropertyOptional({ maxLength: 500, description: 'Why, for the account trail' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class PlanProposalDecision {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ enum: ['accepted', 'declined'] }) decision!: 'accepted' | 'declined';
  @ApiProperty({ type: 'string', nullable: true, description: "Debtor contact's plan, when accepted" }) planId!: string | null;
}
