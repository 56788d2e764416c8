import type { Decider } from '@lib/es-core';
import type { AgreementsEvent, AgreementsState, RecordAgreementVersion } from './agreement';

/**
 * One stream per client, `agreements-<clientId>`: the versions client-intake published. A
 * version heard again (a redelivery) changes nothing; a published version never changes,
 * so the first copy stands.
 */
export const agreementsDecider: Decider<AgreementsState, RecordAgreementVersion, AgreementsEvent> = {
  initialState: () => ({ versions: [] }),
  evolve: (state, event) => ({ versions: [...state.versions, event.data].sort((a, b) => a.version - b.version) }),
  decide: (command, state) => (state.versions.some((v) => v.version === command.version.version) ? [] : [{ type: 'AgreementVersionReceived', data: command.version }]),
};
