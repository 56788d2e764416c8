import type { ServiceDependencies } from '@lib/platform';

/** What the payments service needs from outside; the composition root provides it (token SERVICE_DEPENDENCIES). */
export type PaymentsDependencies = ServiceDependencies;

export const ledgerStreamId = (accountId: string) => `ledger-${accountId}`;
/** The account a stream of payments belongs to (its ledger, its cost advances): those go to the audit trail. */
export const accountIdOfStream = (streamId: string) =>
  streamId.startsWith('ledger-') ? streamId.slice('ledger-'.length) : streamId.startsWith('cost-advances-') ? streamId.slice('cost-advances-'.length) : undefined;
/** A client's agreement versions as payments heard them (AgreementVersionPublished). */
export const agreementsStreamId = (clientId: string) => `agreements-${clientId}`;
