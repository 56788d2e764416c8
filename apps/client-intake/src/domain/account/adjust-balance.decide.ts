import { Decision, isRejection, reject } from '@lib/es-core';
import type { AdjustBalance } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';
import { changeableAccount, changedBy } from './account-change.rules';

/** A downward adjustment larger than what is still owed would un-owe money the debtor already paid (docs/domain.md). */
export const ADJUSTMENT_BELOW_PAID = 'adjustment-below-paid';

/**
 * What the debtor owes changes, up or down, with the reason on the record. Down, it stops
 * at what the debtor has paid: an adjustment that would leave the balance below zero is
 * refused, never cut to fit or turned into a credit, because a credit owed to the debtor
 * comes only from money received (docs/client-intake.md, "Balance adjustments"). The
 * balance is the one intake last heard from payments plus the changes since.
 */
export function decideAdjustBalance(command: AdjustBalance, state: AccountState): Decision<AccountEvent> {
  const account = changeableAccount(command.requester, state);
  if (isRejection(account)) return account;
  const { amount, reason, now } = command;
  if (!Number.isSafeInteger(amount) || amount === 0) return reject('adjustment-amount-nonzero', `an adjustment is a whole, non-zero number of minor units, got ${amount}`);
  if (reason.trim() === '') return reject('adjustment-needs-reason', 'a balance adjustment needs a reason');
  const { accountId, clientId, currency } = account.placement;
  if (command.currency !== currency) return reject('currency-mismatch', `the account is kept in ${currency}, the adjustment is in ${command.currency}`);
  const { balance } = account.standing;
  if (balance + amount < 0) {
    return reject(ADJUSTMENT_BELOW_PAID, `the debtor owes ${balance}; an adjustment of ${amount} would take the balance below what was paid`, { details: { balance, amount } });
  }
  if (balance + amount > Number.MAX_SAFE_INTEGER) return reject('adjustment-amount-nonzero', `the account would owe more than ${Number.MAX_SAFE_INTEGER} minor units`);
  return [
    { type: 'BalanceAdjusted', data: { accountId, clientId, adjustmentId: command.adjustmentId, amount, currency, reason, adjustedBy: changedBy(command.requester), adjustedAt: now.toISOString() } },
  ];
}
