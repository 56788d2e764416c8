import type { ServiceDependencies } from '@lib/platform';

/** What the debtor-contact service needs from outside; the composition root provides it (token SERVICE_DEPENDENCIES). */
export type ContactDependencies = ServiceDependencies;

export const contactStreamId = (accountId: string) => `contact-${accountId}`;
export const accountIdOfStream = (streamId: string) => (streamId.startsWith('contact-') ? streamId.slice('contact-'.length) : undefined);
