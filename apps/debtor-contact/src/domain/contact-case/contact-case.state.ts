import type { Dispute } from '../disputes/disputes.state';
import { evolveDisputes } from '../disputes/disputes.state';
import type { Hold } from '../holds/holds.state';
import { evolveHolds } from '../holds/holds.state';
import { ComplianceFacts, evolveComplianceFacts } from '../compliance/compliance-facts';
import { CaseDebtor, ContactCaseEvent } from './contact-case.events';

/** The latest time intake reopened the account, as the case recorded it. */
export interface Reopening {
  reopenedAt: string;
  /** Intake's reason, e.g. `payment-reversed`. */
  reason: string;
  /** The closing code of the closure the reopening undid. */
  previousClosingCode: string;
}

/** What every rule about a case may need to know, open or closed, and what a reader is shown of it. */
export interface ContactCase {
  accountId: string;
  clientId: string;
  commercial: boolean;
  debtor: CaseDebtor;
  currency: string;
  /** Minor units, as placed. */
  placedAmount: number;
  openedAt: string;
  /** Once reopened: the latest reopening, kept if the case closes again. */
  lastReopening?: Reopening;
  /** Every hold placed on the case, lifted or not (domain/holds). */
  holds?: Hold[];
  /** Every dispute opened on the case, resolved or not (domain/disputes). */
  disputes?: Dispute[];
  /** What the rules that read the case's past need (domain/compliance/compliance-facts.ts); absent until one of its events. */
  compliance?: ComplianceFacts;
}

export type ContactCaseState =
  | { status: 'none' }
  | ({ status: 'open' } & ContactCase)
  | ({ status: 'closed'; closingCode: string; closedAt: string } & ContactCase);

export const initialContactCaseState = (): ContactCaseState => ({ status: 'none' });

export function evolveContactCase(state: ContactCaseState, event: ContactCaseEvent): ContactCaseState {
  switch (event.type) {
    case 'ContactCaseOpened': {
      const { accountId, clientId, commercial, debtor, currency, placedAmount, openedAt } = event.data;
      return { status: 'open', accountId, clientId, commercial, debtor, currency, placedAmount, openedAt };
    }
    case 'ContactCaseClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed', closingCode: event.data.closingCode, closedAt: event.data.closedAt };
    case 'ContactCaseReopened': {
      if (state.status !== 'closed') return state;
      // The closure no longer describes the case; the reopening says what it was.
      const { closingCode: _undone, closedAt: _undoneAt, ...contactCase } = state;
      const { reopenedAt, reason, previousClosingCode } = event.data;
      return { ...contactCase, status: 'open', lastReopening: { reopenedAt, reason, previousClosingCode } };
    }
    case 'CaseDebtorReplaced':
      return state.status === 'none' ? state : { ...state, debtor: event.data.debtor };
    case 'AccountHoldPlaced':
    case 'AccountHoldLifted':
    case 'BankruptcyDischarged':
    case 'ContactDataFound':
      return state.status === 'none' ? state : evolveHolds(state, event);
    case 'DisputeOpened':
    case 'DisputeResolved':
      return state.status === 'none' ? state : evolveDisputes(state, event);
    case 'CeaseRequestRecorded':
    case 'AttorneyRepresentationRecorded':
    case 'CaseTimeBarred':
    case 'ContactAttemptRecorded':
    case 'MessageSent':
      return state.status === 'none' ? state : { ...state, compliance: evolveComplianceFacts(state.compliance, event) };
    case 'NoticeSent':
    case 'PromiseToPayMade':
    case 'ContactAttemptRefused':
    case 'MessageQueued':
    case 'MessageCancelled':
    case 'MessageFailed':
      // No rule decides on them yet; the history stays in the stream for the view and the audit.
      return state;
  }
}
