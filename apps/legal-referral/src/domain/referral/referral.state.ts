import { DEFAULT_CLAIM_TYPE } from '../statute-of-limitations/limitation-period';
import { evolveLimitations, LimitationsRecord } from '../statute-of-limitations/limitations.events';
import type { Attorney, CriterionVersion, FailedRule, FollowUpReview, OpenStage, ReferralEvent } from './referral.events';
import { evolveLitigation, Litigation } from './litigation';
import { evolveNotedHolds, NotedHold } from '../holds/hold-noted.events';

export type ReferralStage = OpenStage | 'closed';

export interface NotedPayment {
  paymentId: string;
  amount: number;
  paidAt: string;
  /** A bounced payment is no payment: it does not count as activity for the 45-day rule. */
  reversed: boolean;
}

export interface LegalReview {
  recommended: boolean;
  reviewedAt: string;
  rulesChecked: string[];
  failedRules: FailedRule[];
  followUpReview: FollowUpReview | null;
  /** The criteria with their versions, for a recommendation that awaits approval. */
  criteria: CriterionVersion[];
}

/** A supervisor's decision on a recommendation. */
export interface Approval {
  approved: boolean;
  by: string;
  at: string;
  reason: string | null;
}

export interface Closing {
  closingCode: string;
  closedAt: string;
  /** The stage the case had when it closed: a reopening puts it back there. */
  stageBefore: OpenStage;
}

/** A closed account opened again, with the legal review it booked. */
export interface Reopening {
  previousClosingCode: string;
  reason: string;
  paymentId: string | null;
  reopenedAt: string;
  reviewDueAt: string;
}

/** What a case holds at every stage, open or closed. */
interface CaseFacts {
  accountId: string;
  clientId: string;
  commercial: boolean;
  currency: string;
  balance: number;
  placedAt: string;
  oldestDueDate: string;
  debtorCountry: string;
  debtorRegion: string | null;
  reviewDueAt: string;
  payments: NotedPayment[];
  /** The holds debtor contact placed and has not lifted (disputes, bankruptcy stays, ...): `not-disputed` and `not-bankrupt` read them. */
  holds: NotedHold[];
  /** No skip/closure-of-business events reach this service yet: fixed until they do. */
  debtorInBusiness: boolean;
  lastReview: LegalReview | null;
  /** Kept through a closure, so a case reopened at `authorized` or `forwarded` still knows them. */
  authorizedAt: string | null;
  attorney: (Attorney & { forwardedAt: string }) | null;
  /** The supervisor's decision on the latest recommendation; null until one, and again after a new review. */
  approval: Approval | null;
  /** The attorney's milestones since the forwarding; null before it and after a recall. */
  litigation: Litigation | null;
  /** Every reopening, in order. */
  reopenings: Reopening[];
  /** Claim type, written acknowledgements and tollings: what the statute of limitations runs on. */
  limitations: LimitationsRecord;
}

/** A case whose account is open, at one of the stages of the legal pipeline. */
export type OpenCase = CaseFacts & { stage: OpenStage };

/** A case whose account closed: it leaves the pipeline until a reopening puts it back where it was. */
export type ClosedCase = CaseFacts & { stage: 'closed'; closing: Closing };

/** One account's referral case, from placement to forwarding (or closing). */
export type ReferralCase = OpenCase | ClosedCase;

export type ReferralState = { stage: 'none' } | ReferralCase;

export const initialReferralState = (): ReferralState => ({ stage: 'none' });

/** The case's facts without the closing, for a case that leaves `closed`. */
function facts(state: ReferralCase): CaseFacts {
  if (state.stage !== 'closed') return state;
  const { closing: _closing, stage: _stage, ...rest } = state;
  return rest;
}

/** The latest payment that still stands (reversed ones do not count). */
export function lastPayment(referral: ReferralCase): NotedPayment | undefined {
  return referral.payments.filter((p) => !p.reversed).reduce<NotedPayment | undefined>((latest, p) => (!latest || p.paidAt > latest.paidAt ? p : latest), undefined);
}

