import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { ReportDirectPayment } from './report-direct-payment.command';
import type { DirectPaymentAnswer } from './report-direct-payment.request.dto';

/** Recorded on the account and published; payments posts it as a direct payment (docs/payments.md, "Direct payments"). */
@CommandHandler(ReportDirectPayment)
export class ReportDirectPaymentHandler implements ICommandHandler<ReportDirectPayment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, request, context }: ReportDirectPayment): Promise<DirectPaymentAnswer> {
    const { amount, currency, method, paidOn } = request;
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      accountDecider,
      accountStreamId(accountId),
      { type: 'ReportDirectPayment', clientId: context.principal.id, reportId: this.deps.newId(), amount, currency, method, paidOn, now: context.now },
      context,
    );
    const reported = events.find((event) => event.type === 'DirectPaymentReported');
    if (reported?.type !== 'DirectPaymentReported') throw new Error(`the direct payment on account ${accountId} was accepted but not recorded`);
    return { accountId, reportId: reported.data.reportId };
  }
}
