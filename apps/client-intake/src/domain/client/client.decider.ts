import { Decider, DomainEvent, reject } from '@lib/es-core';
import { decideRevokeApiKey, RevokeApiKey } from './revoke-api-key.decide';

/** A client agreement version; a change appends a new version, never rewrites one. */
export interface Agreement {
  effectiveFrom: string;
  ratePlan: 'default';
  legalRateBp: number;
  remittance: 'net' | 'gross' | 'combined';
  remittancePeriod: 'monthly';
  clearedFundsHoldDays: number;
  settlementAuthorityBp: number;
}

export const defaultAgreement = (effectiveFrom: string): Agreement => ({
  effectiveFrom,
  ratePlan: 'default',
  legalRateBp: 4_000,
  remittance: 'net',
  remittancePeriod: 'monthly',
  clearedFundsHoldDays: 10,
  settlementAuthorityBp: 8_000,
});

export type ClientEvent =
  | DomainEvent<'ClientOnboarded', { clientId: string; name: string; agreement: Agreement }>
  | DomainEvent<'ApiKeyIssued', { clientId: string; keyId: string; keyHash: string }>
  | DomainEvent<'ApiKeyRevoked', { clientId: string; keyId: string; reason: string | null; revokedAt: string }>;

export type ClientCommand =
  | { type: 'OnboardClient'; clientId: string; name: string; now: Date }
  | { type: 'IssueApiKey'; clientId: string; keyId: string; keyHash: string }
  | ({ type: 'RevokeApiKey' } & RevokeApiKey);

/** A key the client was issued, by its id; only its hash is known. */
export type IssuedKey = { keyId: string; keyHash: string } & ({ status: 'active' } | { status: 'revoked'; revokedAt: string });

export type ClientState =
  | { status: 'none' }
  | { status: 'onboarded'; name: string; agreements: Agreement[]; keys: IssuedKey[] };

/** Whether a key with this hash was issued to the client and not revoked: the only kind that authenticates. */
export function acceptsKey(state: ClientState, keyHash: string): boolean {
  return state.status === 'onboarded' && state.keys.some((key) => key.status === 'active' && key.keyHash === keyHash);
}

export const clientDecider: Decider<ClientState, ClientCommand, ClientEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ClientOnboarded':
        return { status: 'onboarded', name: event.data.name, agreements: [event.data.agreement], keys: [] };
      case 'ApiKeyIssued':
        return state.status === 'onboarded' ? { ...state, keys: [...state.keys, { keyId: event.data.keyId, keyHash: event.data.keyHash, status: 'active' }] } : state;
      case 'ApiKeyRevoked':
        if (state.status !== 'onboarded') return state;
        return { ...state, keys: state.keys.map((key) => (key.keyId === event.data.keyId ? { ...key, status: 'revoked', revokedAt: event.data.revokedAt } : key)) };
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'OnboardClient':
        if (state.status !== 'none') return reject('client-exists', `client ${command.clientId} is already onboarded`);
        return [
          {
            type: 'ClientOnboarded',
            data: { clientId: command.clientId, name: command.name, agreement: defaultAgreement(command.now.toISOString()) },
          },
        ];
      case 'IssueApiKey':
        if (state.status !== 'onboarded') return reject('client-unknown', `client ${command.clientId} is not onboarded`);
        return [{ type: 'ApiKeyIssued', data: { clientId: command.clientId, keyId: command.keyId, keyHash: command.keyHash } }];
      case 'RevokeApiKey':
        return decideRevokeApiKey(command, state);
    }
  },
};
