import type { FailedRule } from '../referral/referral.events';
import type { ReferralCase } from '../referral/referral.state';

/** What a criterion looks at: the case as folded from its events, and the time of the review. */
export interface ReviewFacts {
  referral: ReferralCase;
  now: Date;
}

export type Verdict = { pass: true } | { pass: false; reason: string };

/** One named criterion for referring an account to legal. Pure: same facts, same verdict. */
export interface LegalCriterion {
  name: string;
  /** Raised whenever what the rule checks changes, so decisions name what they applied; absent: 1. */
  version?: number;
  check(facts: ReviewFacts): Verdict;
}

/** Each criterion with the version applied, as a recommendation and its approval record them. */
export const criteriaVersions = (criteria: readonly LegalCriterion[]): { rule: string; version: number }[] =>
  criteria.map((criterion) => ({ rule: criterion.name, version: criterion.version ?? 1 }));

export const pass = (): Verdict => ({ pass: true });
export const fail = (reason: string): Verdict => ({ pass: false, reason });

/** Every criterion of the list that fails on these facts, with why: all of them, not only the first. */
export function failedCriteria(criteria: readonly LegalCriterion[], facts: ReviewFacts): FailedRule[] {
  return criteria.flatMap((criterion) => {
    const verdict = criterion.check(facts);
    return verdict.pass ? [] : [{ rule: criterion.name, reason: verdict.reason }];
  });
}

/** `rule: reason; rule: reason`, for a refusal that names every failed criterion. */
export const describeFailures = (failed: readonly FailedRule[]): string => failed.map((f) => `${f.rule}: ${f.reason}`).join('; ');

export const DAY_MS = 86_400_000;

/** `123456` minor units -> `1,234.56`, for reasons a person reads (two-decimal currencies). */
export function formatMinorUnits(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
