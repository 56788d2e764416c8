import { Attorney, FailedRule, FollowUpReview, OpenStage, ReferralEvent } from './referral.events';

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

/** One account's referral case, from placement to forwarding (or closing). */
export interface ReferralCase {
  stage: ReferralStage;
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
  /** No dispute, bankruptcy or skip/closure-of-business events reach this service yet: fixed until they do. */
  disputed: boolean;
  bankrupt: boolean;
  debtorInBusiness: boolean;
  lastReview: LegalReview | null;
  /** Every follow-up review ever booked, so closing the case can cancel those still pending. */
  followUpReviews: FollowUpReview[];
  authorizedAt: string | null;
  attorney: (Attorney & { forwardedAt: string }) | null;
  closing: Closing | null;
  /** Every reopening, in order (the n-th booked its own review), so closing again can cancel the one still pending. */
  reopenings: Reopening[];
}

export type ReferralState = { stage: 'none' } | ReferralCase;

export const initialReferralState = (): ReferralState => ({ stage: 'none' });

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
      disputed: false,
      bankrupt: false,
      debtorInBusiness: true,
      lastReview: null,
      followUpReviews: [],
      authorizedAt: null,
      attorney: null,
      closing: null,
      reopenings: [],
    };
  }
  if (state.stage === 'none') return state;
  // A review of a closed case is kept on record but does not reopen it.
  const unlessClosed = (stage: ReferralStage): ReferralStage => (state.stage === 'closed' ? 'closed' : stage);
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
    case 'ReferralCaseClosed': {
      // decide never closes a closed case; if such an event were folded, the first closing's stage stands.
      const stageBefore = state.stage === 'closed' ? (state.closing?.stageBefore ?? 'opened') : state.stage;
      return { ...state, stage: 'closed', closing: { closingCode: event.data.closingCode, closedAt: event.data.closedAt, stageBefore } };
    }
    case 'ReferralCaseReopened': {
      const { stage, balance, previousClosingCode, reason, paymentId, reopenedAt, reviewDueAt } = event.data;
      return {
        ...state,
        stage,
        balance,
        closing: null,
        // The closure cancelled the follow-up the last review had booked: it will not run.
        lastReview: state.lastReview && { ...state.lastReview, followUpReview: null },
        reopenings: [...state.reopenings, { previousClosingCode, reason, paymentId, reopenedAt, reviewDueAt }],
      };
    }
    case 'ReferralRecommended':
      return {
        ...state,
        stage: unlessClosed('recommended'),
        lastReview: { recommended: true, reviewedAt: event.data.reviewedAt, rulesChecked: event.data.rulesChecked, failedRules: [], followUpReview: null },
      };
    case 'ReferralNotRecommended': {
      const { reviewedAt, rulesChecked, failedRules, followUpReview } = event.data;
      return {
        ...state,
        stage: unlessClosed('not-recommended'),
        lastReview: { recommended: false, reviewedAt, rulesChecked, failedRules, followUpReview: followUpReview ?? null },
        // Reviews held back by the same payment book the same follow-up: it is listed once.
        followUpReviews:
          followUpReview && !state.followUpReviews.some((f) => f.afterPaymentId === followUpReview.afterPaymentId)
            ? [...state.followUpReviews, followUpReview]
            : state.followUpReviews,
      };
    }
    case 'ReferralAuthorized':
      return { ...state, stage: 'authorized', authorizedAt: event.data.authorizedAt };
    case 'AuthorizationIgnored':
      return state;
    case 'ForwardedToAttorney': {
      const { attorneyId, attorneyName, jurisdiction, forwardedAt } = event.data;
      return { ...state, stage: 'forwarded', attorney: { attorneyId, attorneyName, jurisdiction, forwardedAt } };
    }
  }
}
