import type { DomainEvent } from '@lib/es-core';
import type { HoldNotedEvent } from '../holds/hold-noted.events';

/** A legal criterion that refused, with why; the list is shown to staff and kept on record. */
export interface FailedRule {
  rule: string;
  reason: string;
}

export interface Attorney {
  attorneyId: string;
  attorneyName: string;
  /** ISO 3166-2 style, e.g. `US-NY`: where the receiving attorney sues. */
  jurisdiction: string;
}

export type ReferralCaseOpened = DomainEvent<
  'ReferralCaseOpened',
  {
    accountId: string;
    clientId: string;
    commercial: boolean;
    currency: string;
    /** Minor units: the placed amount until payments say otherwise. */
    balance: number;
    placedAt: string;
    /** `YYYY-MM-DD`: the statute of limitations runs from it. */
    oldestDueDate: string;
    debtorCountry: string;
    debtorRegion: string | null;
    /** When the scheduled legal review falls due (placement + 45 days), fixed at opening. */
    reviewDueAt: string;
  }
>;

export type PaymentNoted = DomainEvent<'PaymentNoted', { accountId: string; paymentId: string; amount: number; balanceAfter: number; paidAt: string }>;

export type PaymentReversalNoted = DomainEvent<
  'PaymentReversalNoted',
  { accountId: string; paymentId: string; amount: number; balanceAfter: number; reversedAt: string }
>;

export type ReferralCaseClosed = DomainEvent<'ReferralCaseClosed', { accountId: string; closingCode: string; closedAt: string }>;

/** Every stage but `closed`: where a case stands while its account is open, and where a reopened case goes back to. */
export type OpenStage = 'opened' | 'recommended' | 'not-recommended' | 'authorized' | 'forwarded';

/**
 * Intake reopened the closed account (today: the payment that paid it in full bounced).
 * The case is back at the stage it had when it closed, and a new legal review is booked:
 * the closure cancelled the ones it had.
 */
export type ReferralCaseReopened = DomainEvent<
  'ReferralCaseReopened',
  {
    accountId: string;
    clientId: string;
    /** The closing code of the closure this undoes, e.g. `paid-in-full`. */
    previousClosingCode: string;
    /** Intake's reason, e.g. `payment-reversed`. */
    reason: string;
    /** The payment whose reversal reopened the account, when a reversal did. */
    paymentId: string | null;
    /** Minor units: the balance of the case once reopened. */
    balance: number;
    reopenedAt: string;
    /** The stage the case is back at: the one it had when it closed. */
    stage: OpenStage;
    /** When the review booked for this reopening falls due (reopenedAt + 45 days). */
    reviewDueAt: string;
  }
>;

export type ReferralRecommended = DomainEvent<
  'ReferralRecommended',
  { accountId: string; clientId: string; balance: number; currency: string; rulesChecked: string[]; reviewedAt: string }
>;

/**
 * The review to run again when a review failed only because a payment came in too recently:
 * 45 days after that payment, when the quiet period it broke is over.
 */
export interface FollowUpReview {
  afterPaymentId: string;
  dueAt: string;
}

export type ReferralNotRecommended = DomainEvent<
  'ReferralNotRecommended',
  {
    accountId: string;
    balance: number;
    currency: string;
    rulesChecked: string[];
    failedRules: FailedRule[];
    reviewedAt: string;
    /** Absent when waiting would not change the verdict (another rule failed too, no payment, a closed case). */
    followUpReview?: FollowUpReview;
  }
>;

export type ReferralAuthorized = DomainEvent<
  'ReferralAuthorized',
  { accountId: string; clientId: string; balance: number; currency: string; authorizedAt: string; agreesToSuitFee: boolean; agreesToAdvanceCosts: boolean }
>;

/** The client's authorization arrived when it could not take effect; kept so nobody wonders where it went. */
export type AuthorizationIgnored = DomainEvent<'AuthorizationIgnored', { accountId: string; clientId: string; authorizedAt: string; reason: string }>;

export type ForwardedToAttorney = DomainEvent<
  'ForwardedToAttorney',
  { accountId: string; clientId: string; balance: number; currency: string; attorneyId: string; attorneyName: string; jurisdiction: string; forwardedAt: string }
>;

export type ReferralEvent =
  | ReferralCaseOpened
  | PaymentNoted
  | PaymentReversalNoted
  | ReferralCaseClosed
  | ReferralCaseReopened
  | ReferralRecommended
  | ReferralNotRecommended
  | ReferralAuthorized
  | AuthorizationIgnored
  | ForwardedToAttorney
  | HoldNotedEvent;
