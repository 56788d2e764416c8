import type { DomainEvent } from '@lib/es-core';
import type { MessageEvent } from '../communications/message.events';
import type { DisputeEvent } from '../disputes/dispute.events';
import type { HoldEvent } from '../holds/hold.events';
import type { ComplianceFactEvent } from '../compliance/compliance-facts.events';

export const CHANNELS = ['call', 'email', 'letter', 'text'] as const;
export const DIRECTIONS = ['outbound', 'inbound'] as const;
export const OUTCOMES = ['right-party-contact', 'left-message', 'no-answer', 'wrong-number', 'refused'] as const;

export type Channel = (typeof CHANNELS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Outcome = (typeof OUTCOMES)[number];

/** Consent: the debtor agreed to be reached there. Do-not-contact: never use it, consent or not. */
export interface CasePhone {
  number: string;
  consent: boolean;
  doNotContact: boolean;
}

export interface CaseEmail {
  address: string;
  consent: boolean;
  doNotContact: boolean;
}

export interface CaseAddress {
  lines: string[];
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
}

/**
 * The debtor as placed: what contact rules need (kind for the window, address for the
 * zone, the phones and emails with their flags). Cases opened before placements carried
 * contacts have none of the lists: no phone or email is known for them.
 */
export interface CaseDebtor {
  kind: string;
  legalName: string;
  country: string;
  region?: string;
  taxId?: string;
  addresses?: CaseAddress[];
  phones?: CasePhone[];
  emails?: CaseEmail[];
}

/** One entry of the compliance decision ledger: which rule, which version, what it said. */
export interface ComplianceDecision {
  rule: string;
  version: number;
  decision: 'allow';
  /** The zones the debtor's local time was judged in (call-window v2 on): every one, where the address leaves several. */
  timeZones?: string[];
}

export type ContactCaseOpened = DomainEvent<
  'ContactCaseOpened',
  {
    accountId: string;
    clientId: string;
    commercial: boolean;
    debtor: CaseDebtor;
    currency: string;
    /** Minor units. */
    placedAmount: number;
    openedAt: string;
  }
>;

export type NoticeSent = DomainEvent<'NoticeSent', { accountId: string; clientId: string; noticeType: string; channel: Channel; sentAt: string }>;

/** When it happened is the event's metadata `occurredAt`. */
export type ContactAttemptRecorded = DomainEvent<
  'ContactAttemptRecorded',
  {
    accountId: string;
    clientId: string;
    attemptId: string;
    /** The principal who recorded it. */
    collectorId: string;
    channel: Channel;
    direction: Direction;
    outcome: Outcome;
    /** The phone number or email address used, when the collector named it. */
    to?: string;
    notes?: string;
    rightPartyContact: boolean;
    /** When it was tried (the command's now): what the frequency rules count. Absent on attempts recorded before they did. */
    attemptedAt?: string;
    /** Every rule that allowed the attempt, with its version: the evidence of compliance. */
    compliance: ComplianceDecision[];
  }
>;

export type PromiseToPayMade = DomainEvent<
  'PromiseToPayMade',
  {
    accountId: string;
    clientId: string;
    promiseId: string;
    /** The attempt in which the debtor promised. */
    attemptId: string;
    collectorId: string;
    /** Minor units. */
    amount: number;
    currency: string;
    /** YYYY-MM-DD, the debtor's calendar. */
    dueDate: string;
  }
>;

/** A contact a compliance rule blocked, kept on the record with the rule that blocked it. */
export type ContactAttemptRefused = DomainEvent<
  'ContactAttemptRefused',
  { accountId: string; clientId: string; rule: string; version: number; channel: Channel; reason: string; timeZones?: string[] }
>;

export type ContactCaseClosed = DomainEvent<'ContactCaseClosed', { accountId: string; clientId: string; closingCode: string; closedAt: string }>;

/** A closed case open again (intake reopened the account, e.g. a payment bounced): contact is allowed again. */
export type ContactCaseReopened = DomainEvent<
  'ContactCaseReopened',
  {
    accountId: string;
    clientId: string;
    /** The closing code of the closure this undoes, as this case recorded it. */
    previousClosingCode: string;
    /** Intake's reason, e.g. `payment-reversed`. */
    reason: string;
    reopenedAt: string;
  }
>;

/** Intake says the debtor's data changed: the case's debtor (its contacts and their flags too) is replaced by it. */
export type CaseDebtorReplaced = DomainEvent<'CaseDebtorReplaced', { accountId: string; clientId: string; debtor: CaseDebtor; changed: string[]; replacedAt: string }>;

export type ContactCaseEvent =
  | ContactCaseOpened
  | NoticeSent
  | ContactAttemptRecorded
  | PromiseToPayMade
  | ContactAttemptRefused
  | ContactCaseClosed
  | ContactCaseReopened
  | MessageEvent
  | CaseDebtorReplaced
  | HoldEvent
  | DisputeEvent
  | ComplianceFactEvent;
