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
  consumers: ['reporting', 'debtor-contact'],
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

const promiseOutcomeFields = {
  accountId: s.string(),
  clientId: s.string(),
  promiseId: s.string(),
  /** Minor units: what was promised, and what the account's standing payments counted toward it. */
  amount: s.int(),
  paid: s.int(),
  currency: s.currency(),
  dueDate: s.date(),
};

export const PromiseKept = contract({
  topic: CONTACT_CASES,
  type: 'PromiseKept.v1',
  summary: 'Payments of at least the promised amount arrived by the due date plus the grace days.',
  consumers: ['reporting'],
  schema: s.object({ ...promiseOutcomeFields, keptAt: s.instant() }),
});
export type PromiseKeptV1 = DataOf<typeof PromiseKept>;

export const PromiseBroken = contract({
  topic: CONTACT_CASES,
  type: 'PromiseBroken.v1',
  summary: 'The due date plus the grace days passed without the promised amount paid, or the payment that kept the promise bounced.',
  consumers: ['reporting'],
  schema: s.object({ ...promiseOutcomeFields, reason: s.enum(['not-paid-in-time', 'payment-reversed'] as const), brokenAt: s.instant() }),
});
export type PromiseBrokenV1 = DataOf<typeof PromiseBroken>;

export const PaymentPlanAgreed = contract({
  topic: CONTACT_CASES,
  type: 'PaymentPlanAgreed.v1',
  summary: 'A payment plan was agreed with the debtor: its installments and the terms it is judged by.',
  consumers: ['client-intake'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    planId: s.string(),
    currency: s.currency(),
    frequency: s.enum(['weekly', 'biweekly', 'monthly'] as const),
    installments: s.array(s.object({ number: s.int(), dueDate: s.date(), amount: s.int() })),
    total: s.int(),
    graceDays: s.int(),
    missedInstallmentsToDefault: s.int(),
    agreedBy: s.string(),
    agreedAt: s.instant(),
  }),
});
export type PaymentPlanAgreedV1 = DataOf<typeof PaymentPlanAgreed>;

export const PlanInstallmentMissed = contract({
  topic: CONTACT_CASES,
  type: 'PlanInstallmentMissed.v1',
  summary: 'An installment of a plan was not covered by its due date plus the grace days.',
  consumers: [],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    planId: s.string(),
    number: s.int(),
    dueDate: s.date(),
    dueToDate: s.int(),
    paidToDate: s.int(),
    missedInstallments: s.int(),
    missedAt: s.instant(),
  }),
});
export type PlanInstallmentMissedV1 = DataOf<typeof PlanInstallmentMissed>;

export const PaymentPlanDefaulted = contract({
  topic: CONTACT_CASES,
  type: 'PaymentPlanDefaulted.v1',
  summary: 'A plan missed as many installments as its terms allow: it is over, and the account is worked again.',
  consumers: ['client-intake'],
  schema: s.object({ accountId: s.string(), clientId: s.string(), planId: s.string(), missedInstallments: s.int(), paid: s.int(), total: s.int(), defaultedAt: s.instant() }),
});
export type PaymentPlanDefaultedV1 = DataOf<typeof PaymentPlanDefaulted>;

export const PaymentPlanCompleted = contract({
  topic: CONTACT_CASES,
  type: 'PaymentPlanCompleted.v1',
  summary: "A plan's total was paid. Closing the account is payments' and intake's (AccountPaidInFull.v1, AccountClosed.v1), not this message's.",
  consumers: ['client-intake'],
  schema: s.object({ accountId: s.string(), clientId: s.string(), planId: s.string(), paid: s.int(), total: s.int(), completedAt: s.instant() }),
});
export type PaymentPlanCompletedV1 = DataOf<typeof PaymentPlanCompleted>;
