import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import type { ReversalReason, ReversalStage } from '../../domain/ledger/ledger.events';
import { AllocationAnswer } from '../post-payment/post-payment.request.dto';

const REASONS: ReversalReason[] = ['nsf', 'chargeback', 'error'];

export class ReversePaymentRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() accountId!: string;
  @ApiProperty({ enum: REASONS }) @IsIn(REASONS) reason!: ReversalReason;
}

export class ReversalAnswer {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ description: 'The amount reversed, minor units' }) amount!: number;
  @ApiProperty({ type: [AllocationAnswer], description: 'What the payment had paid, now owed again' }) allocations!: AllocationAnswer[];
  @ApiProperty({ description: 'Commission taken back, minor units' }) commission!: number;
  @ApiProperty({ description: 'Credit no longer owed to the debtor, minor units' }) credit!: number;
  @ApiProperty({ enum: REASONS }) reason!: ReversalReason;
  @ApiProperty({ description: 'Balance after the reversal, minor units' }) balanceAfter!: number;
  @ApiProperty({ enum: ['in-hold', 'cleared', 'remitted'], description: '`in-hold`: funds had not cleared, undone before any remittance; `cleared`: in trust, not yet remitted; `remitted`: a claw-back on the next statement' }) stage!: ReversalStage;
  @ApiPropertyOptional({ description: 'The remittance that had paid the payment out (a claw-back only)' }) remittanceId?: string;
}
