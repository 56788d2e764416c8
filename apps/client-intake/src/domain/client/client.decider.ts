import { Decider, DomainEvent, reject } from '@lib/es-core';

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
  | DomainEvent<'ApiKeyIssued', { clientId: string; keyId: string; keyHash: string }>;

export type ClientCommand =
  | { type: 'OnboardClient'; clientId: string; name: string; now: Date }
  | { type: 'IssueApiKey'; clientId: string; keyId: string; keyHash: string };

export type ClientState =
  | { status: 'none' }
  | { status: 'onboarded'; name: string; agreements: Agreement[]; keyHashes: string[] };

export const clientDecider: Decider<ClientState, ClientCommand, ClientEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ClientOnboarded':
        return { status: 'onboarded', name: event.data.name, agreements: [event.data.agreement], keyHashes: [] };
      case 'ApiKeyIssued':
        return state.status === 'onboarded' ? { ...state, keyHashes: [...state.keyHashes, event.data.keyHash] } : state;
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
    }
  },
};
