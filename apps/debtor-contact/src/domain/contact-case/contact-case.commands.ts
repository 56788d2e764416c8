import type { AttorneyOfRecord, CeaseMode } from '../compliance/compliance-facts.events';
import { CaseDebtor, Channel, Direction, Outcome } from './contact-case.events';

/** Intake placed an account: open its case and send the first demand at once. */
export interface OpenContactCase {
  type: 'OpenContactCase';
  accountId: string;
  clientId: string;
  commercial: boolean;
  debtor: CaseDebtor;
  currency: string;
  placedAmount: number;
  now: Date;
}

export interface PromiseGiven {
  /** Minor units. */
  amount: number;
  currency: string;
  /** YYYY-MM-DD. */
  dueDate: string;
}

/** A collector records a call, email, letter or text, perhaps with a promise to pay. */
export interface RecordContactAttempt {
  type: 'RecordContactAttempt';
  attemptId: string;
  /** Used only when a promise is given. */
  promiseId: string;
  collectorId: string;
  channel: Channel;
  direction: Direction;
  outcome: Outcome;
  /** The phone number or email address used, where the channel has one. */
  to?: string;
  notes?: string;
  promise?: PromiseGiven;
  now: Date;
}

/** Intake closed the account: the case closes with the same code. */
export interface CloseContactCase {
  type: 'CloseContactCase';
  closingCode: string;
  now: Date;
}

/** Intake reopened the account it had closed: the case opens again, with no new notice. */
export interface ReopenContactCase {
  type: 'ReopenContactCase';
  /** Intake's reason, e.g. `payment-reversed`. */
  reason: string;
  now: Date;
}

/** Intake updated the debtor's data: the case's debtor is replaced by it. */
export interface ReplaceCaseDebtor {
  type: 'ReplaceCaseDebtor';
  debtor: CaseDebtor;
  /** The fields intake said changed. */
  changed: string[];
  now: Date;
}

/** A collector or compliance officer records the debtor's request to stop contact. */
export interface RecordCeaseRequest {
  type: 'RecordCeaseRequest';
  mode: CeaseMode;
  /** YYYY-MM-DD: when the debtor's request reached the agency. */
  receivedOn: string;
  recordedBy: string;
  now: Date;
}

/** The debtor told the agency an attorney represents them about this debt. */
export interface RecordAttorneyRepresentation {
  type: 'RecordAttorneyRepresentation';
  attorney: AttorneyOfRecord;
  recordedBy: string;
  now: Date;
}

/** Legal referral found the account past its statute of limitations. */
export interface MarkCaseTimeBarred {
  type: 'MarkCaseTimeBarred';
  jurisdiction: string;
  expiredOn: string;
  citation: string;
  reason: string;
  noticedAt: string;
  now: Date;
}

export type ComplianceFactCommand = RecordCeaseRequest | RecordAttorneyRepresentation | MarkCaseTimeBarred;

export type ContactCaseCommand = OpenContactCase | RecordContactAttempt | CloseContactCase | ReopenContactCase | ReplaceCaseDebtor | ComplianceFactCommand;
