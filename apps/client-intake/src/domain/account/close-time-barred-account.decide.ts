import { Decision, reject } from '@lib/es-core';
import type { CloseTimeBarredAccount } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';

/**
 * A time-barred account closes `time-barred` when nothing else is open on it: an active
 * payment plan or an open dispute is still being worked (the debtor pays or the dispute is
 * decided, whatever the courts may no longer do), so the closing is held and staff close it
 * by hand once they are done (`POST /accounts/:id/close`). A closed account stays as it is.
 */
export function decideCloseTimeBarredAccount(command: CloseTimeBarredAccount, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return reject('account-unknown', 'no such account');
  if (state.status === 'closed') return [];
  const open = [...(state.standing.planActive ? ['a payment plan is active'] : []), ...(state.standing.disputeOpen ? ['a dispute is open'] : [])];
  if (open.length > 0) return reject('time-barred-closing-held', `time-barred since ${command.expiredOn}, but ${open.join(' and ')}: close it by hand when done`);
  const { accountId, clientId } = state.placement;
  return [{ type: 'AccountClosed', data: { accountId, clientId, closingCode: 'time-barred', closedAt: command.now.toISOString(), reason: `statute of limitations: ${command.reason}` } }];
}
