import { Decision, reject } from '@lib/es-core';
import type { CancelAccount } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';

/** The agency cancels and returns the account to the client (closing code `cancelled`), with its reason; no cancellation fee: the agency chose to stop. */
export function decideCancelAccount(command: CancelAccount, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return reject('account-unknown', 'no such account');
  if (state.status === 'closed') return reject('account-closed', `the account is already closed (${state.closingCode})`);
  const { accountId, clientId } = state.placement;
  return [{ type: 'AccountClosed', data: { accountId, clientId, closingCode: 'cancelled', closedAt: command.now.toISOString(), reason: command.reason } }];
}
