import type { Allocation } from './ledger.events';
import type { OpenInvoice } from './ledger.state';

export interface AllocationResult {
  allocations: Allocation[];
  /** The part of the payment that found no open amount: owed back to the payer. */
  credit: number;
}

/**
 * docs/domain.md, Money: a payment goes to the oldest open invoice first (due date, then invoice
 * number, so the order is total), unless the debtor designates invoices: those come
 * first, in the order given, and whatever is left follows the oldest-first rule.
 * Callers check that every designated number exists.
 */
export function allocate(amount: number, invoices: readonly OpenInvoice[], designated: readonly string[] = []): AllocationResult {
  const byNumber = new Map(invoices.map((invoice) => [invoice.number, invoice]));
  const designatedFirst = [...new Set(designated)].map((number) => byNumber.get(number)).filter((invoice): invoice is OpenInvoice => invoice !== undefined);
  const rest = [...invoices].filter((invoice) => !designatedFirst.includes(invoice)).sort(oldestFirst);

  const allocations: Allocation[] = [];
  let remaining = amount;
  for (const invoice of [...designatedFirst, ...rest]) {
    if (remaining === 0) break;
    const applied = Math.min(remaining, invoice.open);
    if (applied > 0) allocations.push({ invoiceNumber: invoice.number, amount: applied });
    remaining -= applied;
  }
  return { allocations, credit: remaining };
}

/** Due date, then invoice number: the order payments reach invoices when none are designated. */
export function oldestFirst(a: Pick<OpenInvoice, 'dueDate' | 'number'>, b: Pick<OpenInvoice, 'dueDate' | 'number'>): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}
