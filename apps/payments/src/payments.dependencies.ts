import type { ServiceDependencies } from '@lib/platform';

/** What the payments service needs from outside; the composition root provides it (token SERVICE_DEPENDENCIES). */
export type PaymentsDependencies = ServiceDependencies;

export const ledgerStreamId = (accountId: string) => `ledger-${accountId}`;
/** The account a stream of payments belongs to (its ledger, its cost advances, its refused commands): those go to the audit trail. */
export const accountIdOfStream = (streamId: string) => {
  const prefix = ['ledger-', 'cost-advances-', 'compliance-'].find((candidate) => streamId.startsWith(candidate));
  return prefix ? streamId.slice(prefix.length) : undefined;
};
/** A client's agreement versions as payments heard them (AgreementVersionPublished). */
export const agreementsStreamId = (clientId: string) => `agreements-${clientId}`;
