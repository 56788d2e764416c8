import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { RefundCredit } from './refund-credit.command';
import { CreditRefundAnswer, RefundCreditRequest } from './refund-credit.request.dto';

/** Trust accounting pays an over-payment back to the payer. Accountants only: money leaves trust. */
@Controller('ledgers/:accountId/credit-refunds')
export class RefundCreditController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['accountant'], tag: 'ledgers', uuidParams: ['accountId'], answer: CreditRefundAnswer, description: 'Refunded: the amount paid back and the credit still owed.', problems: { 404: 'No ledger for the account (rule ledger-unknown).', 409: 'More than the credit owed (rule refund-exceeds-credit).', 422: 'Rules currency-mismatch or payment-amount-positive.' } })
  refund(@UuidParam('accountId') accountId: string, @Body() body: RefundCreditRequest, @Ctx() context: CommandContext): Promise<CreditRefundAnswer> {
    return this.commands.execute(new RefundCredit(accountId, body, context));
  }
}
