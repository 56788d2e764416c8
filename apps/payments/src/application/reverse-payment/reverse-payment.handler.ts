import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, recordingRefusals, SERVICE_DEPENDENCIES } from '@lib/platform';
import { remittancesStreamId, remittedPayments } from '../../domain/trust-ledger/remittance';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { REVERSE_PAYMENT_RULES } from '../../domain/ledger/reverse-payment.decide';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { ReversePayment } from './reverse-payment.command';
import type { ReversalAnswer } from './reverse-payment.request.dto';

/**
 * The payment's allocations, commission and credit are taken back; a paid-off account
 * reopens. Whether the money was still held, in trust, or already remitted (a claw-back)
 * is written on the reversal.
 */
@CommandHandler(ReversePayment)
export class ReversePaymentHandler implements ICommandHandler<ReversePayment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  execute({ paymentId, request, context }: ReversePayment): Promise<ReversalAnswer> {
    const target = { service: 'payments', accountId: request.accountId, command: 'ReversePayment', rulesChecked: REVERSE_PAYMENT_RULES };
    return recordingRefusals(this.deps.eventStore, target, context, () => this.reverse(paymentId, request, context));
  }

  private async reverse(paymentId: string, request: ReversePayment['request'], context: ReversePayment['context']): Promise<ReversalAnswer> {
    const remitted = await this.remittedOf(request.accountId);
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      ledgerDecider,
      ledgerStreamId(request.accountId),
      { type: 'ReversePayment', paymentId, reason: request.reason, remitted, now: context.now },
      context,
    );
    const reversed = events.find((event) => event.type === 'PaymentReversed');
    if (reversed?.type !== 'PaymentReversed') throw new Error(`the reversal of payment ${paymentId} was accepted but not recorded`);
    const { accountId, amount, allocations, commission, credit, reason, balanceAfter, stage = 'cleared', remittanceId } = reversed.data;
    return { paymentId, accountId, amount, allocations, commission, credit, reason, balanceAfter, stage, ...(remittanceId ? { remittanceId } : {}) };
  }

  /** The client's payments already remitted: read from its issued statements (none until remittance runs exist). */
  private async remittedOf(accountId: string): Promise<Map<string, string>> {
    const { state: ledger } = await aggregateStream(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId));
    if (ledger.status !== 'open') return new Map();
    return remittedPayments(await this.deps.eventStore.readStream(remittancesStreamId(ledger.clientId)));
  }
}
