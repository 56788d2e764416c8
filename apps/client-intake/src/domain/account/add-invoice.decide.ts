import { Decision, isRejection, reject } from '@lib/es-core';
import type { AddInvoice } from './account.commands';
import type { AccountEvent, Invoice } from './account.events';
import type { AccountState } from './account.state';
import { changeableAccount, changedBy } from './account-change.rules';
import { FieldProblem, INVOICE_NOT_YET_DUE } from './place-account.decide';

/** An added invoice breaks a rule of the account it joins; every problem is listed (rule `invoice-invalid`, 400). */
export const INVOICE_INVALID = 'invoice-invalid';
export const INVOICE_ALREADY_ON_ACCOUNT = 'invoice-already-on-account';

/**
 * The rules an invoice added after placement meets, the placement's rules (docs/domain.md,
 * Placement): already due, not issued in the future, due on or after its issue, in the
 * account's currency, a number the account does not hold yet, and the account's total
 * still a safe integer. Runs on what of a request parsed, so field problems and these
 * come back in one answer.
 */
export function addedInvoiceProblems(invoice: Partial<Invoice>, account: { currency: string; invoices: readonly Invoice[]; balance: number }, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const today = now.toISOString().slice(0, 10);
  if (invoice.number !== undefined && account.invoices.some((held) => held.number === invoice.number)) {
    problems.push({ field: 'number', rule: INVOICE_ALREADY_ON_ACCOUNT, reason: `invoice ${invoice.number} is already on this account` });
  }
  if (invoice.currency !== undefined && invoice.currency !== account.currency) {
    problems.push({ field: 'currency', rule: 'currency-mismatch', reason: `the account is kept in ${account.currency}, the invoice is in ${invoice.currency}` });
  }
  if (invoice.issueDate !== undefined && invoice.dueDate !== undefined && invoice.dueDate < invoice.issueDate) problems.push({ field: 'dueDate', reason: 'must not be before issueDate' });
  if (invoice.dueDate !== undefined && invoice.dueDate > today) {
    problems.push({ field: 'dueDate', rule: INVOICE_NOT_YET_DUE, reason: `the invoice is not yet due: it falls due ${invoice.dueDate}, after today ${today}` });
  }
  if (invoice.issueDate !== undefined && new Date(invoice.issueDate).getTime() > now.getTime()) problems.push({ field: 'issueDate', reason: 'must not be in the future' });
  if (invoice.originalAmount !== undefined && account.balance + invoice.originalAmount > Number.MAX_SAFE_INTEGER) {
    problems.push({ field: 'originalAmount', reason: `the account would owe more than ${Number.MAX_SAFE_INTEGER} minor units` });
  }
  return problems;
}

/** One more invoice of the same debtor on the account: what the debtor owes grows by its amount. */
export function decideAddInvoice(command: AddInvoice, state: AccountState): Decision<AccountEvent> {
  const account = changeableAccount(command.requester, state);
  if (isRejection(account)) return account;
  const { accountId, clientId, currency, invoices } = account.placement;
  const problems = addedInvoiceProblems(command.invoice, { currency, invoices, balance: account.standing.balance }, command.now);
  if (problems.length > 0) return reject(INVOICE_INVALID, 'the invoice cannot be added', { details: { problems } });
  return [{ type: 'InvoiceAdded', data: { accountId, clientId, invoice: { ...command.invoice }, addedBy: changedBy(command.requester), addedAt: command.now.toISOString() } }];
}
