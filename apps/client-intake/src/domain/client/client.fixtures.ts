import type { ClientEvent } from './client.events';
import { defaultAgreement } from './onboard-client.decide';

export const ONBOARDED_AT = '2026-01-01T00:00:00.000Z';

export const onboarded: ClientEvent = { type: 'ClientOnboarded', data: { clientId: 'client-1', name: 'Northwind', agreement: defaultAgreement(ONBOARDED_AT) } };

export const hashOf = (keyId: string) => `sha256-of-${keyId}`;

export function issued(keyId: string): ClientEvent {
  return { type: 'ApiKeyIssued', data: { clientId: 'client-1', keyId, keyHash: hashOf(keyId) } };
}
