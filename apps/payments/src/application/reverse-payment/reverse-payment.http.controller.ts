import { Body, Controller, Headers, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import type { JsonResponse } from '@lib/platform';
import { handleCommand } from '@lib/es-core';
import { PrincipalRequest, replyOnce, Roles } from '@lib/platform';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import type { PaymentReversed, ReversalReason } from '../../domain/ledger/ledger.events';
import { ledgerStreamId, PAYMENTS, PaymentsDependencies } from '../../payments.dependencies';
import { refusalAnswer } from '../refusal';

const REASONS: ReversalReason[] = ['nsf', 'chargeback', 'error'];

export class ReversePaymentRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() accountId!: string;
  @ApiProperty({ enum: REASONS }) @IsIn(REASONS) reason!: ReversalReason;
}

/**
 * Trust accounting reverses a bounced payment (NSF, chargeback) or one posted in error.
 * Accountants only: a collector who took a payment cannot undo it.
 */
@ApiTags('payments')
@Controller('payments/:paymentId/reversal')
export class ReversePaymentController {
  constructor(@Inject(PAYMENTS) private readonly deps: PaymentsDependencies) {}

  @Post()
  @Roles('accountant')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer.' })
  @ApiResponse({ status: 201, description: 'Reversed: the allocations, commission and credit taken back, the balance after.' })
  @ApiResponse({ status: 404, description: 'No such payment on the account (rules ledger-unknown, payment-unknown).' })
  @ApiResponse({ status: 409, description: 'Already reversed (rule payment-already-reversed).' })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was first used for a different request (rule idempotency-key-reused).' })
  async reverse(
    @Param('paymentId', new ParseUUIDPipe()) paymentId: string,
    @Body() body: ReversePaymentRequest,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    await replyOnce(this.deps, request, response, key, async (context) => {
      const outcome = await handleCommand(
        this.deps.eventStore,
        ledgerDecider,
        ledgerStreamId(body.accountId),
        { type: 'ReversePayment', paymentId, reason: body.reason, now: context.now },
        context,
      );
      if (outcome.outcome === 'rejected') return refusalAnswer(outcome.rejection);
      const reversed = outcome.events.find((e) => e.type === 'PaymentReversed') as PaymentReversed | undefined;
      if (!reversed) return { status: 500, body: { statusCode: 500, message: 'the reversal was not recorded' } };
      const { accountId, amount, allocations, commission, credit, reason, balanceAfter } = reversed.data;
      return { status: 201, body: { paymentId: reversed.data.paymentId, accountId, amount, allocations, commission, credit, reason, balanceAfter } };
    });
  }
}
