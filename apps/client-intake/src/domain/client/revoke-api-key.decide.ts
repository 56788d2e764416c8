import { Decision, reject } from '@lib/es-core';
import type { RevokeApiKey } from './client.commands';
import type { ClientEvent } from './client.events';
import type { ClientState } from './client.state';

/**
 * A revoked key stops authenticating at once: the key check folds this same stream.
 * Revoking is final, so a second revocation is refused rather than answered as if it had
 * done something; a retried request is the Idempotency-Key's business, not this rule's.
 */
export function decideRevokeApiKey(command: RevokeApiKey, state: ClientState): Decision<ClientEvent> {
  if (state.status !== 'onboarded') return reject('client-unknown', `client ${command.clientId} is not onboarded`);
  const key = state.keys.find((k) => k.keyId === command.keyId);
  if (!key) return reject('api-key-unknown', `client ${command.clientId} has no API key ${command.keyId}`);
  if (key.status === 'revoked') {
    return reject('api-key-already-revoked', `API key ${key.keyId} was already revoked at ${key.revokedAt}`, { details: { clientId: command.clientId, keyId: key.keyId, revokedAt: key.revokedAt } });
  }
  return [{ type: 'ApiKeyRevoked', data: { clientId: command.clientId, keyId: key.keyId, reason: command.reason, revokedAt: command.now.toISOString() } }];
}
