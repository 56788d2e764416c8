import { percentOf, percentOfSlices } from '@lib/money';
import type { AccountCategory, AgreementVersion, HalfFeeCase, RatePlan, RateTier } from './agreement';

/** What of the account decides its tier: fixed at placement. */
export interface AccountTerms {
  category: AccountCategory;
  /** Whole days from the oldest invoice's due date to the placement. */
  ageDaysAtPlacement: number;
  /** Minor units. */
  placedAmount: number;
}

export interface CommissionInput {
  plan: RatePlan;
  account: AccountTerms;
  /** The account is with an attorney: the legal rate replaces every other. */
  withAttorney: boolean;
  /** Applied by the account's earlier payments that stand (not reversed), minor units. */
  collectedBefore: number;
  /** Commission of those payments together, minor units. */
  commissionBefore: number;
  /** What this payment took off the balance (the credit owed back is not a recovery). */
  applied: number;
  feeCase: HalfFeeCase | null;
}

export interface Commission {
  commission: number;
  /** The tier's rate (or the legal rate): what the part above every collected-to-date threshold is charged. */
  rateBp: number;
  /** The tier charged: a tier's id, `base` when none matched, `legal` with an attorney. */
  tierId: string;
}

/** The account's tier: the first whose every condition holds (min inclusive, max exclusive). */
export function tierOf(plan: RatePlan, account: AccountTerms): { tierId: string; rateBp: number } {
  const matches = (tier: RateTier) =>
    (tier.category === undefined || tier.category === account.category) &&
    (tier.minAgeDays === undefined || account.ageDaysAtPlacement >= tier.minAgeDays) &&
    (tier.maxAgeDays === undefined || account.ageDaysAtPlacement < tier.maxAgeDays) &&
    (tier.minPlacedAmount === undefined || account.placedAmount >= tier.minPlacedAmount) &&
    (tier.maxPlacedAmount === undefined || account.placedAmount < tier.maxPlacedAmount);
  const tier = plan.tiers.find(matches);
  return tier ? { tierId: tier.tierId, rateBp: tier.rateBp } : { tierId: 'base', rateBp: plan.baseRateBp };
}

/**
 * The commission on one payment under a rate plan (docs/domain.md, "Commission"). Pure:
 * the same inputs always give the same figure, which is what lets a past payment be
 * recomputed from history. In order:
 * 1. the rate: the legal rate with an attorney, else the account's tier; the applied
 *    amount is split across the collected-to-date thresholds ("first 300.00 at 50%, then
 *    20%") counted from what the account's earlier payments collected, the rest at the
 *    rate, rounded once, half-up;
 * 2. a half-fee case the plan names halves it (half-up, the same rounding);
 * 3. the minimum fee lifts it, but never above the amount applied ("no recovery, no fee":
 *    the agency never keeps more than the payment brought in);
 * 4. the maximum fee caps the account's commission together, and wins over the minimum.
 * So the commission is never negative and never above the amount applied.
 */
export function commissionOf(input: CommissionInput): Commission {
  const { plan, account, withAttorney, collectedBefore, commissionBefore, applied, feeCase } = input;
  const { tierId, rateBp } = withAttorney ? { tierId: 'legal', rateBp: plan.legalRateBp } : tierOf(plan, account);
  const slices: Array<{ amount: number; basisPoints: number }> = [];
  let collected = collectedBefore;
  let rest = applied;
  if (!withAttorney) {
    for (const threshold of plan.collectedThresholds) {
      if (rest === 0) break;
      const room = threshold.upTo - collected;
      if (room <= 0) continue;
      const slice = Math.min(room, rest);
      slices.push({ amount: slice, basisPoints: threshold.rateBp });
      collected += slice;
      rest -= slice;
    }
  }
  slices.push({ amount: rest, basisPoints: rateBp });
  let commission = percentOfSlices(slices);
  if (feeCase !== null && plan.halfFeeCases.includes(feeCase)) commission = percentOf(commission, 5_000);
  if (plan.minimumFee !== null) commission = Math.max(commission, Math.min(plan.minimumFee, applied));
  if (plan.maximumFee !== null) commission = Math.min(commission, Math.max(0, plan.maximumFee - commissionBefore));
  return { commission, rateBp, tierId };
}

/** What a payment posted under a plan is stamped with, so its figure can be traced and recomputed. */
export interface PlanStamp {
  planId: string;
  /** The client's agreement version the plan came from. */
  agreementVersion: number;
  tierId: string;
}

export const stampOf = (version: AgreementVersion, tierId: string): PlanStamp => ({ planId: version.ratePlan.planId, agreementVersion: version.version, tierId });
