import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx } from '@lib/platform';
import { PostPayment } from './post-payment.command';
import { PaymentAnswer, PostPaymentRequest } from './post-payment.request.dto';

/** Staff take a payment from the debtor. */
@Controller('payments')
export class PostPaymentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['collector', 'supervisor', 'accountant'], tag: 'payments', answer: PaymentAnswer, description: 'Posted: allocations, commission, credit, balance after.', problems: { 404: 'No ledger for the account (rule ledger-unknown).', 409: 'The balance is already paid in full (rule account-paid).', 422: 'Rules currency-mismatch, unknown-invoice or payment-amount-positive.' } })
  post(@Body() body: PostPaymentRequest, @Ctx() context: CommandContext): Promise<PaymentAnswer> {
    return this.commands.execute(new PostPayment(body, context));
  }
}
