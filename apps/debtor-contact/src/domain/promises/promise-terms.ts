/**
 * The terms promises and plans are judged by. The client's agreement carries none of them
 * yet (docs/debtor-contact.md, "Promises and payment plans"), so every account gets these
 * defaults; they are written on each promise and plan when it is taken, so a later change
 * of default never rejudges what was agreed under the old one.
 */
export interface ArrangementTerms {
  /** Days after a due date a payment still counts as on time. */
  graceDays: number;
  /** Most installments a plan may have. */
  maxInstallments: number;
  /** Smallest installment, minor units of the account's currency. */
  minInstallment: number;
  /** The plan defaults when this many of its installments were missed. */
  missedInstallmentsToDefault: number;
}

export const DEFAULT_ARRANGEMENT_TERMS: ArrangementTerms = { graceDays: 3, maxInstallments: 36, minInstallment: 2_500, missedInstallmentsToDefault: 2 };

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus whole days, on the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant a due date plus its grace days is over wherever the debtor may be: the end
 * of the last grace day at UTC-12, the latest zone on Earth. A payment posted before it
 * is on time; the check that breaks a promise (or misses an installment) is booked for it.
 */
export function graceDeadline(dueDate: string, graceDays: number): string {
  return `${addDays(dueDate, graceDays + 1)}T12:00:00.000Z`;
}