export function evolveReferral(state: ReferralState, event: ReferralEvent): ReferralState {
  if (event.type === 'ReferralCaseOpened') {
    const { claimType, ...opening } = event.data;
    return {
      stage: 'opened',
      ...opening,
      payments: [],
      holds: [],
      debtorInBusiness: true,
      lastReview: null,
      authorizedAt: null,
      attorney: null,
      approval: null,
      litigation: null,
      reopenings: [],
      limitations: { claimType: claimType ?? DEFAULT_CLAIM_TYPE, acknowledgements: [], tollings: [], ranOutOn: null },
    };
  }
  if (state.stage === 'none') return state;
  switch (event.type) {
    case 'PaymentNoted':
      return {
        ...state,
        balance: event.data.balanceAfter,
        payments: [...state.payments, { paymentId: event.data.paymentId, amount: event.data.amount, paidAt: event.data.paidAt, reversed: false }],
      };
    case 'PaymentReversalNoted':
      return {
        ...state,
        balance: event.data.balanceAfter,
        payments: state.payments.map((p) => (p.paymentId === event.data.paymentId ? { ...p, reversed: true } : p)),
      };
    case 'ReferralCaseClosed':
      // decide never closes a closed case; if such an event were folded, the first closing stands.
      if (state.stage === 'closed') return state;
      return { ...state, stage: 'closed', closing: { closingCode: event.data.closingCode, closedAt: event.data.closedAt, stageBefore: state.stage } };
    case 'ReferralCaseReopened': {
      const { stage, balance, previousClosingCode, reason, paymentId, reopenedAt, reviewDueAt } = event.data;
      return {
        ...facts(state),
        stage,
        balance,
        // The closure cancelled the follow-up the last review had booked: it will not run.
        lastReview: state.lastReview && { ...state.lastReview, followUpReview: null },
        reopenings: [...state.reopenings, { previousClosingCode, reason, paymentId, reopenedAt, reviewDueAt }],
      };
    }
    case 'ReferralRecommended': {
      const { reviewedAt, rulesChecked, awaitsApproval, criteria } = event.data;
      const lastReview: LegalReview = { recommended: true, reviewedAt, rulesChecked, failedRules: [], followUpReview: null, criteria: criteria ?? [] };
      // A review of a closed case is kept on record but does not reopen it. A recommendation
      // from before supervisor approval existed stands as approved.
      return state.stage === 'closed' ? { ...state, lastReview, approval: null } : { ...state, stage: awaitsApproval ? 'pending-approval' : 'recommended', lastReview, approval: null };
    }
    case 'ReferralNotRecommended': {
      const { reviewedAt, rulesChecked, failedRules, followUpReview } = event.data;
      const lastReview: LegalReview = { recommended: false, reviewedAt, rulesChecked, failedRules, followUpReview: followUpReview ?? null, criteria: [] };
      return state.stage === 'closed' ? { ...state, lastReview, approval: null } : { ...state, stage: 'not-recommended', lastReview, approval: null };
    }
    case 'RecommendationApproved':
      if (state.stage !== 'pending-approval') return state;
      return { ...state, stage: 'recommended', approval: { approved: true, by: event.data.approvedBy, at: event.data.approvedAt, reason: null } };
    case 'RecommendationDeclined':
      if (state.stage !== 'pending-approval') return state;
      return { ...state, stage: 'not-recommended', approval: { approved: false, by: event.data.declinedBy, at: event.data.declinedAt, reason: event.data.reason } };
    case 'ReferralAuthorized':
      // decide records an authorization of a closed case as ignored, never as this event.
      return state.stage === 'closed' ? state : { ...state, stage: 'authorized', authorizedAt: event.data.authorizedAt };
    case 'AuthorizationIgnored':
      return state;
    case 'DebtAcknowledged':
    case 'SolTolled':
    case 'SolTollingEnded':
    case 'StatuteOfLimitationsRanOut':
      return { ...state, limitations: evolveLimitations(state.limitations, event) };
    case 'AccountHoldNoted':
    case 'AccountHoldLiftNoted':
      return { ...state, holds: evolveNotedHolds(state.holds, event) };
    case 'ForwardedToAttorney': {
      if (state.stage === 'closed') return state;
      const { attorneyId, attorneyName, jurisdiction, forwardedAt, feeSchedule } = event.data;
      return { ...state, stage: 'forwarded', attorney: { attorneyId, attorneyName, jurisdiction, forwardedAt }, litigation: evolveLitigation(null, event, feeSchedule) };
    }
    case 'RecalledFromAttorney':
      // Back with the agency: the client's authorization stands, another attorney may take it.
      if (state.stage === 'closed') return { ...state, attorney: null, litigation: null, closing: { ...state.closing, stageBefore: 'authorized' } };
      return { ...state, stage: 'authorized', attorney: null, litigation: null };
    case 'AttorneyAcknowledged':
    case 'SuitFiled':
    case 'DebtorServed':
    case 'AnswerOrDefaultRecorded':
    case 'JudgmentEntered':
    case 'EnforcementStarted':
    case 'AttorneyCollected':
    case 'LegalFileClosed':
      return state.litigation ? { ...state, litigation: evolveLitigation(state.litigation, event) } : state;
  }
}
