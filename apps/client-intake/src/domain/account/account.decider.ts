import { Decider, Decision } from '@lib/es-core';
import { decideAuthorizeLegalReferral } from './authorize-legal-referral.decide';
import type { AccountCommand } from './account.commands';
import type { AccountEvent } from './account.events';
import { AccountState, evolveAccount, initialAccountState } from './account.state';
import { decideCloseAccount } from './close-account.decide';
import { decidePlaceAccount } from './place-account.decide';
import { decideReopenAfterReversal } from './reopen-after-reversal.decide';

function decide(command: AccountCommand, state: AccountState): Decision<AccountEvent> {
  switch (command.type) {
    case 'PlaceAccount':
      return decidePlaceAccount(command, state);
    case 'CloseAccount':
      return decideCloseAccount(command, state);
    case 'ReopenAfterReversal':
      return decideReopenAfterReversal(command, state);
    case 'AuthorizeLegalReferral':
      return decideAuthorizeLegalReferral(command, state);
  }
}

/** One account per placement, stream `account-<accountId>`. */
export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = {
  initialState: initialAccountState,
  evolve: evolveAccount,
  decide,
};
