import { Decider, Decision, reject } from '@lib/es-core';
import { AccountEvent, ClosingCode } from './account.events';
import { decidePlaceAccount, PlaceAccount } from './place-account.decide';

export type AccountCommand =
  | ({ type: 'PlaceAccount' } & PlaceAccount)
  | { type: 'CloseAccount'; closingCode: ClosingCode; now: Date }
  | { type: 'ReopenAfterReversal'; paymentId: string; balanceAfter: number; now: Date }
  | { type: 'AuthorizeLegalReferral'; clientId: string; agreesToSuitFee: boolean; agreesToAdvanceCosts: boolean; now: Date };

export type AccountState =
  | { status: 'none' }
  | {
      status: 'active' | 'closed';
      accountId: string;
      clientId: string;
      clientReference: string;
      legalAuthorized: boolean;
      /** Why the account is closed; absent while it is active. */
      closingCode?: ClosingCode;
    };

export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountPlaced':
      return { status: 'active', accountId: event.data.accountId, clientId: event.data.clientId, clientReference: event.data.clientReference, legalAuthorized: false };
    case 'AccountClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed', closingCode: event.data.closingCode };
    case 'AccountReopened':
      return state.status === 'none' ? state : { ...state, status: 'active', closingCode: undefined };
    case 'LegalReferralAuthorized':
      return state.status === 'none' ? state : { ...state, legalAuthorized: true };
  }
}

function decide(command: AccountCommand, state: AccountState): Decision<AccountEvent> {
  switch (command.type) {
    case 'PlaceAccount':
      return decidePlaceAccount(command, state);
    case 'CloseAccount':
      if (state.status === 'none') return reject('account-unknown', 'no such account');
      if (state.status === 'closed') return [];
      return [{ type: 'AccountClosed', data: { accountId: state.accountId, clientId: state.clientId, closingCode: command.closingCode, closedAt: command.now.toISOString() } }];
    case 'ReopenAfterReversal':
      return decideReopenAfterReversal(command, state);
    case 'AuthorizeLegalReferral':
      if (state.status === 'none' || state.clientId !== command.clientId) return reject('account-unknown', 'no such account');
      if (state.status === 'closed') return reject('account-closed', 'a closed account cannot be referred to legal');
      if (!command.agreesToSuitFee || !command.agreesToAdvanceCosts) {
        return reject('legal-authorization-incomplete', 'suit needs the client to agree to the suit fee and to advance court costs');
      }
      // Every authorization is recorded and published, also a repeated one: legal-referral
      // ignores one that comes before its recommendation, so the client must be able to
      // authorize again after it.
      return [
        {
          type: 'LegalReferralAuthorized',
          data: { accountId: state.accountId, clientId: state.clientId, authorizedAt: command.now.toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true },
        },
      ];
  }
}

/**
 * A payment that bounced after the account closed as paid in full leaves a balance again,
 * so the account is worked again. Only a paid-in-full closure is undone: an account the
 * client recalled, or closed for any other reason, stays closed whatever its ledger says.
 */
function decideReopenAfterReversal(command: Extract<AccountCommand, { type: 'ReopenAfterReversal' }>, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return reject('account-unknown', 'no such account');
  if (state.status !== 'closed' || state.closingCode !== 'paid-in-full' || command.balanceAfter <= 0) return [];
  return [
    {
      type: 'AccountReopened',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        previousClosingCode: state.closingCode,
        reason: 'payment-reversed',
        paymentId: command.paymentId,
        balance: command.balanceAfter,
        reopenedAt: command.now.toISOString(),
      },
    },
  ];
}

export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveAccount,
  decide,
};
