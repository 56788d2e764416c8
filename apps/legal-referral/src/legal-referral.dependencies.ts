import type { ServiceDependencies } from '@lib/platform';

/** What the legal-referral service needs from outside; the composition root provides it. */
export type LegalReferralDependencies = ServiceDependencies;

export const LEGAL_REFERRAL_DEPS = Symbol('LEGAL_REFERRAL_DEPENDENCIES');
/** The service's DurableScheduler, for use cases that book legal reviews. */
export const LEGAL_REVIEW_SCHEDULER = Symbol('LEGAL_REVIEW_SCHEDULER');

export const referralStreamId = (accountId: string) => `referral-${accountId}`;
export const accountIdOfStream = (streamId: string) => (streamId.startsWith('referral-') ? streamId.slice('referral-'.length) : undefined);
