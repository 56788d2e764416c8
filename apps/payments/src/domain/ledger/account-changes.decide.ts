import { Decision, reject } from '@lib/es-core';
import { allocate } from './allocate';
import type { AddLedgerInvoice, AdjustOpenBalance } from './ledger.commands';
import type { AccountPaidInFull, LedgerEvent, OpenBalanceAdjusted } from './ledger.events';
import { balanceOf, LedgerState, OpenLedgerState } from './ledger.state';

/** The open item an upward adjustment opens: named after the adjustment, so it never meets an invoice number. */
export const adjustmentItemNumber = (adjustmentId: string) => `adjustment-${adjustmentId}`;

/**
 * An invoice the client added: a new open item, which payments reach by the allocation
 * rules as any other. The same invoice heard again changes nothing.
 */
export function decideAddLedgerInvoice(command: AddLedgerInvoice, state: LedgerState): Decision<LedgerEvent> {
  if (state.status === 'none') return reject('ledger-unknown', 'no ledger for this account');
  if (command.currency !== state.currency) return reject('currency-mismatch', `the account is kept in ${state.currency}, the invoice is in ${command.currency}`);
  if (state.invoices.some((invoice) => invoice.number === command.invoice.number)) return [];
  const { number, dueDate, amount } = command.invoice;
  return [
    {
      type: 'LedgerInvoiceAdded',
      data: { accountId: state.accountId, clientId: state.clientId, invoice: { number, dueDate, amount }, currency: state.currency, balanceAfter: balanceOf(state) + amount, addedAt: command.now.toISOString() },
    },
  ];
}

/**
 * A balance adjustment: up, a new open item due the day of the adjustment; down, taken
 * off the open items oldest first (the allocation rules of a payment, unchanged), never
 * below zero. Intake refused any adjustment below what was paid as it knew it; a payment
 * posted here since can still leave less open, and then only what is open comes off
 * (`applied`). A balance adjusted to zero is paid in full: nothing is left to collect;
 * except by a settlement's write-off, which closes the account `settled` in intake, and a
 * settled account was not paid in full (docs/payments.md). The same adjustment heard again
 * changes nothing.
 */
export function decideAdjustOpenBalance(command: AdjustOpenBalance, state: LedgerState): Decision<LedgerEvent> {
  if (state.status === 'none') return reject('ledger-unknown', 'no ledger for this account');
  if (command.currency !== state.currency) return reject('currency-mismatch', `the account is kept in ${state.currency}, the adjustment is in ${command.currency}`);
  if ((state.adjustmentIds ?? []).includes(command.adjustmentId)) return [];
  const balance = balanceOf(state);
  const adjustedAt = command.now.toISOString();
  const base = {
    accountId: state.accountId,
    clientId: state.clientId,
    adjustmentId: command.adjustmentId,
    amount: command.amount,
    currency: state.currency,
    reason: command.reason,
    adjustedAt,
    ...(command.kind ? { kind: command.kind } : {}),
  };
  if (command.amount > 0) {
    const openItem = { number: adjustmentItemNumber(command.adjustmentId), dueDate: adjustedAt.slice(0, 10), amount: command.amount };
    return [{ type: 'OpenBalanceAdjusted', data: { ...base, applied: command.amount, openItem, allocations: [], balanceAfter: balance + command.amount } }];
  }
  const { allocations, credit } = allocate(-command.amount, state.invoices);
  // Negative: what came off; less than asked only when less was open.
  const applied = command.amount + credit;
  const adjusted: OpenBalanceAdjusted = { type: 'OpenBalanceAdjusted', data: { ...base, applied, openItem: null, allocations, balanceAfter: balance + applied } };
  // A write-off (a settlement's rest, or one a supervisor approved) that reaches zero did not pay the account: no paid in full.
  if (command.kind !== undefined) return [adjusted];
  return withPaidInFull(state, adjusted, command.now);
}

function withPaidInFull(state: OpenLedgerState, adjusted: OpenBalanceAdjusted, now: Date): LedgerEvent[] {
  if (adjusted.data.balanceAfter > 0 || state.paidInFullAnnounced) return [adjusted];
  const paid: AccountPaidInFull = { type: 'AccountPaidInFull', data: { accountId: state.accountId, clientId: state.clientId, paidAt: now.toISOString() } };
  return [adjusted, paid];
}
