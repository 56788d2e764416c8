import { Decision, reject } from '@lib/es-core';
import type { CloseSettledAccount } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';

/** Who wrote the rest off, on the adjustment's record: the settlement, approved through debtor contact. */
export const SETTLEMENT_WRITER = { role: 'system', id: 'debtor-contact' };

/**
 * A paid settlement writes the rest of the balance off and closes the account `settled`,
 * in one decision. The adjustment says it is a settlement's write-off, so payments does not
 * announce the account paid in full when it brings the balance to zero. The write-off is what payments
 * said was left, never more than intake knows is owed (docs/debtor-contact.md, "Settlements").
 */
export function decideCloseSettledAccount(command: CloseSettledAccount, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return reject('account-unknown', 'no such account');
  if (state.status === 'closed') return [];
  const { accountId, clientId, currency } = state.placement;
  if (command.currency !== currency) return reject('currency-mismatch', `the account is kept in ${currency}, the settlement in ${command.currency}`);
  const at = command.now.toISOString();
  const writeOff = Math.min(command.writeOff, state.standing.balance);
  const reason = `settlement ${command.settlementId} paid (${command.paid} of ${command.amount} ${currency}): the rest written off`;
  const adjusted: AccountEvent[] =
    writeOff > 0
      ? [{ type: 'BalanceAdjusted', data: { accountId, clientId, adjustmentId: `settlement-${command.settlementId}`, amount: -writeOff, currency, reason, adjustedBy: SETTLEMENT_WRITER, adjustedAt: at, kind: 'settlement-write-off' } }]
      : [];
  return [...adjusted, { type: 'AccountClosed', data: { accountId, clientId, closingCode: 'settled', closedAt: at, reason } }];
}
