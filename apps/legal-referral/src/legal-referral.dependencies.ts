import type { ServiceDependencies } from '@lib/platform';

/** What the legal-referral service needs from outside; the composition root provides it (token SERVICE_DEPENDENCIES). */
export type LegalReferralDependencies = ServiceDependencies;

export const referralStreamId = (accountId: string) => `referral-${accountId}`;
export const accountIdOfStream = (streamId: string) => {
  const prefix = ['referral-', 'compliance-'].find((candidate) => streamId.startsWith(candidate));
  return prefix ? streamId.slice(prefix.length) : undefined;
};
