import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { agreementsDecider } from '../../domain/commission-plan/agreements.decider';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { agreementsStreamId, ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { RecordDirectPayment } from './record-direct-payment.command';

/**
 * Posts the direct payment under the plan in force now (the same commission computation
 * as any payment: commission-plan/commission.ts through post-payment.decide.ts), marked
 * direct, its commission owed by the client.
 */
@CommandHandler(RecordDirectPayment)
export class RecordDirectPaymentHandler implements ICommandHandler<RecordDirectPayment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, payment, context }: RecordDirectPayment): Promise<unknown> {
    const { state: ledger } = await aggregateStream(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId));
    const agreements = ledger.status === 'open' ? (await aggregateStream(this.deps.eventStore, agreementsDecider, agreementsStreamId(ledger.clientId))).state.versions : [];
    return decideOrRefuse(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId), { type: 'PostPayment', ...payment, direct: true, agreements, now: context.now }, context);
  }
}
