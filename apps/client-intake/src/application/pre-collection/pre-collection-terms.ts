import type { PreCollectionTerms } from '../../domain/client/agreement-terms';
import type { ClientState } from '../../domain/client/client.state';

/**
 * The pre-collection terms of the client's agreement version in force at `at` (the latest
 * whose `effectiveFrom` is not after it), with that version's number; undefined when that
 * version sets none, or the client has only its default agreement (which never does).
 */
export function preCollectionTermsAt(client: ClientState, at: Date): (PreCollectionTerms & { agreementVersion: number }) | undefined {
  if (client.status !== 'onboarded') return undefined;
  const inForce = client.versions.filter((v) => Date.parse(v.effectiveFrom) <= at.getTime()).at(-1);
  return inForce?.terms.preCollection ? { ...inForce.terms.preCollection, agreementVersion: inForce.version } : undefined;
}
