import { Decision, reject } from '@lib/es-core';
import type { WriteOffBalance } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';

/** Who wrote the balance off, on the adjustment's record: the write-off, approved through debtor contact. */
export const WRITE_OFF_WRITER = { role: 'system', id: 'debtor-contact' };

/**
 * An approved write-off is a downward balance adjustment (published, so payments follows),
 * never more than intake knows is owed. A full one, or one that reaches zero, closes the
 * account `written-off` in the same decision, so the paid in full payments announces when
 * the balance reaches zero finds the account closed already (docs/debtor-contact.md,
 * "Write-offs"). A write-off arriving on a closed account changes nothing.
 */
export function decideWriteOffBalance(command: WriteOffBalance, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return reject('account-unknown', 'no such account');
  if (state.status === 'closed') return [];
  const { accountId, clientId, currency } = state.placement;
  if (command.currency !== currency) return reject('currency-mismatch', `the account is kept in ${currency}, the write-off in ${command.currency}`);
  const at = command.now.toISOString();
  const balance = state.standing.balance;
  const writeOff = Math.min(command.full ? balance : command.writeOff, balance);
  const reason = `write-off ${command.writeOffId} approved (${command.reason}): ${writeOff} ${currency} written off`;
  const adjusted: AccountEvent[] =
    writeOff > 0
      ? [{ type: 'BalanceAdjusted', data: { accountId, clientId, adjustmentId: `write-off-${command.writeOffId}`, amount: -writeOff, currency, reason, adjustedBy: WRITE_OFF_WRITER, adjustedAt: at, kind: 'write-off' } }]
      : [];
  const closes = command.full || writeOff >= balance;
  return closes ? [...adjusted, { type: 'AccountClosed', data: { accountId, clientId, closingCode: 'written-off', closedAt: at, reason } }] : adjusted;
}
