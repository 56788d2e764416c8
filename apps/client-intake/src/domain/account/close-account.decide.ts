import { Decision, reject } from '@lib/es-core';
import type { CloseAccount } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';

/** Closing is final for the reason given; a redelivered closing of a closed account changes nothing. */
export function decideCloseAccount(command: CloseAccount, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return reject('account-unknown', 'no such account');
  if (state.status === 'closed') return [];
  const { accountId, clientId } = state.placement;
  return [{ type: 'AccountClosed', data: { accountId, clientId, closingCode: command.closingCode, closedAt: command.now.toISOString() } }];
}
