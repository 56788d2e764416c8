import { reject, Rejection } from '@lib/es-core';
import type { Requester } from './account.commands';
import type { AccountEvent, ChangedBy } from './account.events';
import type { AccountState, ActiveAccount } from './account.state';

/**
 * The account a change after placement (an added invoice, a balance adjustment, a debtor
 * update) may touch: placed, the requesting client's own (staff may change any), and not
 * closed: a closed account is changed only by reopening it.
 */
export function changeableAccount(requester: Requester, state: AccountState): ActiveAccount | Rejection<AccountEvent> {
  // Another client's account reads as unknown, so its existence does not leak.
  if (state.status === 'none' || (requester.role === 'client' && state.placement.clientId !== requester.id)) return reject('account-unknown', 'no such account');
  if (state.status === 'closed') return reject('account-closed', `the account is closed (${state.closingCode}); it takes no more changes`);
  return state;
}

export const changedBy = ({ role, id }: Requester): ChangedBy => ({ role, id });
