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
  check(facts: ReviewFacts): Verdict;
}

export const pass = (): Verdict => ({ pass: true });
export const fail = (reason: string): Verdict => ({ pass: false, reason });

export const DAY_MS = 86_400_000;

/** `123456` minor units -> `1,234.56`, for reasons a person reads (two-decimal currencies). */
export function formatMinorUnits(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
