import { endOfDay, monthOf, monthsBetween, startOfMonthAfter } from './business-calendar';
import type { Receivable } from './receivables.projection';
import { recoveryRateBp } from './recovery-rate';

/** Collected by the end of the `months`th month of the cohort (its placement month is month 1). */
export interface LiquidationPoint {
  months: number;
  /** Minor units: allocated to the debt (over-payment credit excluded), less reversals, by the end of that month. */
  collected: number;
  /** `collected` / `placedAmount`, basis points, half up. */
  shareBp: number;
}

export interface LiquidationCohort {
  /** `YYYY-MM`: the placement month (business date). */
  month: string;
  currency: string;
  accounts: number;
  placedAmount: number;
  /** Month 1 up to the month of the report's `asOf`; the last point is month to date. */
  points: LiquidationPoint[];
}

/**
 * Liquidation curves of a set of accounts by placement month and currency, as of the end
 * of `asOf`: for each cohort, the share of what was placed that was collected by the end
 * of month 1 (the placement month), 2, 3, ... up to `asOf`'s month (to date). A reversal
 * comes off in the month it happened, so a curve may step down. Cohorts placed after
 * `asOf`, and movements after it, are left out.
 */
export class LiquidationTally {
  private readonly cohorts = new Map<string, { month: string; currency: string; accounts: number; placedAmount: number; collectedBy: number[] }>();

  constructor(private readonly asOf: string) {}

  add(receivable: Receivable): void {
    const cutoff = endOfDay(this.asOf);
    if (!receivable.placedAt || !receivable.placedMonth || !receivable.currency || Date.parse(receivable.placedAt) >= cutoff) return;
    const points = monthsBetween(receivable.placedMonth, monthOf(this.asOf)) + 1;
    const key = `${receivable.placedMonth}|${receivable.currency}`;
    const cohort = this.cohorts.get(key) ?? { month: receivable.placedMonth, currency: receivable.currency, accounts: 0, placedAmount: 0, collectedBy: Array<number>(points).fill(0) };
    this.cohorts.set(key, cohort);
    cohort.accounts += 1;
    cohort.placedAmount += receivable.placedAmount;
    for (const movement of receivable.movements) {
      if (movement.kind === 'adjustment') continue;
      const at = Date.parse(movement.at);
      if (at >= cutoff) continue;
      for (let month = 1; month <= points; month += 1) {
        if (at < startOfMonthAfter(receivable.placedMonth, month)) cohort.collectedBy[month - 1] += movement.amount;
      }
    }
  }

  result(): LiquidationCohort[] {
    return [...this.cohorts.values()]
      .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
      .map(({ month, currency, accounts, placedAmount, collectedBy }) => ({
        month,
        currency,
        accounts,
        placedAmount,
        points: collectedBy.map((collected, index) => ({ months: index + 1, collected, shareBp: recoveryRateBp(collected, placedAmount) })),
      }));
  }
}
