/** One invoice as placed: the creditor's claim before the account came to the agency. */
export interface PlacedInvoice {
  number: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** Minor units. */
  originalAmount: number;
}

/**
 * The itemization a validation notice shows (see docs/domain.md, "Contact compliance"):
 * what was owed on the itemization date, and each change since, so that
 * `amountThen + interest + fees - payments - credits = currentAmount`. All minor units.
 */
export interface Itemization {
  /** YYYY-MM-DD: the latest invoice due date (the last statement the debtor received). */
  itemizationDate: string;
  amountThen: number;
  interest: number;
  fees: number;
  payments: number;
  credits: number;
  currentAmount: number;
  currency: string;
}

/**
 * The itemization of a placed account. The agency adds no interest or fees; what the
 * client placed below the invoices' total was paid or credited before placement, and is
 * shown as credits (a placement above the total would be interest or fees the client
 * claims, shown as fees). The itemization date is the latest due date.
 */
export function itemizationOf(invoices: readonly PlacedInvoice[], placedAmount: number, currency: string): Itemization {
  if (invoices.length === 0) throw new RangeError('an itemization needs at least one invoice');
  const amountThen = invoices.reduce((sum, invoice) => sum + invoice.originalAmount, 0);
  const itemizationDate = invoices.map((invoice) => invoice.dueDate).reduce((latest, date) => (date > latest ? date : latest));
  const difference = placedAmount - amountThen;
  return {
    itemizationDate,
    amountThen,
    interest: 0,
    fees: difference > 0 ? difference : 0,
    payments: 0,
    credits: difference < 0 ? -difference : 0,
    currentAmount: placedAmount,
    currency,
  };
}
