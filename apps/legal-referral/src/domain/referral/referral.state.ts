import { evolveNotedHolds, NotedHold } from '../holds/hold-noted.events';
import type { Attorney, FailedRule, FollowUpReview, OpenStage, ReferralEvent } from './referral.events';

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
  /** Every reopening, in order. */
  reopenings: Reopening[];
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
    return {
      stage: 'opened',
      ...event.data,
      payments: [],
      holds: [],
      debtorInBusiness: true,
      lastReview: null,
      authorizedAt: null,
      attorney: null,
      reopenings: [],
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
      const lastReview: LegalReview = { recommended: true, reviewedAt: event.data.reviewedAt, rulesChecked: event.data.rulesChecked, failedRules: [], followUpReview: null };
      // A review of a closed case is kept on record but does not reopen it.
      return state.stage === 'closed' ? { ...state, lastReview } : { ...state, stage: 'recommended', lastReview };
    }
    case 'ReferralNotRecommended': {
      const { reviewedAt, rulesChecked, failedRules, followUpReview } = event.data;
      const lastReview: LegalReview = { recommended: false, reviewedAt, rulesChecked, failedRules, followUpReview: followUpReview ?? null };
      return state.stage === 'closed' ? { ...state, lastReview } : { ...state, stage: 'not-recommended', lastReview };
    }
    case 'ReferralAuthorized':
      // decide records an authorization of a closed case as ignored, never as this event.
      return state.stage === 'closed' ? state : { ...state, stage: 'authorized', authorizedAt: event.data.authorizedAt };
    case 'AuthorizationIgnored':
      return state;
    case 'AccountHoldNoted':
    case 'AccountHoldLiftNoted':
      return { ...state, holds: evolveNotedHolds(state.holds, event) };
    case 'ForwardedToAttorney': {
      if (state.stage === 'closed') return state;
      const { attorneyId, attorneyName, jurisdiction, forwardedAt } = event.data;
      return { ...state, stage: 'forwarded', attorney: { attorneyId, attorneyName, jurisdiction, forwardedAt } };
    }
  }
}
