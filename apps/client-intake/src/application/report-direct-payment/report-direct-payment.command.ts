import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { DirectPaymentAnswer, ReportDirectPaymentRequest } from './report-direct-payment.request.dto';

/** The calling client reports that the debtor paid it directly. */
export class ReportDirectPayment extends Command<DirectPaymentAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: ReportDirectPaymentRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
