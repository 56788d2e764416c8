import type { ClientKeyVerifier, ServiceDependencies } from '@lib/platform';
import type { ReadModelStore } from '@lib/read-models';
import type { AuditSource } from './application/check-account-integrity/audit-source.port';
import type { AgencySigningKey } from './application/history-export/agency-signing-key';

export const REPORTING = 'reporting';

/**
 * What the reporting module is given (under SERVICE_DEPENDENCIES): the common service
 * dependencies, plus the read models it serves and where the integrity check reads each
 * service's streams. Its composition root (`ReportingService`) builds them.
 */
export interface ReportingDependencies extends ServiceDependencies {
  readModels: ReadModelStore;
  auditSources: AuditSource[];
  /**
   * Checks client API keys where no client-intake is mounted in the same process (which
   * would provide the check itself); without it, a client's key is refused (401).
   */
  clientKeys?: ClientKeyVerifier;
  /** Signs history exports; its public half is published at /.well-known/agency-signing-key. */
  signingKey: AgencySigningKey;
}

/**
 * The services whose account streams make up an account's history, in the order that
 * breaks ties between unrelated events of the same instant: the order in which work on an
 * account flows (placed, contacted, paid, sued). It is only a tiebreak: an event caused by
 * another always comes after it, whatever the services' order (`inCausalOrder`).
 */
export const AUDITED_SERVICES = ['client-intake', 'debtor-contact', 'payments', 'legal-referral'] as const;
export type AuditedService = (typeof AUDITED_SERVICES)[number];

/**
 * Each service's streams of an account. The services own these names; reporting needs
 * them only to read a co-located service's store directly (a remote service is asked
 * through its own audit endpoint, which knows its streams). They are the streams each
 * service's own audit endpoint lists (`auditedStreamsOf` in its module), so the check in
 * one process covers what the distributed one covers (test/contracts/audited-streams.unit.spec.ts).
 */
const ACCOUNT_STREAM_PREFIXES: Record<AuditedService, readonly string[]> = {
  'client-intake': ['account-', 'settlements-'],
  'debtor-contact': ['contact-', 'promises-', 'plans-', 'compliance-', 'cadence-', 'assignment-', 'settlements-', 'write-offs-'],
  payments: ['ledger-', 'cost-advances-', 'compliance-'],
  'legal-referral': ['referral-', 'compliance-'],
};

export function streamIdsOf(service: AuditedService, accountId: string): string[] {
  return ACCOUNT_STREAM_PREFIXES[service].map((prefix) => `${prefix}${accountId}`);
}

/** Position of a service in the tie-break order; unknown services sort after the known ones. */
export function serviceRank(service: string): number {
  const rank = (AUDITED_SERVICES as readonly string[]).indexOf(service);
  return rank < 0 ? AUDITED_SERVICES.length : rank;
}
