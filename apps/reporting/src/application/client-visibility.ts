import type { Principal } from '@lib/es-core';
import { Refused } from '@lib/platform';

/**
 * A client reads only what belongs to it. Anything else is refused exactly like a missing
 * resource, with the same `*-unknown` rule (404) and the same words, so another client's
 * ids reveal nothing. Staff see every client's data, but not what nobody has reported yet.
 */
export function assertVisibleTo(principal: Principal, ownerClientId: string | null | undefined, notFound: { rule: 'account-unknown' | 'client-unknown'; reason: string }): void {
  if (!ownerClientId || (principal.role === 'client' && ownerClientId !== principal.id)) throw new Refused(notFound);
}

/** The refusal for an account no report knows of, or that is another client's. */
export const accountUnknown = (accountId: string) => ({ rule: 'account-unknown' as const, reason: `no report of account ${accountId}` });
