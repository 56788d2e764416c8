import type { AgreementVersionPublishedV1 } from '@lib/contracts';
import type { DomainEvent } from '@lib/es-core';

/**
 * A client's agreement version as payments keeps it: exactly what client-intake published
 * (docs/domain.md, "Agreements"), so a commission is computed from payments' own store and
 * needs nothing from client-intake at command time.
 */
export type AgreementVersion = AgreementVersionPublishedV1;
export type RatePlan = AgreementVersion['ratePlan'];
export type RateTier = RatePlan['tiers'][number];
export type AccountCategory = NonNullable<RateTier['category']>;
export type HalfFeeCase = RatePlan['halfFeeCases'][number];

export type AgreementVersionReceived = DomainEvent<'AgreementVersionReceived', AgreementVersion>;
export type AgreementsEvent = AgreementVersionReceived;

export interface RecordAgreementVersion {
  type: 'RecordAgreementVersion';
  version: AgreementVersion;
}

/** Every version heard, by version number. */
export interface AgreementsState {
  versions: AgreementVersion[];
}

/**
 * The version in force at `at`: the one with the latest `effectiveFrom` not after `at`.
 * Versions only ever start later than the one before (client-intake refuses otherwise),
 * so this is also the highest version number in force.
 */
export function versionInForce(versions: readonly AgreementVersion[], at: Date): AgreementVersion | undefined {
  const instant = at.getTime();
  return versions
    .filter((v) => Date.parse(v.effectiveFrom) <= instant)
    .reduce<AgreementVersion | undefined>((best, v) => (!best || Date.parse(v.effectiveFrom) > Date.parse(best.effectiveFrom) ? v : best), undefined);
}
