import { contract } from '../contract';

/** Published by debtor-contact, keyed by account id. */
export const CONTACT_CASES = 'contact.cases';

export interface NoticeSentV1 {
  accountId: string;
  clientId: string;
  noticeType: string;
  channel: string;
  sentAt: string;
}

export const NoticeSent = contract<NoticeSentV1>(CONTACT_CASES, 'NoticeSent.v1', {
  accountId: 'string',
  clientId: 'string',
  noticeType: 'string',
  channel: 'string',
  sentAt: 'instant',
});

export interface ContactAttemptRecordedV1 {
  accountId: string;
  clientId: string;
  attemptId: string;
  collectorId: string;
  channel: string;
  direction: string;
  outcome: string;
  rightPartyContact: boolean;
  occurredAt: string;
}

export const ContactAttemptRecorded = contract<ContactAttemptRecordedV1>(CONTACT_CASES, 'ContactAttemptRecorded.v1', {
  accountId: 'string',
  clientId: 'string',
  attemptId: 'string',
  collectorId: 'string',
  channel: 'string',
  direction: 'string',
  outcome: 'string',
  rightPartyContact: 'boolean',
  occurredAt: 'instant',
});

export interface PromiseToPayMadeV1 {
  accountId: string;
  clientId: string;
  promiseId: string;
  collectorId: string;
  amount: number;
  currency: string;
  dueDate: string;
  madeAt: string;
}

export const PromiseToPayMade = contract<PromiseToPayMadeV1>(CONTACT_CASES, 'PromiseToPayMade.v1', {
  accountId: 'string',
  clientId: 'string',
  promiseId: 'string',
  collectorId: 'string',
  amount: 'int',
  currency: 'currency',
  dueDate: 'date',
  madeAt: 'instant',
});
