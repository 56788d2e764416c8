import { contract, DataOf } from '../contract';
import { s } from '../schema';

/** Published by debtor-contact, keyed by account id. */
export const CONTACT_CASES = 'contact.cases';

export const NoticeSent = contract({
  topic: CONTACT_CASES,
  type: 'NoticeSent.v1',
  summary: 'A notice (e.g. the first demand) went to the debtor.',
  consumers: ['reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    noticeType: s.string(),
    channel: s.string(),
    sentAt: s.instant(),
  }),
});
export type NoticeSentV1 = DataOf<typeof NoticeSent>;

export const ContactAttemptRecorded = contract({
  topic: CONTACT_CASES,
  type: 'ContactAttemptRecorded.v1',
  summary: 'A collector recorded a contact attempt and its outcome.',
  consumers: ['client-intake', 'reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    attemptId: s.string(),
    collectorId: s.string(),
    channel: s.string(),
    direction: s.string(),
    outcome: s.string(),
    rightPartyContact: s.boolean(),
    occurredAt: s.instant(),
  }),
});
export type ContactAttemptRecordedV1 = DataOf<typeof ContactAttemptRecorded>;

export const PromiseToPayMade = contract({
  topic: CONTACT_CASES,
  type: 'PromiseToPayMade.v1',
  summary: 'The debtor promised to pay an amount by a date.',
  consumers: ['reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    promiseId: s.string(),
    collectorId: s.string(),
    amount: s.int(),
    currency: s.currency(),
    dueDate: s.date(),
    madeAt: s.instant(),
  }),
});
export type PromiseToPayMadeV1 = DataOf<typeof PromiseToPayMade>;
