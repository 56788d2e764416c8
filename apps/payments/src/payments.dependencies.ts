import type { ServiceDependencies } from '@lib/platform';

/** What the payments service needs from outside; the composition root provides it. */
export type PaymentsDependencies = ServiceDependencies;

export const PAYMENTS = Symbol('PAYMENTS_DEPENDENCIES');

export const ledgerStreamId = (accountId: string) => `ledger-${accountId}`;
export const accountIdOfStream = (streamId: string) => (streamId.startsWith('ledger-') ? streamId.slice('ledger-'.length) : undefined);
