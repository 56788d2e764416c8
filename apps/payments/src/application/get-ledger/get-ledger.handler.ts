import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { oldestFirst } from '../../domain/ledger/allocate';
import { agreementsDecider } from '../../domain/commission-plan/agreements.decider';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { planInForce } from '../../domain/ledger/post-payment.decide';
import { balanceOf } from '../../domain/ledger/ledger.state';
import { agreementsStreamId, ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { GetLedger } from './get-ledger.query';
import type { LedgerView } from './ledger.view';

/**
 * An account's ledger, folded from its stream on each read: one stream per account is
 * small, and the fold is the same code that decides, so the figures cannot disagree.
 */
@QueryHandler(GetLedger)
export class GetLedgerHandler implements IQueryHandler<GetLedger> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId }: GetLedger): Promise<LedgerView> {
    const { state } = await aggregateStream(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId));
    if (state.status !== 'open') throw new Refused({ rule: 'ledger-unknown', reason: `no ledger for account ${accountId}` });
    const { state: agreements } = await aggregateStream(this.deps.eventStore, agreementsDecider, agreementsStreamId(state.clientId));
    const plan = planInForce(state, agreements.versions, this.deps.clock.now());
    return {
      accountId: state.accountId,
      clientId: state.clientId,
      currency: state.currency,
      balance: balanceOf(state),
      // Listed in the order payments reach them, so the open amounts read top-down.
      invoices: [...state.invoices].sort(oldestFirst).map(({ number, dueDate, amount, open }) => ({ number, dueDate, amount, open })),
      payments: state.payments.map(({ reversal, collectedBefore: _collected, commissionBefore: _commission, ...payment }) => ({ ...payment, reversed: reversal !== undefined, ...(reversal ? { reversal } : {}) })),
      commissionTotal: state.commissionTotal,
      commissionOwedByClient: state.commissionOwedByClient,
      cancellationFeeOwed: state.cancellationFeeOwed,
      preCollectionFeeOwed: state.preCollectionFeeOwed ?? 0,
      creditOwed: state.creditOwed,
      rateBp: state.rateBp,
      legalRateApplies: state.legalRateApplied,
      legalRateEndedAt: state.legalRateEndedAt ?? null,
      ratePlanInForce: plan ? { planId: plan.ratePlan.planId, agreementVersion: plan.version, effectiveFrom: plan.effectiveFrom } : null,
    };
  }
}
