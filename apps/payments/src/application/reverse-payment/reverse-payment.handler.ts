import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { ReversePayment } from './reverse-payment.command';
import type { ReversalAnswer } from './reverse-payment.request.dto';

/** The payment's allocations, commission and credit are taken back; a paid-off account reopens. */
@CommandHandler(ReversePayment)
export class ReversePaymentHandler implements ICommandHandler<ReversePayment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ paymentId, request, context }: ReversePayment): Promise<ReversalAnswer> {
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      ledgerDecider,
      ledgerStreamId(request.accountId),
      { type: 'ReversePayment', paymentId, reason: request.reason, now: context.now },
      context,
    );
    const reversed = events.find((event) => event.type === 'PaymentReversed');
    if (reversed?.type !== 'PaymentReversed') throw new Error(`the reversal of payment ${paymentId} was accepted but not recorded`);
    const { accountId, amount, allocations, commission, credit, reason, balanceAfter } = reversed.data;
    return { paymentId, accountId, amount, allocations, commission, credit, reason, balanceAfter };
  }
}
