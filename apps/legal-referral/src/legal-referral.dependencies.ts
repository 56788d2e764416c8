import type { ServiceDependencies } from '@lib/platform';

/** What the legal-referral service needs from outside; the composition root provides it. */
export type LegalReferralDependencies = ServiceDependencies;

export const LEGAL_REFERRAL_DEPS = Symbol('LEGAL_REFERRAL_DEPENDENCIES');
/** The service's DurableScheduler, for use cases that book legal reviews. */
export const LEGAL_REVIEW_SCHEDULER = Symbol('LEGAL_REVIEW_SCHEDULER');

export const referralStreamId = (accountId: string) => `referral-${accountId}`;
export const accountIdOfStream = (streamId: string) => (streamId.startsWith('referral-') ? streamId.slice('referral-'.length) : undefined);

/** The scheduled legal review of one account: one work item per account, so scheduling twice keeps the first. */
export const LEGAL_REVIEW = 'legal-review';
export const legalReviewWorkId = (accountId: string) => `${LEGAL_REVIEW}-${accountId}`;
/**
 * A follow-up review booked because a payment held a review back: a work item per payment,
 * so each new payment books a new one, while a review re-run (or redelivered) for the same
 * payment keeps the first booking.
 */
export const followUpReviewWorkId = (accountId: string, paymentId: string) => `${legalReviewWorkId(accountId)}-after-${paymentId}`;
/**
 * The review a reopening books (its closure cancelled the others): a work item per
 * reopening, numbered from 1 in the case's order, so a later reopening books its own while
 * a redelivered one keeps the first booking.
 */
export const reopenedReviewWorkId = (accountId: string, reopening: number) => `${legalReviewWorkId(accountId)}-reopened-${reopening}`;
