import { Decision, reject } from '@lib/es-core';
import type { IssueApiKey } from './client.commands';
import type { ClientEvent } from './client.events';
import type { ClientState } from './client.state';

/** A client may hold several keys at once, so one can be rotated in before the old one is revoked. */
export function decideIssueApiKey(command: IssueApiKey, state: ClientState): Decision<ClientEvent> {
  if (state.status !== 'onboarded') return reject('client-unknown', `client ${command.clientId} is not onboarded`);
  return [{ type: 'ApiKeyIssued', data: { clientId: command.clientId, keyId: command.keyId, keyHash: command.keyHash } }];
}
