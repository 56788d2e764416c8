import type { ServiceDependencies } from '@lib/platform';

/** Port: the debtor's personal portal link, printed on the first notice (docs/portal.md). */
export interface PersonalLinks {
  linkFor(accountId: string): string;
}

/** What the debtor-contact service needs from outside; the composition root provides it (token SERVICE_DEPENDENCIES). */
export type ContactDependencies = ServiceDependencies & { personalLinks?: PersonalLinks };

export const contactStreamId = (accountId: string) => `contact-${accountId}`;
/** The promises to pay of an account, followed against its payments (docs/debtor-contact.md, "Promises and payment plans"). */
export const promisesStreamId = (accountId: string) => `promises-${accountId}`;
/** The payment plans of an account, one active at a time. */
export const plansStreamId = (accountId: string) => `plans-${accountId}`;

const ACCOUNT_STREAM_PREFIXES = ['contact-', 'promises-', 'plans-'];
export const accountIdOfStream = (streamId: string) => {
  const prefix = ACCOUNT_STREAM_PREFIXES.find((candidate) => streamId.startsWith(candidate));
  return prefix ? streamId.slice(prefix.length) : undefined;
};
