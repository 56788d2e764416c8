import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { ReportDirectPayment } from './report-direct-payment.command';
import { DirectPaymentAnswer, ReportDirectPaymentRequest } from './report-direct-payment.request.dto';

/** The client reports a payment the debtor made to it directly; the agency earns its commission on it, owed by the client. */
@Controller('accounts/:accountId/direct-payments')
export class ReportDirectPaymentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['client'],
    tag: 'accounts',
    uuidParams: ['accountId'],
    answer: DirectPaymentAnswer,
    description: 'The report is recorded; payments posts it as a direct payment.',
    problems: {
      404: 'No such account of this client (rule account-unknown).',
      422: 'Currency other than the account\'s (rule currency-mismatch), a date in the future (direct-payment-in-future) or before placement (direct-payment-before-placement).',
    },
  })
  report(@UuidParam('accountId') accountId: string, @Body() body: ReportDirectPaymentRequest, @Ctx() context: CommandContext): Promise<DirectPaymentAnswer> {
    return this.commands.execute(new ReportDirectPayment(accountId, body, context));
  }
}
