import { Body, Controller, Headers, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { JsonResponse } from '@lib/platform';
import { handleCommand } from '@lib/es-core';
import { PrincipalRequest, replyOnce, Roles } from '@lib/platform';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import type { PaymentPosted } from '../../domain/ledger/ledger.events';
import { ledgerStreamId, PAYMENTS, PaymentsDependencies } from '../../payments.dependencies';
import { refusalAnswer } from '../refusal';
import { PaymentAnswer, PostPaymentRequest } from './post-payment.request.dto';

/** Staff take a payment from the debtor: it is allocated, earns commission, and may pay the account off. */
@ApiTags('payments')
@Controller('payments')
export class PostPaymentController {
  constructor(@Inject(PAYMENTS) private readonly deps: PaymentsDependencies) {}

  @Post()
  @Roles('collector', 'supervisor', 'accountant')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer and posts nothing again.' })
  @ApiResponse({ status: 201, description: 'Posted: allocations, commission, credit, balance after.' })
  @ApiResponse({ status: 404, description: 'No ledger for the account (rule ledger-unknown).' })
  @ApiResponse({ status: 409, description: 'The balance is already paid in full (rule account-paid).' })
  @ApiResponse({ status: 422, description: 'Rules currency-mismatch or unknown-invoice, or idempotency-key-reused (the key was first used for a different request).' })
  async post(
    @Body() body: PostPaymentRequest,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    await replyOnce(this.deps, request, response, key, async (context) => {
      const outcome = await handleCommand(
        this.deps.eventStore,
        ledgerDecider,
        ledgerStreamId(body.accountId),
        {
          type: 'PostPayment',
          paymentId: this.deps.newId(),
          amount: body.amount,
          currency: body.currency,
          method: body.method,
          designatedInvoices: body.designatedInvoices,
          now: context.now,
        },
        context,
      );
      if (outcome.outcome === 'rejected') return refusalAnswer(outcome.rejection);
      // On a duplicate (the answer was lost after the append) the earlier payment answers, not a new id.
      const posted = outcome.events.find((e) => e.type === 'PaymentPosted.v2') as PaymentPosted | undefined;
      if (!posted) return { status: 500, body: { statusCode: 500, message: 'the payment was not recorded' } };
      const { paymentId, accountId, allocations, commission, credit, balanceAfter } = posted.data;
      const paid: PaymentAnswer = { paymentId, accountId, allocations, commission, credit, balanceAfter, paidInFull: balanceAfter === 0 };
      return { status: 201, body: paid };
    });
  }
}
