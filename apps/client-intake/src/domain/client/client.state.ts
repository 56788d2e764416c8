import type { Agreement, AgreementVersionSet, ClientEvent } from './client.events';

export type AgreementVersion = AgreementVersionSet['data'];

/** A key the client was issued, by its id; only its hash is known. */
export type IssuedKey = { keyId: string; keyHash: string } & ({ status: 'active' } | { status: 'revoked'; revokedAt: string });

export type ClientState = { status: 'none' } | { status: 'onboarded'; name: string; agreements: Agreement[]; versions: AgreementVersion[]; keys: IssuedKey[] };

export const initialClientState = (): ClientState => ({ status: 'none' });

/** Whether a key with this hash was issued to the client and not revoked: the only kind that authenticates. */
export function acceptsKey(state: ClientState, keyHash: string): boolean {
  return state.status === 'onboarded' && state.keys.some((key) => key.status === 'active' && key.keyHash === keyHash);
}

export function evolveClient(state: ClientState, event: ClientEvent): ClientState {
  switch (event.type) {
    case 'ClientOnboarded':
      return { status: 'onboarded', name: event.data.name, agreements: [event.data.agreement], versions: [], keys: [] };
    case 'ApiKeyIssued':
      return state.status === 'onboarded' ? { ...state, keys: [...state.keys, { keyId: event.data.keyId, keyHash: event.data.keyHash, status: 'active' }] } : state;
    case 'ApiKeyRevoked':
      if (state.status !== 'onboarded') return state;
      return { ...state, keys: state.keys.map((key) => (key.keyId === event.data.keyId ? { ...key, status: 'revoked', revokedAt: event.data.revokedAt } : key)) };
    case 'AgreementVersionSet':
      return state.status === 'onboarded' ? { ...state, versions: [...state.versions, event.data] } : state;
  }
}
