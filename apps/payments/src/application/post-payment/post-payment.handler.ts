import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, recordingRefusals, SERVICE_DEPENDENCIES } from '@lib/platform';
import { agreementsDecider } from '../../domain/commission-plan/agreements.decider';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { POST_PAYMENT_RULES } from '../../domain/ledger/post-payment.decide';
import { agreementsStreamId, ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { PostPayment } from './post-payment.command';
import type { PaymentAnswer } from './post-payment.request.dto';

/**
 * The payment is allocated, earns commission, and may pay the account off. The commission
 * comes from the client's agreement versions in payments' own store (the stream the
 * AgreementVersionPublished messages fill), so nothing is asked of client-intake here.
 */
@CommandHandler(PostPayment)
export class PostPaymentHandler implements ICommandHandler<PostPayment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  /** A refused payment leaves nothing on the ledger and its record on the account's compliance stream; a posted one, the rules it passed. */
  execute({ request, context }: PostPayment): Promise<PaymentAnswer> {
    const target = { service: 'payments', accountId: request.accountId, command: 'PostPayment', rulesChecked: POST_PAYMENT_RULES };
    return recordingRefusals(this.deps.eventStore, target, context, () => this.post(request, context));
  }

  private async post(request: PostPayment['request'], context: PostPayment['context']): Promise<PaymentAnswer> {
    const { accountId, amount, currency, method, designatedInvoices, feeCase } = request;
    const agreements = await this.agreementsOf(accountId);
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      ledgerDecider,
      ledgerStreamId(accountId),
      { type: 'PostPayment', paymentId: this.deps.newId(), amount, currency, method, designatedInvoices, feeCase, agreements, now: context.now },
      context,
    );
    // On a duplicate (the answer was lost after the append) the earlier payment answers, not a new id.
    const posted = events.find((event) => event.type === 'PaymentPosted.v2');
    if (posted?.type !== 'PaymentPosted.v2') throw new Error(`the payment on account ${accountId} was accepted but not recorded`);
    const { paymentId, allocations, commission, commissionRateBp, plan = null, credit, balanceAfter, postedAt, clearsAt = postedAt } = posted.data;
    return { paymentId, accountId, allocations, commission, commissionRateBp, plan, credit, balanceAfter, paidInFull: balanceAfter === 0, clearsAt };
  }

  /** The agreement versions of the account's client; none while the ledger is unknown (the decider refuses that). */
  private async agreementsOf(accountId: string) {
    const { state: ledger } = await aggregateStream(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId));
    if (ledger.status !== 'open') return [];
    const { state } = await aggregateStream(this.deps.eventStore, agreementsDecider, agreementsStreamId(ledger.clientId));
    return state.versions;
  }
}
