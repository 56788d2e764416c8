import type { ReferralEvent } from '../referral/referral.events';

/** The kind of the scheduler's work that runs a legal review of one account. */
export const LEGAL_REVIEW = 'legal-review';

/** The review due 45 days after placement: one work item per account. */
export const legalReviewWorkId = (accountId: string) => `${LEGAL_REVIEW}-${accountId}`;
/**
 * A follow-up review booked because a payment held a review back: a work item per payment,
 * so each new payment books a new one, while a review re-run for the same payment keeps the
 * first booking.
 */
export const followUpReviewWorkId = (accountId: string, paymentId: string) => `${legalReviewWorkId(accountId)}-after-${paymentId}`;
/**
 * The review a reopening books (its closure cancelled the others): a work item per
 * reopening, numbered from 1 in the case's order, so a later reopening books its own while
 * a redelivered one keeps the first booking.
 */
export const reopenedReviewWorkId = (accountId: string, reopening: number) => `${legalReviewWorkId(accountId)}-reopened-${reopening}`;

/** Book a legal review; the scheduler keeps the first booking of a work id, so asking again is harmless. */
export interface ScheduleWork {
  type: 'ScheduleWork';
  workId: string;
  kind: typeof LEGAL_REVIEW;
  dueAt: string;
  payload: { accountId: string };
}

/** Call off a booked review; work that already ran or was cancelled stays as it is. */
export interface CancelWork {
  type: 'CancelWork';
  workId: string;
}

export type SchedulerCommand = ScheduleWork | CancelWork;

/** What the workflow remembers of a referral case: the reviews it booked that a closure would have to call off. */
export type LegalReviewState =
  | { status: 'none' }
  | { status: 'open'; accountId: string; reopenings: number; booked: string[] }
  | { status: 'closed'; accountId: string; reopenings: number };

/**
 * A workflow: like a decider, but what it decides are commands to someone else. `decide`
 * sees an event of the referral stream and the state before it; `evolve` folds the event in.
 */
export interface Workflow<Input, State, Output> {
  initialState: () => State;
  evolve: (state: State, input: Input) => State;
  decide: (input: Input, state: State) => Output[];
}

const schedule = (workId: string, accountId: string, dueAt: string): ScheduleWork => ({ type: 'ScheduleWork', workId, kind: LEGAL_REVIEW, dueAt, payload: { accountId } });

/**
 * The legal review bookings of one account, over its referral events:
 * - the case opens: book the review due 45 days after placement;
 * - a review held back only by a recent payment names a follow-up: book it (asked on every
 *   review that names it, so a booking lost to a crash is made by the next one);
 * - the case closes: cancel every review still booked, since nothing is left to decide;
 * - the case reopens: book its own review 45 days after the reopening (the closure
 *   cancelled the others).
 */
function decide(event: ReferralEvent, state: LegalReviewState): SchedulerCommand[] {
  switch (event.type) {
    case 'ReferralCaseOpened':
      if (state.status !== 'none') return [];
      return [schedule(legalReviewWorkId(event.data.accountId), event.data.accountId, event.data.reviewDueAt)];
    case 'ReferralNotRecommended': {
      const followUp = event.data.followUpReview;
      if (state.status !== 'open' || !followUp) return [];
      return [schedule(followUpReviewWorkId(state.accountId, followUp.afterPaymentId), state.accountId, followUp.dueAt)];
    }
    case 'ReferralCaseClosed':
      if (state.status !== 'open') return [];
      return state.booked.map((workId) => ({ type: 'CancelWork', workId }));
    case 'ReferralCaseReopened':
      if (state.status !== 'closed') return [];
      return [schedule(reopenedReviewWorkId(state.accountId, state.reopenings + 1), state.accountId, event.data.reviewDueAt)];
    default:
      return [];
  }
}

function evolve(state: LegalReviewState, event: ReferralEvent): LegalReviewState {
  switch (event.type) {
    case 'ReferralCaseOpened':
      if (state.status !== 'none') return state;
      return { status: 'open', accountId: event.data.accountId, reopenings: 0, booked: [legalReviewWorkId(event.data.accountId)] };
    case 'ReferralNotRecommended': {
      const followUp = event.data.followUpReview;
      if (state.status !== 'open' || !followUp) return state;
      const workId = followUpReviewWorkId(state.accountId, followUp.afterPaymentId);
      return state.booked.includes(workId) ? state : { ...state, booked: [...state.booked, workId] };
    }
    case 'ReferralCaseClosed':
      if (state.status !== 'open') return state;
      return { status: 'closed', accountId: state.accountId, reopenings: state.reopenings };
    case 'ReferralCaseReopened': {
      if (state.status !== 'closed') return state;
      const reopenings = state.reopenings + 1;
      return { status: 'open', accountId: state.accountId, reopenings, booked: [reopenedReviewWorkId(state.accountId, reopenings)] };
    }
    default:
      return state;
  }
}

export const legalReviewWorkflow: Workflow<ReferralEvent, LegalReviewState, SchedulerCommand> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};
