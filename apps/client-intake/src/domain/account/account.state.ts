import type { AccountEvent, AccountPlaced, ClosingCode } from './account.events';

/** What every placed account carries, open or closed: the placement as received and whether the client authorized suit. */
interface PlacedAccount {
  placement: AccountPlaced['data'];
  legalAuthorized: boolean;
}

export type ActiveAccount = PlacedAccount & {
  status: 'active';
  /** When a closure was last undone; null for an account never closed. */
  reopenedAt: string | null;
};

export type ClosedAccount = PlacedAccount & {
  status: 'closed';
  closingCode: ClosingCode;
  closedAt: string;
};

/** An account as intake knows it: enough for the rules, and for a reader to show it without its own fold. */
export type AccountState = { status: 'none' } | ActiveAccount | ClosedAccount;

export const initialAccountState = (): AccountState => ({ status: 'none' });

export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountPlaced':
      return { status: 'active', placement: event.data, legalAuthorized: false, reopenedAt: null };
    case 'AccountClosed':
      if (state.status === 'none') return state;
      return { status: 'closed', placement: state.placement, legalAuthorized: state.legalAuthorized, closingCode: event.data.closingCode, closedAt: event.data.closedAt };
    case 'AccountReopened':
      if (state.status === 'none') return state;
      return { status: 'active', placement: state.placement, legalAuthorized: state.legalAuthorized, reopenedAt: event.data.reopenedAt };
    case 'LegalReferralAuthorized':
      return state.status === 'none' ? state : { ...state, legalAuthorized: true };
  }
}
