import { percentOf } from '@lib/money';
import { ledgerDecider } from '../ledger/ledger.decider';
import type { LedgerEvent, PaymentPosted } from '../ledger/ledger.events';
import { collectedToDate, LedgerState, OpenLedgerState } from '../ledger/ledger.state';
import type { AgreementVersion, RatePlan } from './agreement';
import { commissionOf } from './commission';

/**
 * A ledger's history as its payments stand charged: each payment carries its commission
 * as corrected (a `CommissionCorrected` folded into the payment it traces to, in place),
 * and the moment the legal rate applies from (the forwarding's own moment, which may be
 * before payments already posted when the forwarding was heard late). A payment already
 * reversed when the forwarding was heard was not corrected (its commission had come off in
 * full): it stays charged as posted.
 */
export function historyAsCharged(history: readonly LedgerEvent[]): ChargedHistory {
  const corrected = new Map<string, { commission: number; commissionRateBp: number; plan: PaymentPosted['data']['plan'] }>();
  const reversedBeforeForwarding = new Set<string>();
  let legalFrom: number | undefined;
  let legalRateBp: number | undefined;
  let legalUntil: number | undefined;
  for (const event of history) {
    if (event.type === 'LegalRateEnded' && legalUntil === undefined) legalUntil = Date.parse(event.data.endedAt);
    if (event.type === 'CommissionCorrected') corrected.set(event.data.paymentId, event.data);
    if (event.type === 'PaymentReversed' && legalFrom === undefined) reversedBeforeForwarding.add(event.data.paymentId);
    if (event.type === 'LegalRateApplied' && legalFrom === undefined) {
      legalFrom = Date.parse(event.data.appliedAt);
      legalRateBp = event.data.rateBp;
    }
  }
  const events: LedgerEvent[] = [];
  for (const event of history) {
    if (event.type === 'CommissionCorrected') continue;
    const correction = event.type === 'PaymentPosted.v2' ? corrected.get(event.data.paymentId) : undefined;
    events.push(event.type === 'PaymentPosted.v2' && correction ? { ...event, data: { ...event.data, commission: correction.commission, commissionRateBp: correction.commissionRateBp, plan: correction.plan } } : event);
  }
  const withAttorney = (payment: PaymentPosted['data']) =>
    legalFrom !== undefined && legalFrom <= Date.parse(payment.postedAt) && (legalUntil === undefined || Date.parse(payment.postedAt) < legalUntil) && !reversedBeforeForwarding.has(payment.paymentId);
  return { events, withAttorney, legalRateBp };
}

export interface ChargedHistory {
  /** The history with each payment's commission as corrected, and no `CommissionCorrected` left. */
  events: LedgerEvent[];
  /** Whether the payment stands charged at the legal rate. */
  withAttorney: (payment: PaymentPosted['data']) => boolean;
  legalRateBp: number | undefined;
}

/**
 * A past payment's commission recomputed from history alone: the ledger's events before
 * it, and the agreement version its stamp names (or, unstamped, the placement rate then in
 * force, or the legal rate from the forwarding on). For an audit, or a dispute over a
 * statement: it must give the figure the payment stands charged at (posted, or corrected).
 * Undefined when the history holds no such payment or names a version not given.
 */
export function recomputeCommission(history: readonly LedgerEvent[], agreements: readonly AgreementVersion[], paymentId: string): number | undefined {
  const { events, withAttorney: atLegalRate, legalRateBp } = historyAsCharged(history);
  let state = ledgerDecider.initialState();
  for (const event of events) {
    if (event.type === 'PaymentPosted.v2' && event.data.paymentId === paymentId) {
      if (state.status !== 'open') return undefined;
      const applied = event.data.amount - event.data.credit;
      if (event.data.preCollection) return 0;
      const withAttorney = atLegalRate(event.data);
      const stamp = event.data.plan ?? null;
      if (stamp === null) return percentOf(applied, withAttorney && legalRateBp !== undefined ? legalRateBp : state.rateBp);
      const version = agreements.find((v) => v.version === stamp.agreementVersion && v.ratePlan.planId === stamp.planId);
      if (!version || !state.terms) return undefined;
      return commissionOf({
        plan: version.ratePlan,
        account: state.terms,
        withAttorney,
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

/** One payment's commission as charged and as another plan would have charged it. */
export interface WhatIfPayment {
  accountId: string;
  paymentId: string;
  postedAt: string;
  currency: string;
  applied: number;
  direct: boolean;
  /** Reversed since: it earns nothing in the end, and counts in no total. */
  reversed: boolean;
  /** As the payment stands charged: posted, or corrected. */
  recorded: number;
  whatIf: number;
  /** `whatIf − recorded`. */
  difference: number;
  /**
   * `plan`: recomputed under the plan given; `pre-collection`: posted in the
   * pre-collection window, where no plan charges (the flat fee does); `no-terms`: a ledger
   * opened before plans, whose placement terms a plan's tiers need are unknown. The last
   * two keep their recorded figure.
   */
  basis: 'plan' | 'pre-collection' | 'no-terms';
}

/**
 * Every payment of one ledger posted in [from, to), recomputed under `plan`, writing
 * nothing. Payments before the period keep their recorded figures (they are not in
 * question); inside it each payment sees the account as it stood then, with the what-if
 * commission of the period's earlier payments toward the plan's maximum fee. With the plan
 * that charged the payments, every difference is 0: the same inputs as `recomputeCommission`.
 */
export function whatIfCommissions(history: readonly LedgerEvent[], plan: RatePlan, period: { from: Date; to: Date }): WhatIfPayment[] {
  const { events, withAttorney } = historyAsCharged(history);
  const reversed = new Set(events.filter((e) => e.type === 'PaymentReversed').map((e) => (e.type === 'PaymentReversed' ? e.data.paymentId : '')));
  const differences = new Map<string, number>();
  const answer: WhatIfPayment[] = [];
  let state: LedgerState = ledgerDecider.initialState();
  for (const event of events) {
    if (event.type === 'PaymentPosted.v2' && state.status === 'open') {
      const at = Date.parse(event.data.postedAt);
      if (at >= period.from.getTime() && at < period.to.getTime()) {
        const line = whatIfOf(state, event, plan, withAttorney(event.data), differences, reversed.has(event.data.paymentId));
        differences.set(line.paymentId, line.difference);
        answer.push(line);
      }
    }
    state = ledgerDecider.evolve(state, event);
  }
  return answer;
}

function whatIfOf(state: OpenLedgerState, event: PaymentPosted, plan: RatePlan, withAttorney: boolean, differences: ReadonlyMap<string, number>, reversed: boolean): WhatIfPayment {
  const { accountId, paymentId, postedAt, currency, amount, credit, commission: recorded, preCollection, direct = false, feeCase = null } = event.data;
  const applied = amount - credit;
  const line = { accountId, paymentId, postedAt, currency, applied, direct, reversed, recorded };
  if (preCollection) return { ...line, whatIf: recorded, difference: 0, basis: 'pre-collection' };
  if (!state.terms) return { ...line, whatIf: recorded, difference: 0, basis: 'no-terms' };
  // The account's commission so far as the what-if would have it: the standing payments' figures, the period's ones recomputed.
  const commissionBefore = state.commissionTotal + state.payments.filter((p) => !p.reversal).reduce((sum, p) => sum + (differences.get(p.paymentId) ?? 0), 0);
  const { commission } = commissionOf({ plan, account: state.terms, withAttorney, collectedBefore: collectedToDate(state), commissionBefore, applied, feeCase });
  return { ...line, whatIf: commission, difference: commission - recorded, basis: 'plan' };
}
