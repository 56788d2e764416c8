import type { ClaimType } from '../statute-of-limitations/limitation-period';

/** Commands on a referral case. Times and looked-up facts arrive on them; the decider reads no clock. */
export interface OpenReferralCase {
  type: 'OpenReferralCase';
  accountId: string;
  clientId: string;
  commercial: boolean;
  currency: string;
  placedAmount: number;
  placedAt: string;
  /** `YYYY-MM-DD` of every invoice placed. */
  invoiceDueDates: string[];
  debtorCountry: string;
  debtorRegion: string | null;
  /** Absent: `open-account` (a commercial placement of invoices). */
  claimType?: ClaimType;
}

export interface NotePayment {
  type: 'NotePayment';
  paymentId: string;
  amount: number;
  balanceAfter: number;
  paidAt: string;
}

export interface NotePaymentReversal {
  type: 'NotePaymentReversal';
  paymentId: string;
  amount: number;
  balanceAfter: number;
  reversedAt: string;
}

export interface CloseReferralCase {
  type: 'CloseReferralCase';
  closingCode: string;
  closedAt: string;
}

/** Intake reopened a closed account; the figures are those of its message. */
export interface ReopenReferralCase {
  type: 'ReopenReferralCase';
  previousClosingCode: string;
  reason: string;
  paymentId: string | null;
  /** Minor units, as payments reported it to intake. */
  balance: number;
  reopenedAt: string;
}

export interface ReviewForLegal {
  type: 'ReviewForLegal';
  now: Date;
}

export interface RecordClientAuthorization {
  type: 'RecordClientAuthorization';
  clientId: string;
  authorizedAt: string;
  agreesToSuitFee: boolean;
  agreesToAdvanceCosts: boolean;
}

/** Forward to the panel attorney the panel chose (or checked): its firm, what it covers, its fees. */
export interface ForwardToAttorney {
  type: 'ForwardToAttorney';
  attorneyId: string;
  attorneyName: string;
  /** Every jurisdiction the attorney covers (`US-NY`, …); the debtor's must be one. */
  jurisdictions: readonly string[];
  feeSchedule: { suitFee: number; contingencyBp: number };
  now: Date;
}

export interface ApproveRecommendation {
  type: 'ApproveRecommendation';
  supervisorId: string;
  now: Date;
}

export interface DeclineRecommendation {
  type: 'DeclineRecommendation';
  supervisorId: string;
  reason: string;
  now: Date;
}

/** What a milestone carries, by kind. */
export type LegalMilestone =
  | { kind: 'acknowledged' }
  | { kind: 'suit-filed'; court: string; caseNumber: string; courtCosts: number }
  | { kind: 'served' }
  | { kind: 'answer-or-default'; response: 'answered' | 'defaulted' }
  | { kind: 'judgment'; amount: number; interest: number; costs: number }
  | { kind: 'enforcement'; method: 'garnishment' | 'bank-levy' | 'lien' }
  | { kind: 'collected'; paymentId: string; amount: number }
  | { kind: 'closed'; outcome: 'paid-in-full' | 'settled' | 'judgment-uncollectible' | 'dismissed' | 'withdrawn' }
  | { kind: 'recalled'; reason: string };

export type LegalMilestoneKind = LegalMilestone['kind'];

/**
 * A milestone of the receiving attorney. `reportedByAttorney` is the attorney's id when the
 * attorney reports it with its own key (it reaches only its own cases), null when legal
 * records it on the attorney's behalf.
 */
export interface RecordLegalMilestone {
  type: 'RecordLegalMilestone';
  milestone: LegalMilestone;
  reportedByAttorney: string | null;
  now: Date;
}

/** Legal records a signed written acknowledgement of the debt. */
export interface RecordDebtAcknowledgement {
  type: 'RecordDebtAcknowledgement';
  acknowledgementId: string;
  acknowledgedOn: string;
  description: string;
  now: Date;
}

/** Legal records that the clock stopped (a bankruptcy stay), with its end when known. */
export interface RecordSolTolling {
  type: 'RecordSolTolling';
  tollingId: string;
  reason: 'bankruptcy-stay' | 'other';
  startsOn: string;
  endsOn: string | null;
  note: string;
  now: Date;
}

/** Legal records the end of a tolling that stood open. */
export interface EndSolTolling {
  type: 'EndSolTolling';
  tollingId: string;
  endsOn: string;
  now: Date;
}

export type ReferralCommand =
  | OpenReferralCase
  | NotePayment
  | NotePaymentReversal
  | CloseReferralCase
  | ReopenReferralCase
  | ReviewForLegal
  | RecordClientAuthorization
  | ForwardToAttorney
  | RecordDebtAcknowledgement
  | RecordSolTolling
  | EndSolTolling
  | ApproveRecommendation
  | DeclineRecommendation
  | RecordLegalMilestone;
