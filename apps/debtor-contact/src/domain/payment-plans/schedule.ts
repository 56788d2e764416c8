import { addDays, graceDeadline } from '../promises/promise-terms';
import type { Installment, PlanFrequency } from './payment-plan.events';

/**
 * The due date of installment `index` (from 0). Monthly keeps the first date's day of the
 * month, or the month's last day where it has fewer days (a plan from 31 January falls due
 * 28 February, then 31 March).
 */
export function installmentDueDate(firstDueDate: string, frequency: PlanFrequency, index: number): string {
  if (frequency === 'weekly') return addDays(firstDueDate, 7 * index);
  if (frequency === 'biweekly') return addDays(firstDueDate, 14 * index);
  const [year, month, day] = firstDueDate.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + index, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function planSchedule(firstDueDate: string, frequency: PlanFrequency, amounts: readonly number[], graceDays: number): Installment[] {
  return amounts.map((amount, index) => {
    const dueDate = installmentDueDate(firstDueDate, frequency, index);
    return { number: index + 1, dueDate, amount, deadline: graceDeadline(dueDate, graceDays) };
  });
}
