import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { PostPayment } from './post-payment.command';
import type { PaymentAnswer } from './post-payment.request.dto';

/** The payment is allocated, earns commission, and may pay the account off. */
@CommandHandler(PostPayment)
export class PostPaymentHandler implements ICommandHandler<PostPayment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ request, context }: PostPayment): Promise<PaymentAnswer> {
    const { accountId, amount, currency, method, designatedInvoices } = request;
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      ledgerDecider,
      ledgerStreamId(accountId),
      { type: 'PostPayment', paymentId: this.deps.newId(), amount, currency, method, designatedInvoices, now: context.now },
      context,
    );
    // On a duplicate (the answer was lost after the append) the earlier payment answers, not a new id.
    const posted = events.find((event) => event.type === 'PaymentPosted.v2');
    if (posted?.type !== 'PaymentPosted.v2') throw new Error(`the payment on account ${accountId} was accepted but not recorded`);
    const { paymentId, allocations, commission, credit, balanceAfter } = posted.data;
    return { paymentId, accountId, allocations, commission, credit, balanceAfter, paidInFull: balanceAfter === 0 };
  }
}
