/**
 * What the portal accepts at once, without a collector. Inside these limits a proposal
 * goes straight to debtor contact's plan command (whose own terms still apply); outside
 * them it is queued for a collector, with the reasons.
 */
export const SELF_SERVICE_PLAN_LIMITS = {
  /** Most installments a debtor may choose alone (debtor contact's terms allow up to 36 with a collector). */
  maxInstallments: 12,
  /** The first installment at most this many days after today. */
  maxDaysToFirstInstallment: 30,
  /** The smallest installment, as debtor contact's terms (minor units). */
  minInstallment: 2_500,
} as const;

export type PlanFrequency = 'weekly' | 'biweekly' | 'monthly';
export const PLAN_FREQUENCIES: readonly PlanFrequency[] = ['weekly', 'biweekly', 'monthly'];

export interface PlanProposal {
  balance: number;
  installmentCount: number;
  frequency: PlanFrequency;
  /** YYYY-MM-DD */
  firstDueDate: string;
  /** YYYY-MM-DD, today where the agency keeps its calendar (UTC). */
  today: string;
  hasActivePlan: boolean;
}

export type PlanJudgement =
  | { kind: 'invalid'; reason: 'installments-out-of-range' | 'first-date-past' | 'nothing-owed' }
  | { kind: 'accept'; installments: number[] }
  | { kind: 'queue'; installments: number[]; reasons: string[] };

/** Equal installments that pay the balance to the cent; the last one takes the remainder. */
export function splitIntoInstallments(balance: number, count: number): number[] {
  const base = Math.floor(balance / count);
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? balance - base * (count - 1) : base));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether a debtor's proposal is accepted at once, queued for a collector, or cannot be a plan at all. */
export function judgePlanProposal(proposal: PlanProposal, limits = SELF_SERVICE_PLAN_LIMITS): PlanJudgement {
  if (proposal.balance <= 0) return { kind: 'invalid', reason: 'nothing-owed' };
  if (!Number.isInteger(proposal.installmentCount) || proposal.installmentCount < 1 || proposal.installmentCount > 36) return { kind: 'invalid', reason: 'installments-out-of-range' };
  if (proposal.firstDueDate < proposal.today) return { kind: 'invalid', reason: 'first-date-past' };
  const installments = splitIntoInstallments(proposal.balance, proposal.installmentCount);
  const reasons: string[] = [];
  if (proposal.installmentCount > limits.maxInstallments) reasons.push('more-installments-than-self-service-allows');
  if (daysBetween(proposal.today, proposal.firstDueDate) > limits.maxDaysToFirstInstallment) reasons.push('first-installment-too-far');
  if (installments.some((amount) => amount < limits.minInstallment)) reasons.push('installment-below-minimum');
  if (proposal.hasActivePlan) reasons.push('a-plan-is-already-active');
  return reasons.length === 0 ? { kind: 'accept', installments } : { kind: 'queue', installments, reasons };
}
