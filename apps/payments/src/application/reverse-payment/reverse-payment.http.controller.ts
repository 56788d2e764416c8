import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { ReversePayment } from './reverse-payment.command';
import { ReversalAnswer, ReversePaymentRequest } from './reverse-payment.request.dto';

/**
 * Trust accounting reverses a bounced payment (NSF, chargeback) or one posted in error.
 * Accountants only: a collector who took a payment cannot undo it.
 */
@Controller('payments/:paymentId/reversal')
export class ReversePaymentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['accountant'], tag: 'payments', uuidParams: ['paymentId'], answer: ReversalAnswer, description: 'Reversed: the allocations, commission and credit taken back, the balance after.', problems: { 404: 'No such payment on the account (rules ledger-unknown, payment-unknown).', 409: 'Already reversed (rule payment-already-reversed).' } })
  reverse(@UuidParam('paymentId') paymentId: string, @Body() body: ReversePaymentRequest, @Ctx() context: CommandContext): Promise<ReversalAnswer> {
    return this.commands.execute(new ReversePayment(paymentId, body, context));
  }
}
