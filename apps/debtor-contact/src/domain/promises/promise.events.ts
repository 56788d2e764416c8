import type { DomainEvent } from '@lib/es-core';

/** The part of a payment counted toward one promise. */
export interface PromiseShare {
  promiseId: string;
  /** Minor units. */
  amount: number;
}

/**
 * A promise taken in a contact (`PromiseToPayMade` on the case) is followed here from then
 * on. `deadline` is the due date plus the grace days, over everywhere (`graceDeadline`).
 * `counted` are earlier-heard payments posted since the promise was made (a payment's
 * message may arrive before the promise's).
 */
export type PromiseTracked = DomainEvent<
  'PromiseTracked',
  {
    accountId: string;
    clientId: string;
    promiseId: string;
    /** Minor units. */
    amount: number;
    currency: string;
    dueDate: string;
    madeAt: string;
    graceDays: number;
    deadline: string;
    counted: Array<{ paymentId: string; amount: number }>;
  }
>;

/** A payment payments posted on the account, and which promises it counted toward (none: kept aside for a promise heard later). */
export type PromisePaymentNoted = DomainEvent<'PromisePaymentNoted', { accountId: string; paymentId: string; amount: number; postedAt: string; shares: PromiseShare[] }>;

/** A bounced payment: what it had counted toward each promise is taken back. */
export type PromisePaymentReversed = DomainEvent<'PromisePaymentReversed', { accountId: string; paymentId: string; reversedAt: string; takenBack: PromiseShare[] }>;

export type PromiseKept = DomainEvent<'PromiseKept', { accountId: string; clientId: string; promiseId: string; amount: number; currency: string; dueDate: string; paid: number; keptAt: string }>;

export const BROKEN_REASONS = ['not-paid-in-time', 'payment-reversed'] as const;
export type BrokenReason = (typeof BROKEN_REASONS)[number];

export type PromiseBroken = DomainEvent<
  'PromiseBroken',
  { accountId: string; clientId: string; promiseId: string; amount: number; currency: string; dueDate: string; paid: number; reason: BrokenReason; brokenAt: string }
>;

export type PromiseEvent = PromiseTracked | PromisePaymentNoted | PromisePaymentReversed | PromiseKept | PromiseBroken;
