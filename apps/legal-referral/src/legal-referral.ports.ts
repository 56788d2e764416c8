import type { ServiceDependencies } from '@lib/platform';

/** What the legal-referral service needs from outside; the composition root provides it. */
export type LegalReferralDependencies = ServiceDependencies;

export const LEGAL_REFERRAL_DEPS = Symbol('LEGAL_REFERRAL_DEPENDENCIES');

export const referralStreamId = (accountId: string) => `referral-${accountId}`;
export const accountIdOfStream = (streamId: string) => (streamId.startsWith('referral-') ? streamId.slice('referral-'.length) : undefined);

/** The scheduled legal review of one account: one work item per account, so scheduling twice keeps the first. */
export const LEGAL_REVIEW = 'legal-review';
export const legalReviewWorkId = (accountId: string) => `${LEGAL_REVIEW}-${accountId}`;
