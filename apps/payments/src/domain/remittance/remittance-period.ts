/** How often a client is remitted, as its agreement says (default monthly). */
export type RemittancePeriodKind = 'weekly' | 'semi-monthly' | 'monthly';

export interface RemittancePeriod {
  periodStart: string;
  periodEnd: string;
}

const DAY_MS = 86_400_000;

/**
 * The period of this kind that contains `at`, in UTC: a calendar month; the 1st to the
 * 16th and the 16th to the next 1st; a week from Monday 00:00. The end is the next
 * period's start, and a payment cleared at that very instant belongs to this period.
 */
export function periodContaining(at: Date, kind: RemittancePeriodKind): RemittancePeriod {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  let start: number;
  let end: number;
  if (kind === 'monthly') {
    start = Date.UTC(y, m, 1);
    end = Date.UTC(y, m + 1, 1);
  } else if (kind === 'semi-monthly') {
    const firstHalf = at.getUTCDate() < 16;
    start = firstHalf ? Date.UTC(y, m, 1) : Date.UTC(y, m, 16);
    end = firstHalf ? Date.UTC(y, m, 16) : Date.UTC(y, m + 1, 1);
  } else {
    const midnight = Date.UTC(y, m, at.getUTCDate());
    const sinceMonday = (at.getUTCDay() + 6) % 7;
    start = midnight - sinceMonday * DAY_MS;
    end = start + 7 * DAY_MS;
  }
  return { periodStart: new Date(start).toISOString(), periodEnd: new Date(end).toISOString() };
}

/** The scheduled run of a client's period: one work item per client and period end, whoever books it. */
export const REMITTANCE_RUN = 'payments.remittance-run';
export const remittanceRunWorkId = (clientId: string, periodEnd: string) => `remittance-run-${clientId}-${periodEnd}`;
