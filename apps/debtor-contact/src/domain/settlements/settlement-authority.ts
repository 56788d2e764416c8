import { Decider } from '@lib/es-core';
import type { NoteSettlementAuthority } from './settlement.commands';
import type { SettlementAuthorityNoted } from './settlement.events';

export interface AuthorityVersion {
  version: number;
  effectiveFrom: string;
  settlementAuthorityBp: number;
}

/** The settlement authority of every version of one client's agreement (stream `settlement-authority-<clientId>`). */
export interface SettlementAuthorityState {
  versions: AuthorityVersion[];
}

/**
 * The authority in force at `now`: the version with the latest `effectiveFrom` not after it
 * (the higher version on a tie). None yet in force, or none heard: null, and every offer
 * below the balance waits for a supervisor and the client (docs/debtor-contact.md, "Settlements").
 */
export function authorityInForce(state: SettlementAuthorityState, now: Date): number | null {
  const inForce = state.versions
    .filter((version) => Date.parse(version.effectiveFrom) <= now.getTime())
    .sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom) || b.version - a.version)[0];
  return inForce?.settlementAuthorityBp ?? null;
}

/** Each agreement version once; a redelivered one changes nothing. */
export const settlementAuthorityDecider: Decider<SettlementAuthorityState, NoteSettlementAuthority, SettlementAuthorityNoted> = {
  initialState: () => ({ versions: [] }),
  evolve: (state, event) => ({ versions: [...state.versions, { version: event.data.version, effectiveFrom: event.data.effectiveFrom, settlementAuthorityBp: event.data.settlementAuthorityBp }] }),
  decide(command, state) {
    if (state.versions.some((version) => version.version === command.version)) return [];
    const { clientId, version, effectiveFrom, settlementAuthorityBp } = command;
    return [{ type: 'SettlementAuthorityNoted', data: { clientId, version, effectiveFrom, settlementAuthorityBp } }];
  },
};
