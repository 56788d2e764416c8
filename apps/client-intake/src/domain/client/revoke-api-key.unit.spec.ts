import { fold } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import type { RevokeApiKey } from './client.commands';
import { clientDecider } from './client.decider';
import type { ClientEvent } from './client.events';
import { acceptsKey } from './client.state';
import { defaultAgreement } from './onboard-client.decide';

describe('revoking an API key', () => {
  it('records the revocation of an active key with its reason and time', () =>
    given(clientDecider, [onboarded, issued('key-1'), issued('key-2')])
      .when(revoke('key-1'))
      .then([{ type: 'ApiKeyRevoked', data: { clientId: 'client-1', keyId: 'key-1', reason: 'leaked', revokedAt: NOW.toISOString() } }]));

  it('records a revocation without a reason as a null reason', () =>
    given(clientDecider, [onboarded, issued('key-1')])
      .when(revoke('key-1', { reason: null }))
      .then([{ type: 'ApiKeyRevoked', data: { clientId: 'client-1', keyId: 'key-1', reason: null, revokedAt: NOW.toISOString() } }]));

  it('stops accepting the revoked key while the client keeps its other keys', () => {
    const state = fold(clientDecider, [onboarded, issued('key-1'), issued('key-2'), revoked('key-1')]);
    expect(acceptsKey(state, hashOf('key-1'))).toBe(false);
    expect(acceptsKey(state, hashOf('key-2'))).toBe(true);
  });

  it('refuses to revoke a key twice (rule api-key-already-revoked), naming when it was revoked', () => {
    const { decision } = given(clientDecider, [onboarded, issued('key-1'), revoked('key-1')]).when(revoke('key-1', { reason: 'again' }));
    expect(decision).toMatchObject({ rule: 'api-key-already-revoked', details: { keyId: 'key-1', revokedAt: EARLIER } });
  });

  it('refuses to revoke a key the client was never issued (rule api-key-unknown)', () =>
    given(clientDecider, [onboarded, issued('key-1')]).when(revoke('key-9')).thenRejects('api-key-unknown'));

  it('refuses to revoke a key of a client that is not onboarded (rule client-unknown)', () => given(clientDecider).when(revoke('key-1')).thenRejects('client-unknown'));
});

const NOW = new Date('2026-06-02T10:00:00.000Z');
const EARLIER = '2026-06-01T10:00:00.000Z';
const hashOf = (keyId: string) => `sha256-of-${keyId}`;

const onboarded: ClientEvent = { type: 'ClientOnboarded', data: { clientId: 'client-1', name: 'Northwind', agreement: defaultAgreement('2026-01-01T00:00:00.000Z') } };

function issued(keyId: string): ClientEvent {
  return { type: 'ApiKeyIssued', data: { clientId: 'client-1', keyId, keyHash: hashOf(keyId) } };
}

function revoked(keyId: string): ClientEvent {
  return { type: 'ApiKeyRevoked', data: { clientId: 'client-1', keyId, reason: null, revokedAt: EARLIER } };
}

function revoke(keyId: string, overrides: { reason?: string | null } = {}): RevokeApiKey {
  return { type: 'RevokeApiKey', clientId: 'client-1', keyId, reason: 'leaked', now: NOW, ...overrides };
}
