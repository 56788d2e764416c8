import type { RecordedEvent } from '@lib/es-core';
import { debtorTimeZones } from '../../domain/debtor-time/debtor-time';
import { CaseDebtor, Channel, ContactCaseEvent, Direction, Outcome } from '../../domain/contact-case/contact-case.events';

export interface ContactCaseView {
  accountId: string;
  clientId: string;
  status: 'open' | 'closed';
  /** While closed: the closing code. */
  closingCode?: string;
  commercial: boolean;
  debtor: CaseDebtor;
  /** The zone contact windows and promise dates are judged in; null where the address leaves more than one (or none). */
  debtorTimeZone: string | null;
  /** Every zone the debtor may be in: a call must fall inside its window in each. Empty: no zone known, no call. */
  debtorTimeZones: string[];
  currency: string;
  placedAmount: number;
  openedAt: string;
  /** While closed: when. */
  closedAt?: string;
  /** Once reopened: the latest reopening, when, why, and the closing code it undid. Kept if the case closes again. */
  reopenedAt?: string;
  reopenReason?: string;
  previousClosingCode?: string;
  notices: Array<{ noticeType: string; channel: string; sentAt: string }>;
  attempts: number;
  rightPartyContacts: number;
  promises: Array<{ promiseId: string; attemptId: string; amount: number; currency: string; dueDate: string; madeAt: string; collectorId: string }>;
  lastContact: { attemptId: string; at: string; channel: Channel; direction: Direction; outcome: Outcome; collectorId: string } | null;
  /** Contacts the compliance rules refused, with the rule and its version. */
  refusals: Array<{ rule: string; version: number; channel: Channel; reason: string; timeZones?: string[]; at: string; by: string }>;
}

/** The case as its stored events tell it; times come from each event's metadata. Undefined: no case. */
export function contactCaseView(stored: readonly RecordedEvent[]): ContactCaseView | undefined {
  let view: ContactCaseView | undefined;
  for (const recorded of stored) {
    const event = recorded as unknown as ContactCaseEvent;
    const at = recorded.metadata.occurredAt;
    if (event.type === 'ContactCaseOpened') {
      const { accountId, clientId, commercial, debtor, currency, placedAmount, openedAt } = event.data;
      const zones = debtorTimeZones(debtor.country, debtor.region);
      view = {
        accountId,
        clientId,
        status: 'open',
        commercial,
        debtor,
        debtorTimeZone: zones.length === 1 ? zones[0] : null,
        debtorTimeZones: [...zones],
        currency,
        placedAmount,
        openedAt,
        notices: [],
        attempts: 0,
        rightPartyContacts: 0,
        promises: [],
        lastContact: null,
        refusals: [],
      };
      continue;
    }
    if (!view) continue;
    switch (event.type) {
      case 'NoticeSent':
        view.notices.push({ noticeType: event.data.noticeType, channel: event.data.channel, sentAt: event.data.sentAt });
        break;
      case 'ContactAttemptRecorded': {
        const { attemptId, channel, direction, outcome, collectorId, rightPartyContact } = event.data;
        view.attempts += 1;
        view.rightPartyContacts += rightPartyContact ? 1 : 0;
        view.lastContact = { attemptId, at, channel, direction, outcome, collectorId };
        break;
      }
      case 'PromiseToPayMade': {
        const { promiseId, attemptId, amount, currency, dueDate, collectorId } = event.data;
        view.promises.push({ promiseId, attemptId, amount, currency, dueDate, madeAt: at, collectorId });
        break;
      }
      case 'ContactAttemptRefused': {
        const { rule, version, channel, reason, timeZones } = event.data;
        view.refusals.push({ rule, version, channel, reason, ...(timeZones ? { timeZones } : {}), at, by: recorded.metadata.principal.id });
        break;
      }
      case 'ContactCaseClosed':
        view.status = 'closed';
        view.closingCode = event.data.closingCode;
        view.closedAt = event.data.closedAt;
        break;
      case 'ContactCaseReopened':
        // The closure no longer describes the case; the reopening says what it was.
        view.status = 'open';
        delete view.closingCode;
        delete view.closedAt;
        view.reopenedAt = event.data.reopenedAt;
        view.reopenReason = event.data.reason;
        view.previousClosingCode = event.data.previousClosingCode;
        break;
    }
  }
  return view;
}
