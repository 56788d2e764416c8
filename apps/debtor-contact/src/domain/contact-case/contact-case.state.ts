import { CaseDebtor, ContactCaseEvent } from './contact-case.events';

/** What every rule about a case may need to know, open or closed. */
export interface ContactCase {
  accountId: string;
  clientId: string;
  commercial: boolean;
  debtor: CaseDebtor;
  currency: string;
}

export type ContactCaseState = { status: 'none' } | ({ status: 'open' } & ContactCase) | ({ status: 'closed'; closingCode: string } & ContactCase);

export const initialContactCaseState = (): ContactCaseState => ({ status: 'none' });

export function evolveContactCase(state: ContactCaseState, event: ContactCaseEvent): ContactCaseState {
  switch (event.type) {
    case 'ContactCaseOpened': {
      const { accountId, clientId, commercial, debtor, currency } = event.data;
      return { status: 'open', accountId, clientId, commercial, debtor, currency };
    }
    case 'ContactCaseClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed', closingCode: event.data.closingCode };
    case 'ContactCaseReopened': {
      if (state.status !== 'closed') return state;
      const { closingCode: _undone, ...contactCase } = state;
      return { ...contactCase, status: 'open' };
    }
    case 'NoticeSent':
    case 'ContactAttemptRecorded':
    case 'PromiseToPayMade':
    case 'ContactAttemptRefused':
      // No rule decides on them yet; the history stays in the stream for the view and the audit.
      return state;
  }
}
