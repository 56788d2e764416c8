import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { RefundCredit } from './refund-credit.command';
import type { CreditRefundAnswer } from './refund-credit.request.dto';

/** The credit owed to the payer goes down by the refund; the trust ledger pays it out of trust cash. */
@CommandHandler(RefundCredit)
export class RefundCreditHandler implements ICommandHandler<RefundCredit> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, request, context }: RefundCredit): Promise<CreditRefundAnswer> {
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      ledgerDecider,
      ledgerStreamId(accountId),
      { type: 'RefundCredit', refundId: this.deps.newId(), amount: request.amount, currency: request.currency, now: context.now },
      context,
    );
    const refunded = events.find((event) => event.type === 'CreditRefunded');
    if (refunded?.type !== 'CreditRefunded') throw new Error(`the credit refund on account ${accountId} was accepted but not recorded`);
    const { refundId, amount, currency, creditOwedAfter, refundedAt } = refunded.data;
    return { refundId, accountId, amount, currency, creditOwedAfter, refundedAt };
  }
}
