import type { DomainEvent } from '@lib/es-core';

/**
 * A remittance statement issued to a client: the agency payments it paid out of trust.
 * Extension point: no command produces it yet (the remittance run of issue 10 will, into
 * the client's `remittances-<clientId>` stream). The trust ledger and the reversal
 * already read it, so a reversal after remittance is a claw-back from the first statement on.
 */
export type RemittanceIssued = DomainEvent<
  'RemittanceIssued',
  {
    remittanceId: string;
    clientId: string;
    currency: string;
    /** The agency-collected payments whose money this statement paid out (the client's share) and took as fee. */
    paymentIds: string[];
    issuedAt: string;
  }
>;

export const remittancesStreamId = (clientId: string) => `remittances-${clientId}`;

/** Payment id to the id of the remittance that paid it out, from a client's issued statements. */
export function remittedPayments(events: ReadonlyArray<{ type: string; data: unknown }>): Map<string, string> {
  const remitted = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'RemittanceIssued') continue;
    const { remittanceId, paymentIds } = (event as RemittanceIssued).data;
    for (const paymentId of paymentIds) if (!remitted.has(paymentId)) remitted.set(paymentId, remittanceId);
  }
  return remitted;
}
