import type { DomainEvent } from '@lib/es-core';
import type { ClaimType } from '../statute-of-limitations/limitation-period';
import type { LimitationsEvent } from '../statute-of-limitations/limitations.events';
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
    /** What suit would be on, as placed; absent on cases opened before claim types: `open-account`. */
    claimType?: ClaimType;
  }
>;

export type PaymentNoted = DomainEvent<'PaymentNoted', { accountId: string; paymentId: string; amount: number; balanceAfter: number; paidAt: string }>;

export type PaymentReversalNoted = DomainEvent<
  'PaymentReversalNoted',
  { accountId: string; paymentId: string; amount: number; balanceAfter: number; reversedAt: string }
>;

export type ReferralCaseClosed = DomainEvent<'ReferralCaseClosed', { accountId: string; closingCode: string; closedAt: string }>;

/** Every stage but `closed`: where a case stands while its account is open, and where a reopened case goes back to. */
export type OpenStage = 'opened' | 'pending-approval' | 'recommended' | 'not-recommended' | 'authorized' | 'forwarded';

/** A criterion as a decision names it: the rule and the version of it that was applied. */
export interface CriterionVersion {
  rule: string;
  version: number;
}

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

/**
 * A review passed every criterion. Since supervisor approval exists it `awaitsApproval` (the
 * case waits in `pending-approval`, the client is not asked yet) and names the criteria with
 * their versions; a recommendation recorded before carries neither and stands as approved.
 */
export type ReferralRecommended = DomainEvent<
  'ReferralRecommended',
  { accountId: string; clientId: string; balance: number; currency: string; rulesChecked: string[]; reviewedAt: string; awaitsApproval?: true; criteria?: CriterionVersion[] }
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
    /** Absent on reviews recorded before the verdict was published (LegalStageChanged.v2). */
    clientId?: string;
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

/**
 * Forwarded to a receiving attorney. Since the panel exists, the attorney is a panel attorney
 * (`attorneyName` is its firm) and the fee schedule agreed with it is kept; a forwarding
 * recorded before named the attorney in free text and has no `feeSchedule`.
 */
export type ForwardedToAttorney = DomainEvent<
  'ForwardedToAttorney',
  {
    accountId: string;
    clientId: string;
    balance: number;
    currency: string;
    attorneyId: string;
    attorneyName: string;
    jurisdiction: string;
    forwardedAt: string;
    feeSchedule?: { suitFee: number; contingencyBp: number };
  }
>;

/** A supervisor approved the pending recommendation: the client is asked now. */
export type RecommendationApproved = DomainEvent<
  'RecommendationApproved',
  { accountId: string; clientId: string; balance: number; currency: string; approvedBy: string; approvedAt: string; reviewedAt: string; criteria: CriterionVersion[] }
>;

/** A supervisor declined the pending recommendation: the client is not asked. */
export type RecommendationDeclined = DomainEvent<
  'RecommendationDeclined',
  { accountId: string; clientId: string; balance: number; currency: string; declinedBy: string; reason: string; declinedAt: string; reviewedAt: string; criteria: CriterionVersion[] }
>;

/**
 * What every milestone carries besides its own facts: the case's client, balance and
 * currency at the time, so its published stage change needs nothing but the event.
 */
export type MilestoneFacts = {
  accountId: string;
  clientId: string;
  attorneyId: string;
  /** Minor units, the case's balance when the milestone was recorded. */
  balance: number;
  currency: string;
};

/** The receiving attorney's milestones, recorded by legal or reported by the attorney. */
export type AttorneyAcknowledged = DomainEvent<'AttorneyAcknowledged', MilestoneFacts & { acknowledgedAt: string }>;
/**
 * `suitFee` (the attorney's fee schedule at forwarding) and `courtCosts` (filing and service
 * fees the attorney reported) are what the suit costs the client, to be advanced; both absent
 * on suits recorded before court costs became cost advances.
 */
export type SuitFiled = DomainEvent<'SuitFiled', MilestoneFacts & { court: string; caseNumber: string; filedAt: string; suitFee?: number; courtCosts?: number }>;
export type DebtorServed = DomainEvent<'DebtorServed', MilestoneFacts & { servedAt: string }>;
export type DebtorResponse = 'answered' | 'defaulted';
export type AnswerOrDefaultRecorded = DomainEvent<'AnswerOrDefaultRecorded', MilestoneFacts & { response: DebtorResponse; recordedAt: string }>;
/** Minor units of the case's currency. `court` and `caseNumber`: the suit's (absent on judgments recorded before they were copied here). */
export type JudgmentEntered = DomainEvent<'JudgmentEntered', MilestoneFacts & { amount: number; interest: number; costs: number; enteredAt: string; court?: string; caseNumber?: string }>;
export type EnforcementMethod = 'garnishment' | 'bank-levy' | 'lien';
export type EnforcementStarted = DomainEvent<'EnforcementStarted', MilestoneFacts & { method: EnforcementMethod; startedAt: string }>;
/** Money the attorney collected; payments posts it as a payment of method `attorney` under `paymentId`. */
export type AttorneyCollected = DomainEvent<'AttorneyCollected', MilestoneFacts & { paymentId: string; amount: number; collectedAt: string }>;
export type LegalOutcome = 'paid-in-full' | 'settled' | 'judgment-uncollectible' | 'dismissed' | 'withdrawn';
export type LegalFileClosed = DomainEvent<'LegalFileClosed', MilestoneFacts & { outcome: LegalOutcome; closedAt: string }>;
/** The agency took the account back from the attorney: it is `authorized` again and may go to another. */
export type RecalledFromAttorney = DomainEvent<'RecalledFromAttorney', MilestoneFacts & { reason: string; recalledAt: string }>;

export type LegalMilestoneEvent =
  | AttorneyAcknowledged
  | SuitFiled
  | DebtorServed
  | AnswerOrDefaultRecorded
  | JudgmentEntered
  | EnforcementStarted
  | AttorneyCollected
  | LegalFileClosed
  | RecalledFromAttorney;

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
  | LimitationsEvent
  | RecommendationApproved
  | RecommendationDeclined
  | LegalMilestoneEvent
  | HoldNotedEvent;
