import type { Decision } from '@lib/es-core';
import { percentOf } from '@lib/money';
import { commissionOf, PlanStamp } from '../commission-plan/commission';
import type { CommissionCorrected } from './commission-corrected';
import { versionInForce } from '../commission-plan/agreement';
import type { ApplyLegalRate, EndLegalRate } from './ledger.commands';
import type { LedgerEvent, LegalRateApplied } from './ledger.events';
import type { LedgerState, OpenLedgerState, PostedPayment } from './ledger.state';

/**
 * The account was forwarded to an attorney: what is collected from the forwarding on earns
 * the legal rate. The rate applies from the forwarding's own moment, not from when
 * payments heard of it (the two topics are not ordered), so a payment already posted at
 * or after the forwarding at the old rate gets a `CommissionCorrected` each, traced to it;
 * nothing already recorded is rewritten. A forwarding dated after now (another service's
 * clock ahead of ours) counts from now, so no payment posted here is charged the legal rate
 * for a moment this ledger had not reached.
 */
export function decideApplyLegalRate(command: ApplyLegalRate, state: LedgerState): Decision<LedgerEvent> {
  const current = state.status === 'open' ? (state.legalRateApplied ? state.rateBp : undefined) : state.legalRateBp;
  if (current === command.rateBp) return [];
  const forwardedAt = command.forwardedAt && command.forwardedAt < command.now ? command.forwardedAt : command.now;
  // A forwarding from before the legal rate ended is the one that ended, heard again.
  if (state.status === 'open' && state.legalRateEndedAt !== undefined && forwardedAt.getTime() <= Date.parse(state.legalRateEndedAt)) return [];
  const applied: LegalRateApplied = { type: 'LegalRateApplied', data: { accountId: command.accountId, rateBp: command.rateBp, appliedAt: forwardedAt.toISOString() } };
  if (state.status !== 'open') return [applied];
  return [applied, ...correctionsSince(state, command, forwardedAt)];
}

/**
 * The attorney closed its file: if the client's agreement in force at the closing says the
 * legal rate ends with the case (`legalReferral.legalRateEndsOnClose`), payments posted from
 * then on earn the contingency rate again (the plan's tier, or the placement's rate). A
 * closing dated after now counts from now; a ledger not at the legal rate, or an agreement
 * that does not say so, changes nothing. Payments posted between the closing and this
 * decision keep the legal rate they were charged (docs/payments.md, "The legal rate's end").
 */
export function decideEndLegalRate(command: EndLegalRate, state: LedgerState): Decision<LedgerEvent> {
  if (state.status !== 'open' || !state.legalRateApplied) return [];
  const endedAt = command.closedAt < command.now ? command.closedAt : command.now;
  const version = versionInForce(command.agreements, endedAt);
  if (!version?.legalReferral.legalRateEndsOnClose) return [];
  return [{ type: 'LegalRateEnded', data: { accountId: state.accountId, rateBp: state.placementRateBp, endedAt: endedAt.toISOString(), agreementVersion: version.version } }];
}

/** The payments posted at or after the forwarding that stand and were charged a commission, each recharged at the legal rate. */
function correctionsSince(state: OpenLedgerState, command: ApplyLegalRate, forwardedAt: Date): CommissionCorrected[] {
  const corrections: CommissionCorrected[] = [];
  // Payments in posting order: each one's maximum-fee room counts the corrections of the ones before it.
  let earlierDifferences = 0;
  for (const payment of state.payments) {
    if (payment.reversal || payment.preCollection || Date.parse(payment.postedAt) < forwardedAt.getTime()) continue;
    const legal = legalChargeOf(state, command, payment, earlierDifferences);
    if (!legal || (legal.commission === payment.commission && legal.rateBp === payment.rateBp)) continue;
    const difference = legal.commission - payment.commission;
    earlierDifferences += difference;
    corrections.push({
      type: 'CommissionCorrected',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        paymentId: payment.paymentId,
        currency: state.currency,
        commissionBefore: payment.commission,
        commission: legal.commission,
        difference,
        commissionRateBp: legal.rateBp,
        plan: legal.plan,
        cause: 'legal-rate-from-forwarding',
        effectiveFrom: forwardedAt.toISOString(),
        correctedAt: command.now.toISOString(),
        ...(payment.direct ? { direct: true as const } : {}),
      },
    });
  }
  return corrections;
}

/**
 * What the payment would have been charged had the forwarding been heard before it: its
 * plan's legal rate (the version its stamp names), or without a plan the default legal rate.
 * Undefined when the stamp names a version payments does not have (nothing to charge from).
 */
function legalChargeOf(state: OpenLedgerState, command: ApplyLegalRate, payment: PostedPayment, earlierDifferences: number): { commission: number; rateBp: number; plan: PlanStamp | null } | undefined {
  const applied = payment.amount - payment.credit;
  if (payment.plan === null) return { commission: percentOf(applied, command.rateBp), rateBp: command.rateBp, plan: null };
  const stamp = payment.plan;
  const version = (command.agreements ?? []).find((v) => v.version === stamp.agreementVersion && v.ratePlan.planId === stamp.planId);
  if (!version || !state.terms) return undefined;
  const { commission, rateBp, tierId } = commissionOf({
    plan: version.ratePlan,
    account: state.terms,
    withAttorney: true,
    collectedBefore: payment.collectedBefore ?? 0,
    commissionBefore: (payment.commissionBefore ?? 0) + earlierDifferences,
    applied,
    feeCase: payment.feeCase,
  });
  return { commission, rateBp, plan: { ...stamp, tierId } };
}
