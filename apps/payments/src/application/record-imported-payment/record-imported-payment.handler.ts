import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { agreementsDecider } from '../../domain/commission-plan/agreements.decider';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { agreementsStreamId, ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { RecordImportedPayment } from './record-imported-payment.command';

/** The start of a business day (UTC): the instant an imported payment stands for. */
export const paidOnInstant = (paidOn: string): Date => new Date(`${paidOn}T00:00:00.000Z`);

/**
 * Posts an imported payment like any payment (allocation, commission, paid in full), as of
 * its business date: the command's `now` is the day it was paid, so the plan version in
 * force that day charges it (post-payment.decide.ts reads `now` for that) and `postedAt`
 * is that day; the event's metadata keeps when it was recorded (`occurredAt`) beside its
 * `effectiveAt` (docs/domain.md, "Business dates").
 */
@CommandHandler(RecordImportedPayment)
export class RecordImportedPaymentHandler implements ICommandHandler<RecordImportedPayment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, payment, context }: RecordImportedPayment): Promise<unknown> {
    const { paidOn, ...posted } = payment;
    const businessDate = paidOnInstant(paidOn);
    const { state: ledger } = await aggregateStream(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId));
    const agreements = ledger.status === 'open' ? (await aggregateStream(this.deps.eventStore, agreementsDecider, agreementsStreamId(ledger.clientId))).state.versions : [];
    return decideOrRefuse(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId), { type: 'PostPayment', ...posted, agreements, now: businessDate }, { ...context, effectiveAt: businessDate });
  }
}
