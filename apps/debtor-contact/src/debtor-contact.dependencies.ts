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

/** The service's name on the records it leaves in other services' ledgers. */
export const DEBTOR_CONTACT_SERVICE = 'debtor-contact';

/** The account's contact strategy run (docs/debtor-contact.md, "Contact strategies"). */
export const cadenceStreamId = (accountId: string) => `cadence-${accountId}`;
/** Who works the account. */
export const assignmentStreamId = (accountId: string) => `assignment-${accountId}`;
/** A client's contact strategies and the rules that choose them. */
export const strategiesStreamId = (clientId: string) => `strategies-${clientId}`;
/** One entry of the supervisors' approval queue. */
export const approvalStreamId = (approvalId: string) => `approval-${approvalId}`;

/** The settlements of an account and the balance payments last reported (docs/debtor-contact.md, "Settlements"). */
export const settlementsStreamId = (accountId: string) => `settlements-${accountId}`;
/** The settlement authority of each version of a client's agreement, as heard from client intake. */
export const settlementAuthorityStreamId = (clientId: string) => `settlement-authority-${clientId}`;

const ACCOUNT_STREAM_PREFIXES = ['contact-', 'promises-', 'plans-', 'compliance-', 'cadence-', 'assignment-', 'settlements-'];
export const accountIdOfStream = (streamId: string) => {
  const prefix = ACCOUNT_STREAM_PREFIXES.find((candidate) => streamId.startsWith(candidate));
  return prefix ? streamId.slice(prefix.length) : undefined;
};
