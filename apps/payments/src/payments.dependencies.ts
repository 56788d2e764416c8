import type { ServiceDependencies } from '@lib/platform';

/** What the payments service needs from outside; the composition root provides it (token SERVICE_DEPENDENCIES). */
export type PaymentsDependencies = ServiceDependencies;

export const ledgerStreamId = (accountId: string) => `ledger-${accountId}`;
export const accountIdOfStream = (streamId: string) => {
  const prefix = ['ledger-', 'compliance-'].find((candidate) => streamId.startsWith(candidate));
  return prefix ? streamId.slice(prefix.length) : undefined;
};
/** A client's agreement versions as payments heard them (AgreementVersionPublished). */
export const agreementsStreamId = (clientId: string) => `agreements-${clientId}`;
