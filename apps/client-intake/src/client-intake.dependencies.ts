import type { ServiceDependencies } from '@lib/platform';

/** What the intake service needs from outside; the composition root provides it (token SERVICE_DEPENDENCIES). */
export type IntakeDependencies = ServiceDependencies;

export const clientStreamId = (clientId: string) => `client-${clientId}`;
export const accountStreamId = (accountId: string) => `account-${accountId}`;
export const accountIdOfStream = (streamId: string) => (streamId.startsWith('account-') ? streamId.slice('account-'.length) : undefined);
export const clientIdOfStream = (streamId: string) => (streamId.startsWith('client-') ? streamId.slice('client-'.length) : undefined);
/** The settlements of an account put to its client (docs/debtor-contact.md, "Settlements"). */
export const settlementsStreamId = (accountId: string) => `settlements-${accountId}`;
export const accountIdOfSettlementsStream = (streamId: string) => (streamId.startsWith('settlements-') ? streamId.slice('settlements-'.length) : undefined);
