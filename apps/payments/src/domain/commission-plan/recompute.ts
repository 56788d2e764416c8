import { percentOf } from '@lib/money';
import { ledgerDecider } from '../ledger/ledger.decider';
import type { LedgerEvent } from '../ledger/ledger.events';
import { collectedToDate } from '../ledger/ledger.state';
import type { AgreementVersion } from './agreement';
import { commissionOf } from './commission';

/**
 * A past payment's commission recomputed from history alone: the ledger's events before
 * it, and the agreement version its stamp names (or, unstamped, the placement rate then in
 * force). For an audit, or a dispute over a statement: it must give the posted figure.
 * Undefined when the history holds no such payment or names a version not given.
 */
export function recomputeCommission(history: readonly LedgerEvent[], agreements: readonly AgreementVersion[], paymentId: string): number | undefined {
  let state = ledgerDecider.initialState();
  for (const event of history) {
    if (event.type === 'PaymentPosted.v2' && event.data.paymentId === paymentId) {
      if (state.status !== 'open') return undefined;
      const applied = event.data.amount - event.data.credit;
      if (event.data.preCollection) return 0;
      const stamp = event.data.plan ?? null;
      if (stamp === null) return percentOf(applied, state.rateBp);
      const version = agreements.find((v) => v.version === stamp.agreementVersion && v.ratePlan.planId === stamp.planId);
      if (!version || !state.terms) return undefined;
      return commissionOf({
        plan: version.ratePlan,
        account: state.terms,
        withAttorney: state.legalRateApplied,
        collectedBefore: collectedToDate(state),
        commissionBefore: state.commissionTotal,
        applied,
        feeCase: event.data.feeCase ?? null,
      }).commission;
    }
    state = ledgerDecider.evolve(state, event);
  }
  return undefined;
}
