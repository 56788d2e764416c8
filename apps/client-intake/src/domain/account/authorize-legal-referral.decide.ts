import { Decision, reject } from '@lib/es-core';
import type { AuthorizeLegalReferral } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';

/**
 * The client authorizes suit, agreeing to the suit fee and to advance court costs. Every
 * authorization is recorded and published, also a repeated one: legal-referral ignores one
 * that comes before its recommendation, so the client must be able to authorize again after it.
 */
export function decideAuthorizeLegalReferral(command: AuthorizeLegalReferral, state: AccountState): Decision<AccountEvent> {
  // Another client's account reads as unknown, so its existence does not leak.
  if (state.status === 'none' || state.placement.clientId !== command.clientId) return reject('account-unknown', 'no such account');
  if (state.status === 'closed') return reject('account-closed', 'a closed account cannot be referred to legal');
  if (!command.agreesToSuitFee || !command.agreesToAdvanceCosts) {
    return reject('legal-authorization-incomplete', 'suit needs the client to agree to the suit fee and to advance court costs');
  }
  const { accountId, clientId } = state.placement;
  return [{ type: 'LegalReferralAuthorized', data: { accountId, clientId, authorizedAt: command.now.toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true } }];
}
