import type { ProjectedEvent } from '@lib/read-models';

/**
 * Days and months as the reports count them: UTC calendar days (`YYYY-MM-DD`) and months
 * (`YYYY-MM`), the form business dates take (an import's dates are 00:00 UTC).
 */
const DAY_MS = 86_400_000;

/** The business instant of an event: its `effective-at` (an import's day) when it has one, else the instant its data names. */
export function businessInstantOf(event: ProjectedEvent, fromData: string): string {
  const effectiveAt: unknown = event.metadata.effectiveAt;
  return typeof effectiveAt === 'string' && !Number.isNaN(Date.parse(effectiveAt)) ? new Date(effectiveAt).toISOString() : new Date(fromData).toISOString();
}

/** The first instant after the day `date` (`YYYY-MM-DD`): what happened before it happened on or before that day. */
export function endOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`) + DAY_MS;
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

/** The UTC month (`YYYY-MM`) of an instant or a date. */
export function monthOf(instantOrDate: string): string {
  return new Date(instantOrDate.length === 10 ? `${instantOrDate}T00:00:00.000Z` : instantOrDate).toISOString().slice(0, 7);
}

/** The first instant of the month `months` after `month` (`YYYY-MM`). */
export function startOfMonthAfter(month: string, months: number): number {
  const [year, index] = month.split('-').map(Number);
  return Date.UTC(year, index - 1 + months, 1);
}

/** Months from `from` to `to` (`YYYY-MM`), 0 for the same month. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

/** Every month from `from` to `to` (`YYYY-MM-DD` or `YYYY-MM`), both included. */
export function monthsFromTo(from: string, to: string): string[] {
  const first = monthOf(from);
  const count = monthsBetween(first, monthOf(to));
  return Array.from({ length: count + 1 }, (_, i) => new Date(startOfMonthAfter(first, i)).toISOString().slice(0, 7));
}

/** The UTC day (`YYYY-MM-DD`) of an instant. */
export function dayOf(instant: Date | string): string {
  return new Date(instant).toISOString().slice(0, 10);
}
